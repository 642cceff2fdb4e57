import { afterEach, describe, expect, it } from 'vitest';
import { newVault, removeDir } from '../helpers';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

const HOUR = 3_600_000;
const monday = Date.UTC(2026, 10, 23, 9, 0);

async function vault() {
  const v = await newVault();
  dirs.push(v.dir);
  v.clock.set(monday);
  return v;
}

const draft = (fullName: string, extra: Record<string, unknown> = {}) => ({ fullName, ...extra });

describe('referral intake and the 24-hour first contact', () => {
  it('a new referral creates the student as Referred, with the pasted email kept alongside', async () => {
    const v = await vault();
    const pasted = 'Student name: Zoë O’Connor\nEmail: zoe.oconnor@example.ac.uk\nReason for referral: anxiety before exams';
    const student = await v.call('referrals:create', { student: draft('Zoë O’Connor', { email: 'zoe.oconnor@example.ac.uk' }), receivedAt: monday - HOUR, source: 'DSA needs assessor', pastedText: pasted });
    expect(student.status).toBe('referred');
    expect(student.statusHistory).toEqual([{ status: 'referred', on: '2026-11-23', at: monday, note: 'referral received' }]);
    const referral = await v.call('referrals:get', { studentId: student.id });
    expect(referral).toMatchObject({ receivedAt: monday - HOUR, source: 'DSA needs assessor', pastedText: pasted, contacts: [], firstSession: null });
  });

  it('the home screen lists first contacts overdue first, then due soon, then waiting; a successful contact clears one', async () => {
    const v = await vault();
    const early = await v.call('referrals:create', { student: draft('Amara Okafor'), receivedAt: monday - 30 * HOUR });
    const soon = await v.call('referrals:create', { student: draft('Idris Mensah'), receivedAt: monday - 20 * HOUR });
    const fresh = await v.call('referrals:create', { student: draft('Łukasz Nowak'), receivedAt: monday - 1 * HOUR });
    let home = await v.call('home:overview', {});
    expect(home.firstContacts.map((f) => [f.student.fullName, f.state])).toEqual([
      ['Amara Okafor', 'overdue'],
      ['Idris Mensah', 'due-soon'],
      ['Łukasz Nowak', 'waiting'],
    ]);
    expect(home.counts.referred).toBe(3);

    // A voicemail does not count; speaking to the student does.
    await v.call('referrals:logContact', { studentId: early.id, contact: { at: monday, method: 'phone', outcome: 'left-voicemail', note: '' } });
    home = await v.call('home:overview', {});
    expect(home.firstContacts[0]!.student.id).toBe(early.id);
    await v.call('referrals:logContact', { studentId: early.id, contact: { at: monday + HOUR, method: 'phone', outcome: 'spoke', note: 'first session Thursday' } });
    home = await v.call('home:overview', {});
    expect(home.firstContacts.map((f) => f.student.id)).toEqual([soon.id, fresh.id]);

    // Time passes: the due-soon one becomes overdue.
    v.clock.advance(5 * HOUR);
    home = await v.call('home:overview', {});
    expect(home.firstContacts.map((f) => f.state)).toEqual(['overdue', 'waiting']);
  });

  it('records the first session booked, and contacts survive a restart', async () => {
    const v = await vault();
    const s = await v.call('referrals:create', { student: draft('Amara Okafor'), receivedAt: monday });
    await v.call('referrals:logContact', { studentId: s.id, contact: { at: monday + HOUR, method: 'email', outcome: 'replied', note: '' } });
    await v.call('referrals:bookFirstSession', { studentId: s.id, booking: { date: '2026-11-26', time: '14:00', place: 'Library, room 2' } });
    const again = await (await import('../helpers')).openBackend(v.dir);
    await again.call('vault:unlock', { passphrase: 'Tulip-Kettle-Orbit-42' });
    const referral = await again.call('referrals:get', { studentId: s.id });
    expect(referral?.contacts.map((c) => c.outcome)).toEqual(['replied']);
    expect(referral?.firstSession).toEqual({ date: '2026-11-26', time: '14:00', place: 'Library, room 2' });
    expect((await again.call('students:get', { id: s.id })).lastContactAt).toBe(monday + HOUR);
  });

  it('refuses a contact for a student with no referral, and a booking with an impossible date', async () => {
    const v = await vault();
    const s = await v.call('students:create', draft('Amara Okafor'));
    expect((await v.fails('referrals:logContact', { studentId: s.id, contact: { at: monday, method: 'phone', outcome: 'spoke' } })).code).toBe('NOT_FOUND');
    const r = await v.call('referrals:create', { student: draft('Idris Mensah'), receivedAt: monday });
    const error = await v.fails('referrals:bookFirstSession', { studentId: r.id, booking: { date: '2026-02-30', time: '25:00', place: '' } });
    expect(error.issues?.map((i) => i.message)).toEqual(['That date does not exist', 'Enter a time like 14:30']);
  });
});

describe('the student record', () => {
  it('validates next to the field: email, UK and international phones, negative hours, real dates', async () => {
    const v = await vault();
    const error = await v.fails('students:create', {
      fullName: 'Amara Okafor',
      email: 'amara@',
      phone: '12345',
      allocatedHours: -3,
      hoursDeadline: '2027-02-30',
      emergencyContact: { name: 'Mum', relationship: 'mother', phone: 'call me' },
    });
    expect(Object.fromEntries(error.issues!.map((i) => [i.path, i.message]))).toEqual({
      email: 'Enter a valid email address, like name@example.ac.uk',
      phone: 'Enter a UK number (07700 900123) or an international one with its country code (+353 1 234 5678)',
      allocatedHours: 'Hours cannot be negative',
      hoursDeadline: 'That date does not exist',
      'emergencyContact.phone': 'Enter a UK number (07700 900123) or an international one with its country code (+353 1 234 5678)',
    });
    expect(await v.call('students:list', {})).toEqual([]);
    const ok = await v.call('students:create', { fullName: 'Amara Okafor', phone: '+353 1 234 5678', emergencyContact: { name: 'Ada', relationship: 'aunt', phone: '0116 254 8881' }, allocatedHours: 30.5, hoursDeadline: '2027-07-31' });
    expect(ok).toMatchObject({ phone: '+353 1 234 5678', allocatedHours: 30.5, funding: 'dsa', status: 'active' });
  });

  it('keeps support needs only while consent is on record; withdrawing consent clears them', async () => {
    const v = await vault();
    const error = await v.fails('students:create', { fullName: 'Amara Okafor', supportNeeds: 'ADHD; anxiety' });
    expect(error.issues).toEqual([{ path: 'supportNeeds', message: expect.stringMatching(/consent/) }]);
    const s = await v.call('students:create', { fullName: 'Amara Okafor' });
    expect((await v.fails('students:update', { id: s.id, draft: { fullName: 'Amara Okafor', supportNeeds: 'ADHD' } })).issues?.[0]?.path).toBe('supportNeeds');
    await v.call('students:recordConsent', { id: s.id, givenOn: '2026-11-23', scope: 'Keeping my support needs for mentoring', method: 'signed-form' });
    const withNeeds = await v.call('students:update', { id: s.id, draft: { fullName: 'Amara Okafor', supportNeeds: 'ADHD; anxiety' } });
    expect(withNeeds.supportNeeds).toBe('ADHD; anxiety');
    const withdrawn = await v.call('students:withdrawConsent', { id: s.id, on: '2026-12-01' });
    expect(withdrawn.supportNeeds).toBe('');
    expect(withdrawn.consents).toEqual([expect.objectContaining({ givenOn: '2026-11-23', withdrawnOn: '2026-12-01', method: 'signed-form' })]);
    expect((await v.fails('students:withdrawConsent', { id: s.id, on: '2026-12-02' })).code).toBe('NOT_FOUND');
    const audit = await v.call('audit:list', { limit: 10, recordId: s.id });
    // The log says support needs changed, never what they were: health details go when consent goes.
    expect(audit.entries[0]!.changes).toContainEqual({ field: 'supportNeeds' });
    expect(JSON.stringify(audit.entries)).not.toMatch(/ADHD|anxiety/);
  });

  it('records each status change with its date and note, and the audit log keeps old and new values', async () => {
    const v = await vault();
    const s = await v.call('referrals:create', { student: draft('Amara Okafor'), receivedAt: monday });
    await v.call('students:setStatus', { id: s.id, status: 'active', on: '2026-11-25', note: 'first session held' });
    v.clock.advance(24 * HOUR);
    const deferred = await v.call('students:setStatus', { id: s.id, status: 'deferred', on: '2027-01-10', note: 'medical leave' });
    expect(deferred.statusHistory.map((h) => [h.status, h.on, h.note])).toEqual([
      ['referred', '2026-11-23', 'referral received'],
      ['active', '2026-11-25', 'first session held'],
      ['deferred', '2027-01-10', 'medical leave'],
    ]);
    const audit = await v.call('audit:list', { limit: 10, recordId: s.id });
    expect(audit.entries[0]!.changes).toEqual([{ field: 'status', old: 'active', new: 'deferred' }]);
  });
});

describe('the caseload list', () => {
  async function caseload() {
    const v = await vault();
    const people = [
      { fullName: 'Zoë Fairbairn', studentNumber: 'U1234567', institution: 'University of Leicester', funding: 'dsa', phone: '07700 900123' },
      { fullName: 'Łukasz Nowak', preferredName: 'Luke', studentNumber: 'U7654321', institution: 'De Montfort University', funding: 'access-to-work', email: 'l.nowak@example.ac.uk' },
      { fullName: 'Siobhán Ní Bhriain', studentNumber: 'S0000042', institution: 'University of Leicester', funding: 'self-funded' },
      { fullName: 'Amara Okafor', studentNumber: 'U1111111', institution: 'Loughborough University', funding: 'dsa' },
    ];
    const ids: Record<string, string> = {};
    for (const p of people) ids[p.fullName] = (await v.call('students:create', p as never)).id;
    await v.call('students:setStatus', { id: ids['Amara Okafor']!, status: 'completed', on: '2026-11-23' });
    return { v, ids };
  }
  const names = (page: { students: { fullName: string }[] }) => page.students.map((s) => s.fullName);

  it('search ignores accents and case, and finds partial IDs, emails and phones', async () => {
    const { v } = await caseload();
    expect(names(await v.call('students:search', { text: 'zoe' }))).toEqual(['Zoë Fairbairn']);
    expect(names(await v.call('students:search', { text: 'LUKASZ' }))).toEqual(['Łukasz Nowak']);
    expect(names(await v.call('students:search', { text: 'luke' }))).toEqual(['Łukasz Nowak']);
    expect(names(await v.call('students:search', { text: 'ni bhriain' }))).toEqual(['Siobhán Ní Bhriain']);
    expect(names(await v.call('students:search', { text: '4567' }))).toEqual(['Zoë Fairbairn']);
    expect(names(await v.call('students:search', { text: '07700900123' }))).toEqual(['Zoë Fairbairn']);
    expect(names(await v.call('students:search', { text: 'nowak@example' }))).toEqual(['Łukasz Nowak']);
    expect(names(await v.call('students:search', { text: 'leicester' }))).toEqual(['Siobhán Ní Bhriain', 'Zoë Fairbairn']);
  });

  it('filters by status, funding and institution, sorts, counts and pages', async () => {
    const { v } = await caseload();
    const page = await v.call('students:search', { statuses: ['active'], sort: 'name' });
    expect(page.total).toBe(3);
    expect(names(page)).toEqual(['Łukasz Nowak', 'Siobhán Ní Bhriain', 'Zoë Fairbairn']);
    expect(names(await v.call('students:search', { fundings: ['dsa'] }))).toEqual(['Amara Okafor', 'Zoë Fairbairn']);
    expect(names(await v.call('students:search', { institution: 'University of Leicester', sort: 'name', direction: 'desc' }))).toEqual(['Zoë Fairbairn', 'Siobhán Ní Bhriain']);
    const paged = await v.call('students:search', { limit: 2, offset: 2 });
    expect(paged.total).toBe(4);
    expect(names(paged)).toEqual(['Siobhán Ní Bhriain', 'Zoë Fairbairn']);
    expect(paged.institutions).toEqual(['De Montfort University', 'Loughborough University', 'University of Leicester']);
  });
});

describe('retention', () => {
  it('lists students whose last contact is older than the provider’s setting', async () => {
    const v = await vault();
    v.clock.set(Date.UTC(2019, 0, 10));
    const old = await v.call('referrals:create', { student: draft('Amara Okafor'), receivedAt: Date.UTC(2019, 0, 9) });
    await v.call('referrals:logContact', { studentId: old.id, contact: { at: Date.UTC(2019, 0, 10), method: 'phone', outcome: 'spoke' } });
    v.clock.set(Date.UTC(2024, 0, 10));
    await v.call('students:create', draft('Idris Mensah'));
    v.clock.set(Date.UTC(2024, 5, 1));
    // Six years (the default) after 10 January 2019 is not yet here…
    expect(await v.call('students:retentionDue', {})).toEqual([]);
    // …five years is.
    const settings = await v.call('settings:get', {});
    await v.call('settings:save', { ...settings, retentionYears: 5 });
    const due = await v.call('students:retentionDue', {});
    expect(due.map((d) => [d.student.fullName, new Date(d.dueAt).toISOString().slice(0, 10)])).toEqual([['Amara Okafor', '2024-01-10']]);
    expect((await v.call('home:overview', {})).dueForDeletion).toBe(1);
  });
});

describe('importing students from a CSV file', () => {
  const csv = [
    'Forename,Surname,Student ID,Email Address,Mobile,Programme,DSA hours',
    'Zoë,Fairbairn,U1234567,zoe.fairbairn@example.ac.uk,07700 900123,BSc Psychology,30',
    'Łukasz,Nowak,U7654321,not-an-email,07700 900456,MA History,20',
    'Amara,Okafor,U1111111,amara@example.ac.uk,,LLB Law,-4',
    'Idris,Mensah,U1234567,idris@example.ac.uk,,BEng,10',
    'Siobhán,Ní Bhriain,S0000042,siobhan@example.ac.uk,+353 1 234 5678,BA Irish,12.5',
  ].join('\r\n');

  it('previews the mapping it suggests, the rows it would import and the bad ones with reasons', async () => {
    const v = await vault();
    const preview = await v.call('students:importPreview', { csv });
    expect(preview.mapping).toMatchObject({ Forename: 'firstName', Surname: 'lastName', 'Student ID': 'studentNumber', 'Email Address': 'email', Mobile: 'phone', Programme: 'course', 'DSA hours': 'allocatedHours' });
    expect(preview.total).toBe(5);
    expect(preview.good).toBe(2);
    expect(preview.sample.map((s) => [s.row, s.draft.fullName, s.draft.allocatedHours])).toEqual([
      [2, 'Zoë Fairbairn', 30],
      [6, 'Siobhán Ní Bhriain', 12.5],
    ]);
    expect(preview.bad.map((b) => b.row)).toEqual([3, 4, 5]);
    expect(preview.bad[0]!.reasons.join(' ')).toMatch(/email/i);
    expect(preview.bad[1]!.reasons.join(' ')).toMatch(/-4/);
    expect(preview.bad[2]!.reasons.join(' ')).toMatch(/U1234567/);
    // A preview saves nothing.
    expect(await v.call('students:list', {})).toEqual([]);
  });

  it('imports every good row in one save and lists the bad ones; a changed mapping is honoured', async () => {
    const v = await vault();
    const before = (await v.call('vault:listBackups', {})).length;
    const result = await v.call('students:import', { csv });
    expect(result.imported).toBe(2);
    expect(result.bad.map((b) => b.row)).toEqual([3, 4, 5]);
    const list = await v.call('students:list', {});
    expect(list.map((s) => s.fullName)).toEqual(['Siobhán Ní Bhriain', 'Zoë Fairbairn']);
    expect((await v.call('vault:listBackups', {})).length).toBe(before + 1); // one save for the whole import
    const zoe = await v.call('students:get', { id: list[1]!.id });
    expect(zoe).toMatchObject({ studentNumber: 'U1234567', course: 'BSc Psychology', phone: '07700 900123', status: 'active' });

    const again = await vault();
    const mapping = { Forename: 'firstName', Surname: 'lastName', 'Student ID': '', 'Email Address': '', Mobile: '', Programme: '', 'DSA hours': '' } as const;
    const names = await again.call('students:import', { csv, mapping });
    expect(names.imported).toBe(5);
  });

  it('refuses support needs in an import (no consent yet) row by row, without failing the others', async () => {
    const v = await vault();
    const result = await v.call('students:import', { csv: 'Name,Support needs\nAmara Okafor,dyslexia\nIdris Mensah,\n' });
    expect(result.imported).toBe(1);
    expect(result.bad).toEqual([{ row: 2, reasons: [expect.stringMatching(/consent/)] }]);
  });

  it('a file that is not a CSV is reported, and nothing is imported', async () => {
    const v = await vault();
    const preview = await v.call('students:importPreview', { csv: '\u0000\u0001PK\u0003\u0004 binary' });
    expect(preview.good).toBe(0);
    const result = await v.call('students:import', { csv: '' });
    expect(result.imported).toBe(0);
    expect(await v.call('students:list', {})).toEqual([]);
  });
});
