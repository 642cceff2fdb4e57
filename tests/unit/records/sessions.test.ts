import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { readRecordFromPdf } from '../../../electron/main/backend/documents';
import { PASSPHRASE, openBackend } from '../helpers';
import { MENTOR_NAME, MONDAY_10AM, STUDENT_NAME, at, drawn, hashOfSession, holdSession, pdfText, recordDraft, removeDir, setUpStudent } from './sessions.fixtures';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

const booking = (date: string, start: string, plannedMinutes = 60, mode: 'campus' | 'email' | 'video' = 'campus') => ({ date, start, plannedMinutes, mode, place: 'Library room 2' });

describe('booking, recording and signing a session', () => {
  it('a session booked, recorded and signed by both adds its recorded length to the hours used', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    const { session, warnings } = await v.call('sessions:book', { studentId, booking: booking('2026-11-30', '14:00', 60) });
    expect(warnings).toEqual([]);
    let list = await v.call('sessions:list', { studentId });
    expect(list.sessions.map((s) => s.status)).toEqual(['booked']);
    expect(list.hours).toMatchObject({ allocated: 10, used: 0, booked: 1, remaining: 10 });

    v.clock.set(at('2026-11-30', '14:55'));
    let recorded = await v.call('sessions:record', { studentId, sessionId: session.id, draft: recordDraft('2026-11-30', '14:00', '14:55') });
    expect(recorded.record!.versions[0]!.content).toMatchObject({ studentName: STUDENT_NAME, mentorName: MENTOR_NAME, plannedMinutes: 60, durationMinutes: 55 });
    list = await v.call('sessions:list', { studentId });
    expect(list.sessions[0]).toMatchObject({ status: 'recorded', durationMinutes: 55 });
    expect(list.hours).toMatchObject({ used: 0, awaitingSignatures: 0.9, booked: 0 });

    const hash = hashOfSession(recorded);
    await v.call('sessions:sign', { studentId, sessionId: session.id, signature: drawn('student', STUDENT_NAME, hash, v.clock.now()) });
    recorded = await v.call('sessions:sign', { studentId, sessionId: session.id, signature: drawn('mentor', MENTOR_NAME, hash, v.clock.now()) });
    list = await v.call('sessions:list', { studentId });
    expect(list.sessions[0]).toMatchObject({ status: 'complete', durationMinutes: 55 });
    expect(list.hours).toMatchObject({ used: 0.9, remaining: 9.1, awaitingSignatures: 0 });
    expect(list.hours.minutes.used).toBe(55);
    const [summary] = await v.call('students:list', {});
    expect(summary).toMatchObject({ hoursUsed: 0.9, hoursRemaining: 9.1, hoursBooked: 0, nextSessionAt: null });
  });

  it('refuses the student’s signature before the recorded end time, with the time it can be given', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    const { session } = await v.call('sessions:book', { studentId, booking: booking('2026-11-23', '11:00', 60) });
    v.clock.set(at('2026-11-23', '11:40'));
    const recorded = await v.call('sessions:record', { studentId, sessionId: session.id, draft: recordDraft('2026-11-23', '11:00', '12:00') });
    const hash = hashOfSession(recorded);
    const refused = await v.fails('sessions:sign', { studentId, sessionId: session.id, signature: drawn('student', STUDENT_NAME, hash, v.clock.now()) });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('The student cannot sign before the session’s recorded end time (12:00)'.replace('’', "'"));
    v.clock.set(at('2026-11-23', '12:00'));
    const signed = await v.call('sessions:sign', { studentId, sessionId: session.id, signature: drawn('student', STUDENT_NAME, hash, v.clock.now()) });
    expect(signed.record!.versions[0]!.signatures.map((s) => s.role)).toEqual(['student']);
  });

  it('a session that ended early needs the reason and the student’s confirmation before it can be recorded', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    const { session } = await v.call('sessions:book', { studentId, booking: booking('2026-11-23', '11:00', 60) });
    v.clock.set(at('2026-11-23', '11:45'));
    const save = (endedEarly: { reason: string; studentConfirmed: boolean } | null) =>
      v.fails('sessions:record', { studentId, sessionId: session.id, draft: recordDraft('2026-11-23', '11:00', '11:40', { endedEarly }) });
    expect((await save(null)).issues).toEqual([{ path: 'endedEarly', message: expect.stringMatching(/20 minutes shorter than planned/) }]);
    expect((await save({ reason: '', studentConfirmed: true })).issues?.map((i) => i.path)).toEqual(['endedEarly.reason']);
    expect((await save({ reason: 'Student had a lecture moved', studentConfirmed: false })).issues?.map((i) => i.path)).toEqual(['endedEarly.studentConfirmed']);
    const ok = await v.call('sessions:record', {
      studentId,
      sessionId: session.id,
      draft: recordDraft('2026-11-23', '11:00', '11:40', { endedEarly: { reason: 'Student had a lecture moved', studentConfirmed: true } }),
    });
    expect(ok.record!.versions[0]!.content.durationMinutes).toBe(40);
  });

  it('refuses times that do not add up and goals that are not in the learning plan', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    const { session } = await v.call('sessions:book', { studentId, booking: booking('2026-11-23', '11:00', 60) });
    const wrong = await v.fails('sessions:record', { studentId, sessionId: session.id, draft: { ...recordDraft('2026-11-23', '11:00', '12:00'), durationMinutes: 50 } });
    expect(wrong.issues?.map((i) => i.path)).toEqual(['durationMinutes']);
    const goal = await v.fails('sessions:record', { studentId, sessionId: session.id, draft: recordDraft('2026-11-23', '11:00', '12:00', { goalIds: ['NoSuchGoal123'] }) });
    expect(goal.issues?.map((i) => i.path)).toEqual(['goalIds']);
  });

  it('a change after signing is an amendment to sign again; the signed record stays as it was', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    const held = await holdSession(v, studentId, '2026-11-24', '10:00');
    const changed = await v.call('sessions:record', {
      studentId,
      sessionId: held.id,
      draft: recordDraft('2026-11-24', '10:00', '11:00', { notes: 'Planned the essay on Woolf; also looked at referencing.' }),
    });
    expect(changed.record!.versions).toHaveLength(2);
    expect(changed.record!.versions[0]!.signatures).toHaveLength(2);
    expect(changed.record!.versions[1]).toMatchObject({ amends: 0, signatures: [], changes: [{ path: 'notes' }] });
    // Until both sign the amendment, the session is awaiting signatures and its hours are not used.
    const list = await v.call('sessions:list', { studentId });
    expect(list.sessions[0]!.status).toBe('recorded');
    expect(list.hours.used).toBe(0);
  });
});

describe('what counts against the hours', () => {
  it('email-only support is not counted by default, and is when the provider’s policy says so', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    await holdSession(v, studentId, '2026-11-24', '10:00', 30, { mode: 'email' });
    expect((await v.call('hours:summary', { studentId })).used).toBe(0);
    const caseloadHours = async () => (await v.call('students:list', {})).find((s) => s.id === studentId)?.hoursUsed;
    expect(await caseloadHours()).toBe(0);
    const settings = await v.call('settings:get', {});
    await v.call('settings:save', { ...settings, hoursPolicy: { ...settings.hoursPolicy, emailSupportChargeable: true } });
    expect((await v.call('hours:summary', { studentId })).used).toBe(0.5);
    // The caseload list shows the new policy at once, not only after the student's next save.
    expect(await caseloadHours()).toBe(0.5);
  });

  it('a student’s late cancellation counts under the default policy; one with notice and a mentor’s never do', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    const book = async (date: string) => (await v.call('sessions:book', { studentId, booking: booking(date, '14:00', 60) })).session.id;
    const late = await book('2026-11-24');
    const noticed = await book('2026-11-26');
    const mentors = await book('2026-11-27');
    const missed = await book('2026-11-23');

    v.clock.set(at('2026-11-24', '09:00'));
    const lateResult = await v.call('sessions:cancel', { studentId, sessionId: late, cancelledBy: 'student', didNotAttend: false, reason: 'Unwell' });
    expect(lateResult).toMatchObject({ kind: 'late', countsAgainstHours: true });
    expect(lateResult.message).toMatch(/uses 1\.0 hours of the student’s hours/);
    expect(lateResult.message).toMatch(/Offer another time/);
    // Free times from the next day in the mentor's usual week (Monday to Friday, 09:00–17:00), around bookings.
    expect(lateResult.freeSlots[0]).toEqual({ date: '2026-11-25', start: '09:00', end: '10:00' });
    expect(lateResult.freeSlots).toHaveLength(3);

    const noticeResult = await v.call('sessions:cancel', { studentId, sessionId: noticed, cancelledBy: 'student', didNotAttend: false, reason: 'Exam' });
    expect(noticeResult).toMatchObject({ kind: 'with-notice', countsAgainstHours: false });
    expect(noticeResult.message).toMatch(/does not use the student’s hours/);

    v.clock.set(at('2026-11-27', '13:30'));
    const mentorResult = await v.call('sessions:cancel', { studentId, sessionId: mentors, cancelledBy: 'mentor', didNotAttend: false, reason: 'Mentor unwell' });
    expect(mentorResult).toMatchObject({ kind: 'late', countsAgainstHours: false });

    const dna = await v.call('sessions:cancel', { studentId, sessionId: missed, cancelledBy: 'student', didNotAttend: true, reason: '' });
    expect(dna).toMatchObject({ kind: 'did-not-attend', countsAgainstHours: true });

    const summary = await v.call('hours:summary', { studentId });
    expect(summary.minutes.used).toBe(120);
    const list = await v.call('sessions:list', { studentId });
    expect(list.sessions.map((s) => s.status)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled']);
  });

  it('only the student can fail to attend, and not before the session starts', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    const { session } = await v.call('sessions:book', { studentId, booking: booking('2026-11-25', '14:00') });
    expect((await v.fails('sessions:cancel', { studentId, sessionId: session.id, cancelledBy: 'mentor', didNotAttend: true, reason: '' })).message).toMatch(/Only the student/);
    expect((await v.fails('sessions:cancel', { studentId, sessionId: session.id, cancelledBy: 'student', didNotAttend: true, reason: '' })).message).toMatch(/has not started yet/);
  });

  it('warns when a booking is less than 24 hours ahead, but still books it', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    const soon = await v.call('sessions:book', { studentId, booking: booking('2026-11-24', '09:00') });
    expect(soon.warnings).toEqual([{ kind: 'short-notice', message: expect.stringMatching(/less than 24 hours ahead/) }]);
    const later = await v.call('sessions:book', { studentId, booking: booking('2026-11-25', '10:00') });
    expect(later.warnings).toEqual([]);
    expect((await v.call('sessions:list', { studentId })).sessions).toHaveLength(2);
    expect((await v.call('students:list', {}))[0]).toMatchObject({ hoursBooked: 2, nextSessionAt: '2026-11-24T09:00' });
  });

  it('warns when a booking goes beyond the hours left or past the hours deadline, or the student is deferred', async () => {
    const { v, studentId } = await setUpStudent(dirs, { allocatedHours: 2, hoursDeadline: '2026-12-18' });
    expect((await v.call('sessions:book', { studentId, booking: booking('2026-12-01', '10:00', 90) })).warnings).toEqual([]);
    const over = await v.call('sessions:book', { studentId, booking: booking('2026-12-08', '10:00', 60) });
    expect(over.warnings).toEqual([{ kind: 'hours', message: 'Sessions booked or awaiting signatures (2.5 hours) come to more than the 2.0 hours remaining' }]);
    const late = await v.call('sessions:book', { studentId, booking: booking('2027-01-12', '10:00', 30) });
    expect(late.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/booked after the hours deadline \(18\/12\/2026\)/));
    await v.call('students:defer', { studentId, deferral: { from: '2026-11-23', newDeadline: '2027-06-30', extraHours: 0, note: '' } });
    const deferred = await v.call('sessions:book', { studentId, booking: booking('2027-01-19', '10:00', 30) });
    expect(deferred.warnings.map((w) => w.kind)).toEqual(['hours', 'deferred']);
  });

  it('shows the 80% warning once four fifths of the hours are used, in the summary, the session list and the caseload', async () => {
    const { v, studentId } = await setUpStudent(dirs, { allocatedHours: 5 });
    for (const date of ['2026-11-24', '2026-11-25', '2026-11-26']) {
      await holdSession(v, studentId, date, '10:00', 60);
      expect((await v.call('hours:summary', { studentId })).warnings).toEqual([]);
    }
    await holdSession(v, studentId, '2026-11-27', '10:00', 60);
    const summary = await v.call('hours:summary', { studentId });
    expect(summary).toMatchObject({ used: 4, remaining: 1, percentUsed: 80 });
    expect(summary.warnings).toEqual([{ kind: 'used-80', message: expect.stringMatching(/80% or more of the hours are used/) }]);
    expect((await v.call('sessions:list', { studentId })).hours.warnings.map((w) => w.kind)).toEqual(['used-80']);
    expect((await v.call('students:list', {}))[0]!.hoursWarnings).toEqual(['used-80']);
  });
});

describe('session paperwork', () => {
  it('exports one session’s timesheet and progress log with everything on it and both signatures', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    const plan = await v.call('ilp:start', { studentId });
    const withGoal = await v.call('ilp:save', {
      studentId,
      draft: { strengths: '', barriers: '', goals: [{ what: 'Hand in essays on time', why: '', measure: '', targetDate: '', strategies: ['Planning'], status: 'in-progress', reviewNotes: '' }], reviews: [], nextReviewOn: '' },
    });
    expect(plan.id).toBe(withGoal.id);
    const goalId = withGoal.record.versions[0]!.content.goals[0]!.id;
    const held = await holdSession(v, studentId, '2026-11-24', '10:00', 60, {
      areas: ['academic', 'emotional'],
      strategies: ['Planning', 'Reassurance'],
      goalIds: [goalId],
      actions: [{ what: 'Email the tutor about the extension', owner: 'other', ownerName: 'Dr Patel', due: '2026-11-27' }],
      nextSession: { date: '2026-12-01', start: '10:00' },
      feedback: { rating: 4, comment: 'Felt calmer about the deadline' },
    });
    const { path, fileName } = await v.call('sessions:exportPdf', { studentId, sessionId: held.id });
    expect(fileName).toBe('Progress log - Zoë Adams - 2026-11-24.pdf');
    const text = pdfText(path);
    for (const expected of [
      'Timesheet and progress log', 'Zoë Adams', 'S0000142', 'Tuesday 24/11/2026', '10:00–11:00', '1 h', 'On campus', 'Library room 2',
      'Academic', 'Emotional', 'Planning; Reassurance', 'Hand in essays on time', 'Planned the essay on Woolf', 'Email the tutor about the extension',
      'Dr Patel', '27/11/2026', 'Tuesday 01/12/2026 at 10:00', '4 out of 5', 'Felt calmer about the deadline', 'Priya Shah', 'Student · signed', 'Mentor · signed',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const imported = await readRecordFromPdf(await readFile(path));
    expect(imported.meta).toMatchObject({ kind: 'progress-log', studentRef: 'S0000142', date: '2026-11-24', hash: hashOfSession(held) });
    expect((imported.record as { signatures: unknown[] }).signatures).toHaveLength(2);
  });

  it('the monthly timesheet lists exactly that month’s sessions held and cancellations that count, and its record reads back', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    await holdSession(v, studentId, '2026-11-24', '10:00', 60);
    await holdSession(v, studentId, '2026-11-26', '15:30', 45);
    const { session: late } = await v.call('sessions:book', { studentId, booking: booking('2026-11-30', '14:00') });
    const { session: noticed } = await v.call('sessions:book', { studentId, booking: booking('2026-12-03', '14:00') });
    v.clock.set(at('2026-11-30', '10:00'));
    await v.call('sessions:cancel', { studentId, sessionId: late.id, cancelledBy: 'student', didNotAttend: false, reason: 'Unwell' });
    await v.call('sessions:cancel', { studentId, sessionId: noticed.id, cancelledBy: 'student', didNotAttend: false, reason: '' });
    await holdSession(v, studentId, '2026-12-01', '11:00', 60);
    await v.call('sessions:book', { studentId, booking: booking('2026-12-08', '11:00') });

    const november = await v.call('sessions:exportMonth', { studentId, month: '2026-11' });
    expect(november.fileName).toBe('Timesheet - Zoë Adams - 2026-11.pdf');
    const text = pdfText(november.path);
    expect(text).toContain('Monthly timesheet');
    expect(text).toContain('November 2026');
    expect(text).toContain('Tuesday 24/11/2026');
    expect(text).toContain('Thursday 26/11/2026');
    expect(text).toContain('Monday 30/11/2026');
    expect(text).toContain('Cancelled late (counts)');
    expect(text).not.toContain('12/2026');
    expect(text).toContain('2.8 hours');
    expect(text.match(/Zoë Adams/g)!.length).toBeGreaterThanOrEqual(3);
    const imported = await readRecordFromPdf(await readFile(november.path));
    const record = imported.record as { month: string; sessions: { date: string; status: string; signatures: { role: string }[] }[]; chargedMinutes: number };
    expect(imported.meta).toMatchObject({ kind: 'monthly-timesheet', date: '2026-11', studentRef: 'S0000142' });
    expect(record.sessions.map((s) => [s.date, s.status])).toEqual([['2026-11-24', 'complete'], ['2026-11-26', 'complete'], ['2026-11-30', 'cancelled']]);
    expect(record.sessions[0]!.signatures.map((s) => s.role)).toEqual(['student', 'mentor']);
    expect(record.chargedMinutes).toBe(60 + 45 + 60);

    const december = pdfText((await v.call('sessions:exportMonth', { studentId, month: '2026-12' })).path);
    expect(december).toContain('Tuesday 01/12/2026');
    expect(december).not.toContain('03/12/2026');
    expect(december).not.toContain('08/12/2026');
    expect(december).not.toContain('11/2026');
  });

  it('keeps sessions over a restart, and the audit log says what happened, never the notes', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    const held = await holdSession(v, studentId, '2026-11-24', '10:00');
    const again = await openBackend(v.dir);
    await again.call('vault:unlock', { passphrase: PASSPHRASE });
    expect(await again.call('sessions:get', { studentId, sessionId: held.id })).toEqual(held);
    expect((await again.call('hours:summary', { studentId })).used).toBe(1);
    const history = await again.call('audit:list', { recordId: studentId, limit: 50 });
    const said = history.entries.map((e) => e.changes?.[0]?.new);
    expect(said).toEqual(expect.arrayContaining(['booked for 2026-11-24 10:00', '2026-11-24 recorded', '2026-11-24 signed by the student', '2026-11-24 signed by the mentor (complete)']));
    expect(JSON.stringify(history.entries)).not.toContain('Woolf');
    expect(JSON.stringify(history.entries)).not.toContain('Helpful');
  });

  it('is refused for a session that does not exist or was never recorded', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    expect((await v.fails('sessions:get', { studentId, sessionId: 'NoSuchSession1' })).code).toBe('NOT_FOUND');
    const { session } = await v.call('sessions:book', { studentId, booking: booking('2026-11-25', '10:00') });
    expect((await v.fails('sessions:exportPdf', { studentId, sessionId: session.id })).message).toMatch(/not been recorded yet/);
    expect((await v.fails('sessions:sign', { studentId, sessionId: session.id, signature: drawn('mentor', MENTOR_NAME, '0'.repeat(64), MONDAY_10AM) })).message).toMatch(/Record the session/);
  });
});
