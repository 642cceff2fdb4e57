import ICAL from 'ical.js';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, newVault, openBackend, removeDir } from '../helpers';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

// Wednesday 20 January 2027, 10:00 in London.
const midJanuary = Date.UTC(2027, 0, 20, 10, 0);

async function setUp(at = midJanuary) {
  const v = await newVault();
  dirs.push(v.dir, `${v.dir}-exports`);
  v.clock.set(at);
  const settings = await v.call('settings:get', {});
  await v.call('settings:save', { ...settings, mentorName: 'Priya Shah', providerName: 'Brightpath Mentoring' });
  return v;
}

describe('the calendar', () => {
  it('in January, coming up shows the Rate your Support deadline on the last working day of January', async () => {
    const v = await setUp();
    const { today, items } = await v.call('calendar:comingUp', {});
    expect(today).toBe('2027-01-20');
    const survey = items.find((i) => i.title === 'Rate your Support survey');
    // 31 January 2027 is a Sunday: due Friday 29 January.
    expect(survey).toMatchObject({ kind: 'survey', date: '2027-01-29', opensOn: '2026-11-01', state: 'due', daysUntil: 9 });
    // The weekly availability email falls on Fridays.
    expect(items.filter((i) => i.title.startsWith('Send weekly availability')).map((i) => i.date)).toEqual(expect.arrayContaining(['2027-01-22', '2027-01-29']));
  });

  it('lists what is overdue before what is due, and a deadline ticked off stays off after a restart', async () => {
    const v = await setUp();
    const { items } = await v.call('calendar:comingUp', {});
    // December's timesheets were due on 31 December 2026 (a Thursday) and are overdue until ticked off.
    const december = items.find((i) => i.title === 'Submit timesheets' && i.date === '2026-12-31')!;
    expect(december.state).toBe('overdue');
    expect(items[0]!.state).toBe('overdue');
    expect(items.findIndex((i) => i.state === 'due')).toBeGreaterThan(items.findLastIndex((i) => i.state === 'overdue'));
    // Of the weekly email only the latest missed one (Friday 15 January) is overdue, not every Friday since November.
    expect(items.filter((i) => i.title.startsWith('Send weekly') && i.state === 'overdue').map((i) => i.date)).toEqual(['2027-01-15']);
    await v.call('calendar:markDone', { eventId: december.id, done: true });
    expect((await v.call('calendar:comingUp', {})).items.map((i) => i.id)).not.toContain(december.id);
    const refused = await v.fails('calendar:markDone', { eventId: 'session:abc', done: true });
    expect(refused.message).toMatch(/Only deadlines/);

    const again = await openBackend(v.dir);
    again.clock.set(midJanuary);
    await again.call('vault:unlock', { passphrase: PASSPHRASE });
    const events = await again.call('calendar:events', { from: '2026-12-01', to: '2026-12-31' });
    expect(events.find((e) => e.id === december.id)?.done).toBe(true);
  });

  it('shows the bank holidays of the provider’s region: Scotland has 2 January, England and Wales do not', async () => {
    const v = await setUp();
    const england = await v.call('calendar:events', { from: '2026-12-20', to: '2027-01-10' });
    expect(england.filter((e) => e.kind === 'bank-holiday').map((e) => e.date)).toEqual(['2026-12-25', '2026-12-28', '2027-01-01']);
    const settings = await v.call('settings:get', {});
    await v.call('settings:save', { ...settings, region: 'scotland' });
    const scotland = await v.call('calendar:events', { from: '2026-12-20', to: '2027-01-10' });
    expect(scotland.filter((e) => e.kind === 'bank-holiday').map((e) => e.date)).toEqual(['2026-12-25', '2026-12-28', '2027-01-01', '2027-01-04']);
  });

  it('puts students’ dates on it: an overdue first contact, a booked session, the hours deadline', async () => {
    const v = await setUp();
    await v.call('referrals:create', {
      student: { fullName: 'Zoë Adams' },
      receivedAt: midJanuary - 2 * 86_400_000,
      source: 'office',
      pastedText: '',
    });
    const student = await v.call('students:create', { fullName: 'Łukasz Nowak', allocatedHours: 20, hoursDeadline: '2027-01-31' });
    await v.call('sessions:book', { studentId: student.id, booking: { date: '2027-01-25', start: '14:00', plannedMinutes: 60, mode: 'campus', place: 'Library' } });
    const { items } = await v.call('calendar:comingUp', {});
    expect(items.find((i) => i.kind === 'first-contact')).toMatchObject({ title: 'Contact Zoë Adams (new referral)', date: '2027-01-19', state: 'overdue' });
    expect(items.find((i) => i.kind === 'session')).toMatchObject({ date: '2027-01-25', time: '14:00', title: 'Session with Łukasz Nowak', studentId: student.id });
    const events = await v.call('calendar:events', { from: '2027-01-01', to: '2027-02-28' });
    expect(events.find((e) => e.kind === 'hours-deadline')).toMatchObject({ date: '2027-01-31', studentId: student.id });
  });

  it('refuses a range back to front or longer than about a year, with a reason', async () => {
    const v = await setUp();
    expect((await v.fails('calendar:events', { from: '2027-02-01', to: '2027-01-01' })).message).toMatch(/before its start/);
    expect((await v.fails('calendar:events', { from: '2027-01-01', to: '2029-01-01' })).message).toMatch(/at most 400 days/);
  });

  it('exports the deadlines as an .ics a calendar app reads; student entries only when asked, by initials', async () => {
    const v = await setUp();
    const student = await v.call('students:create', { fullName: 'Łukasz Nowak' });
    await v.call('sessions:book', { studentId: student.id, booking: { date: '2027-01-25', start: '14:00', plannedMinutes: 60, mode: 'campus', place: 'Library' } });
    const plain = await v.call('calendar:exportIcs', { from: '2027-01-01', to: '2027-06-30', includeStudents: false });
    expect(plain.fileName).toBe('Mentor Desk deadlines 2027-01-01 to 2027-06-30.ics');
    const text = await readFile(plain.path, 'utf8');
    const events = ICAL.Component.fromString(text).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.find((e) => e.summary === 'Rate your Support survey')?.startDate.toString()).toBe('2027-01-29');
    expect(events.find((e) => e.summary === 'Mentoring survey')?.startDate.toString()).toBe('2027-05-28');
    expect(events.some((e) => e.summary.includes('Bank'))).toBe(false);
    expect(text).not.toContain('Nowak');
    expect(text).not.toContain('(ŁN)');

    const withStudents = await readFile((await v.call('calendar:exportIcs', { from: '2027-01-01', to: '2027-06-30', includeStudents: true })).path, 'utf8');
    expect(withStudents).toContain('SUMMARY:Mentoring session (ŁN) 14:00');
    expect(withStudents).not.toContain('Nowak');
  });
});
