import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, newVault, openBackend, removeDir } from '../helpers';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

/** Monday 23 November 2026, 10:00 in London: Rate your Support is open (1 November to 29 January). */
const monday = Date.UTC(2026, 10, 23, 10, 0);
const YEAR = '2026/27';
const RYS = 'rate-your-support';

async function setUp() {
  const v = await newVault();
  dirs.push(v.dir, `${v.dir}-exports`);
  v.clock.set(monday);
  const settings = await v.call('settings:get', {});
  await v.call('settings:save', { ...settings, mentorName: 'Priya Shah', providerName: 'Brightpath Mentoring' });
  const zoe = await v.call('students:create', { fullName: 'Zoë Adams', studentNumber: 'S0000101', email: 'zoe.adams@uni.example.ac.uk' });
  const ben = await v.call('students:create', { fullName: 'Ben Carter', studentNumber: 'S0000102', email: 'ben.carter@uni.example.ac.uk' });
  const chidi = await v.call('students:create', { fullName: 'Chidi Okafor', studentNumber: 'S0000103', email: 'chidi.okafor@uni.example.ac.uk' });
  const dana = await v.call('students:create', { fullName: 'Dana Evans', studentNumber: 'S0000104' });
  await v.call('students:setStatus', { id: dana.id, status: 'withdrawn', on: '2026-11-02', note: '' });
  await v.call('referrals:create', { student: { fullName: 'Idris Mensah' }, receivedAt: monday });
  return { v, zoe, ben, chidi, dana };
}

describe('surveys: who is asked, sent and returned', () => {
  it('lists active students (not withdrawn, not referred) with the window, and marks sent and returned with dates', async () => {
    const { v, zoe, ben, chidi } = await setUp();
    const first = await v.call('surveys:overview', { surveyId: RYS });
    expect(first.academicYear).toBe(YEAR);
    expect(first.window).toEqual({ opensOn: '2026-11-01', dueOn: '2027-01-29' });
    expect(first.rows.map((r) => r.name)).toEqual(['Ben Carter', 'Chidi Okafor', 'Zoë Adams']);
    expect(first.counts).toEqual({ invited: 3, notSent: 3, sent: 0, returned: 0, needReminder: 3 });

    const sent = await v.call('surveys:mark', { studentId: zoe.id, surveyId: RYS, academicYear: YEAR, status: 'sent', sentHow: 'email' });
    expect(sent).toMatchObject({ status: 'sent', sentOn: '2026-11-23', sentHow: 'email', returnedOn: '', answers: {} });
    await v.call('surveys:mark', { studentId: ben.id, surveyId: RYS, academicYear: YEAR, status: 'sent', sentOn: '2026-11-10', sentHow: 'link' });
    const returned = await v.call('surveys:mark', { studentId: ben.id, surveyId: RYS, academicYear: YEAR, status: 'returned', returnedOn: '2026-11-20' });
    expect(returned).toMatchObject({ status: 'returned', sentOn: '2026-11-10', sentHow: 'link', returnedOn: '2026-11-20' });

    const after = await v.call('surveys:overview', { surveyId: RYS, academicYear: YEAR });
    expect(after.counts).toEqual({ invited: 3, notSent: 1, sent: 1, returned: 1, needReminder: 2 });
    expect(after.responseRate).toBeCloseTo(1 / 3);
    const row = (id: string) => after.rows.find((r) => r.studentId === id)!;
    expect(row(ben.id)).toMatchObject({ status: 'returned', returnedOn: '2026-11-20', needsReminder: false });
    expect(row(zoe.id)).toMatchObject({ status: 'sent', sentOn: '2026-11-23', sentHow: 'email', needsReminder: true });
    expect(row(chidi.id)).toMatchObject({ status: 'not-sent', needsReminder: true });
  });

  it('refuses dates after today and a return before it was sent, saying which date to check', async () => {
    const { v, zoe } = await setUp();
    const future = await v.fails('surveys:mark', { studentId: zoe.id, surveyId: RYS, academicYear: YEAR, status: 'sent', sentOn: '2026-11-24' });
    expect(future).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'sentOn', message: 'The date it was sent cannot be after today.' }] });
    const backwards = await v.fails('surveys:mark', { studentId: zoe.id, surveyId: RYS, academicYear: YEAR, status: 'returned', sentOn: '2026-11-20', returnedOn: '2026-11-19' });
    expect(backwards.message).toMatch(/cannot come back before it was sent/);
    expect((await v.fails('surveys:overview', { surveyId: 'no-such-survey' })).code).toBe('NOT_FOUND');
  });

  it('reminds only while the window is open and before the due date, and only those not returned', async () => {
    const { v, zoe } = await setUp();
    await v.call('surveys:mark', { studentId: zoe.id, surveyId: RYS, academicYear: YEAR, status: 'returned' });
    const open = await v.call('surveys:overview', { surveyId: RYS, academicYear: YEAR });
    expect(open.rows.filter((r) => r.needsReminder).map((r) => r.name)).toEqual(['Ben Carter', 'Chidi Okafor']);

    v.clock.set(Date.UTC(2027, 0, 29, 16)); // the due date itself: still time
    expect((await v.call('surveys:overview', { surveyId: RYS, academicYear: YEAR })).counts.needReminder).toBe(2);
    v.clock.set(Date.UTC(2027, 0, 30, 9)); // the day after: too late to chase
    const late = await v.call('surveys:overview', { surveyId: RYS, academicYear: YEAR });
    expect(late.counts.needReminder).toBe(0);
    expect(late.rows.every((r) => !r.needsReminder)).toBe(true);

    v.clock.set(Date.UTC(2026, 9, 15, 9)); // October: not open yet
    expect((await v.call('surveys:overview', { surveyId: RYS, academicYear: YEAR })).counts.needReminder).toBe(0);
    v.clock.set(monday); // the mentoring survey is not open until April
    const mentoring = await v.call('surveys:overview', { surveyId: 'mentoring-survey' });
    expect(mentoring.window).toEqual({ opensOn: '2027-04-01', dueOn: '2027-05-28' });
    expect(mentoring.counts.needReminder).toBe(0);
  });
});

describe('surveys: answers and results', () => {
  it('checks typed answers against the questions, with a message naming each question', async () => {
    const { v, zoe } = await setUp();
    const bad = await v.fails('surveys:saveResponse', {
      studentId: zoe.id,
      surveyId: RYS,
      academicYear: YEAR,
      answers: { helpful: 7, arranging: 3.5, 'helped-most': 'x'.repeat(2001), 'could-be-better': 4, colour: 'blue' },
    });
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.issues).toEqual([
      { path: 'helpful', message: '“How helpful has mentoring been overall?”: choose a whole number from 1 to 5.' },
      { path: 'arranging', message: '“How easy is it to arrange sessions with your mentor?”: choose a whole number from 1 to 5.' },
      { path: 'helped-most', message: '“What has helped most?”: keep the answer under 2000 characters (it has 2001).' },
      { path: 'could-be-better', message: '“What could be better?”: this question takes written words, not a number.' },
      { path: 'colour', message: 'There is no question “colour” in Rate your Support (it may have been removed in Settings). Reload the survey and try again.' },
    ]);
    expect((await v.call('surveys:overview', { surveyId: RYS })).counts.returned).toBe(0);

    const saved = await v.call('surveys:saveResponse', { studentId: zoe.id, surveyId: RYS, academicYear: YEAR, answers: { helpful: 5, arranging: null, 'helped-most': '  Weekly planning  ', 'could-be-better': '' } });
    expect(saved).toMatchObject({ status: 'returned', returnedOn: '2026-11-23', source: 'typed', answers: { helpful: 5, 'helped-most': 'Weekly planning' } });
    expect(Object.keys(saved.answers)).toEqual(['helpful', 'helped-most']);

    // Marking it back to "sent" means it has not come back: the answers go with it.
    const back = await v.call('surveys:mark', { studentId: zoe.id, surveyId: RYS, academicYear: YEAR, status: 'sent' });
    expect(back).toMatchObject({ status: 'sent', answers: {}, returnedOn: '' });
    const history = await v.call('audit:list', { recordId: zoe.id, limit: 50 });
    const surveyChanges = history.entries.flatMap((e) => e.changes ?? []).filter((c) => c.field === 'survey');
    expect(surveyChanges.map((c) => c.new)).toEqual(expect.arrayContaining(['Rate your Support 2026/27: returned, answers typed', 'Rate your Support 2026/27: sent, answers cleared']));
    expect(JSON.stringify(history.entries)).not.toContain('Weekly planning');
  });

  it('results give the response rate, each rating over the whole scale with its mean, and the written answers', async () => {
    const { v, zoe, ben } = await setUp();
    await v.call('surveys:saveResponse', { studentId: zoe.id, surveyId: RYS, academicYear: YEAR, answers: { helpful: 5, arranging: 4, 'helped-most': 'Weekly planning' } });
    await v.call('surveys:saveResponse', { studentId: ben.id, surveyId: RYS, academicYear: YEAR, answers: { helpful: 4, arranging: 4, 'could-be-better': 'More evening slots' } });
    const results = await v.call('surveys:results', { surveyId: RYS, academicYear: YEAR });
    expect(results).toMatchObject({ invited: 3, returned: 2 });
    expect(results.responseRate).toBeCloseTo(2 / 3);
    const [helpful, arranging, helpedMost, better] = results.questions;
    expect(helpful).toMatchObject({ kind: 'rating', answered: 2, mean: 4.5 });
    expect(helpful!.kind === 'rating' && helpful!.distribution).toEqual([1, 2, 3, 4, 5].map((value) => ({ value, count: value >= 4 ? 1 : 0 })));
    expect(arranging).toMatchObject({ answered: 2, mean: 4 });
    expect(helpedMost).toEqual({ id: 'helped-most', kind: 'text', text: 'What has helped most?', answers: ['Weekly planning'] });
    expect(better).toMatchObject({ answers: ['More evening slots'] });
    expect(JSON.stringify(results)).not.toMatch(/Zoë|Ben Carter|S000010/);
  });

  it('answers survive a restart, and erasing a student erases their answers', async () => {
    const { v, zoe, ben } = await setUp();
    await v.call('surveys:saveResponse', { studentId: zoe.id, surveyId: RYS, academicYear: YEAR, answers: { helpful: 5, 'helped-most': 'Having someone to plan with' } });
    await v.call('surveys:mark', { studentId: ben.id, surveyId: RYS, academicYear: YEAR, status: 'sent', sentHow: 'in person' });

    const again = await openBackend(v.dir, v.clock);
    await again.call('vault:unlock', { passphrase: PASSPHRASE });
    const overview = await again.call('surveys:overview', { surveyId: RYS, academicYear: YEAR });
    expect(overview.rows.find((r) => r.studentId === zoe.id)).toMatchObject({ status: 'returned', hasAnswers: true });
    expect(overview.rows.find((r) => r.studentId === ben.id)).toMatchObject({ status: 'sent', sentHow: 'in person' });
    const results = await again.call('surveys:results', { surveyId: RYS, academicYear: YEAR });
    expect(results.questions[2]).toMatchObject({ answers: ['Having someone to plan with'] });

    await again.call('students:delete', { id: zoe.id, confirmName: 'Zoë Adams' });
    const afterErasure = await again.call('surveys:results', { surveyId: RYS, academicYear: YEAR });
    expect(afterErasure).toMatchObject({ invited: 2, returned: 0 });
    expect(JSON.stringify(afterErasure)).not.toContain('plan with');
  });
});
