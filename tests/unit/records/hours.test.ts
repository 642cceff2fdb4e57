import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { contentHash } from '../../../shared/domain/canonical';
import { currentVersion } from '../../../shared/domain/signing';
import { readRecordFromPdf } from '../../../electron/main/backend/documents';
import { StudentDocument } from '../../../electron/main/backend/records/students';
import { Settings } from '../../../shared/schemas/settings';
import { StudentSummary } from '../../../shared/schemas/student';
import { defaultHoursPolicy } from '../../../shared/schemas/hoursPolicy';
import { PASSPHRASE, openBackend } from '../helpers';
import { MENTOR_NAME, STUDENT_NAME, at, drawn, holdSession, pdfPages, pdfText, removeDir, setUpStudent } from './sessions.fixtures';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

const closure = { finalReviewOn: '2027-06-10', finalGrade: '2:1', accessToWorkDiscussed: true, notes: 'Starting a graduate job in September.' };

describe('support hours, deferrals and closing', () => {
  it('warns as the hours deadline nears, by the backend’s date; a deferral moves the deadline, adds hours and marks the student deferred', async () => {
    const { v, studentId } = await setUpStudent(dirs, { allocatedHours: 10, hoursDeadline: '2026-12-15' });
    await holdSession(v, studentId, '2026-11-24', '10:00', 60);
    let summary = await v.call('hours:summary', { studentId });
    expect(summary).toMatchObject({ allocated: 10, used: 1, remaining: 9 });
    expect(summary.warnings).toEqual([{ kind: 'deadline-near', message: '9.0 hours must be used by 15/12/2026 (in 21 days)' }]);
    v.clock.set(at('2026-12-16', '09:00'));
    expect((await v.call('hours:summary', { studentId })).warnings.map((w) => w.kind)).toEqual(['deadline-passed']);

    const student = await v.call('students:defer', { studentId, deferral: { from: '2026-12-16', newDeadline: '2027-09-30', extraHours: 5, note: 'Interrupted studies (illness)' } });
    expect(student.status).toBe('deferred');
    expect(student.statusHistory.at(-1)).toMatchObject({ status: 'deferred', on: '2026-12-16' });
    // The allocation as first given stays on the profile; the summary uses it after the deferral.
    expect(student).toMatchObject({ allocatedHours: 10, hoursDeadline: '2026-12-15' });
    summary = await v.call('hours:summary', { studentId });
    expect(summary).toMatchObject({ allocated: 15, used: 1, remaining: 14, warnings: [] });
    expect((await v.call('students:list', {}))[0]).toMatchObject({ status: 'deferred', hoursDeadline: '2027-09-30', hoursRemaining: 14 });

    const backwards = await v.fails('students:defer', { studentId, deferral: { from: '2027-01-10', newDeadline: '2027-01-01', extraHours: 0, note: '' } });
    expect(backwards.issues).toEqual([{ path: 'deferral.newDeadline', message: 'The new deadline must come after the date support was deferred from' }]);
  });

  it('closing needs the date of the final review; it marks the student completed and names sessions left open', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    const { finalReviewOn: _, ...withoutReview } = closure;
    const missing = await v.fails('students:close', { studentId, closure: withoutReview });
    expect(missing.code).toBe('INVALID_INPUT');
    expect(missing.issues?.map((i) => i.path)).toEqual(['closure.finalReviewOn']);

    await v.call('sessions:book', { studentId, booking: { date: '2026-11-30', start: '10:00', plannedMinutes: 60, mode: 'campus', place: '' } });
    const { student, warnings } = await v.call('students:close', { studentId, closure });
    expect(student.status).toBe('completed');
    expect(student.statusHistory.at(-1)).toMatchObject({ status: 'completed', on: '2027-06-10' });
    expect(warnings).toEqual(['One session is still booked: cancel or record it.']);
    expect((await v.fails('students:close', { studentId, closure })).message).toMatch(/already closed/);
    const booking = await v.fails('sessions:book', { studentId, booking: { date: '2026-12-07', start: '10:00', plannedMinutes: 60, mode: 'campus', place: '' } });
    expect(booking.message).toMatch(/mentoring has ended/);

    const again = await openBackend(v.dir);
    await again.call('vault:unlock', { passphrase: PASSPHRASE });
    expect((await again.call('students:get', { id: studentId })).status).toBe('completed');
    const history = await again.call('audit:list', { recordId: studentId, limit: 50 });
    expect(history.entries.map((e) => e.changes?.[0]?.new)).toContain('closed after the final review on 2027-06-10');
    expect(JSON.stringify(history.entries)).not.toContain('graduate job');
  });

  it('the completion pack holds the agreement, the first session record, every ILP version and every progress log, and never a confidentiality exception', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    const now = () => v.clock.now();
    const agreement = await v.call('agreements:create', { studentId });
    const agreementHash = contentHash(currentVersion(agreement.record).content);
    await v.call('agreements:sign', { studentId, agreementId: agreement.id, signature: drawn('student', STUDENT_NAME, agreementHash, now()) });
    await v.call('agreements:sign', { studentId, agreementId: agreement.id, signature: drawn('mentor', MENTOR_NAME, agreementHash, now()) });
    const first = await v.call('firstSession:start', { studentId });
    const firstHash = contentHash(currentVersion(first.record).content);
    await v.call('firstSession:sign', { studentId, signature: drawn('student', STUDENT_NAME, firstHash, now()) });
    await v.call('firstSession:sign', { studentId, signature: drawn('mentor', MENTOR_NAME, firstHash, now()) });

    let plan = await v.call('ilp:start', { studentId });
    plan = await v.call('ilp:save', {
      studentId,
      draft: { strengths: 'Good at maths', barriers: 'Deadlines', goals: [{ what: 'Hand in essays on time', why: '', measure: '', targetDate: '', strategies: ['Planning'], status: 'in-progress', reviewNotes: '' }], reviews: [], nextReviewOn: '' },
    });
    for (const role of ['student', 'mentor'] as const) {
      plan = await v.call('ilp:sign', { studentId, signature: drawn(role, role === 'student' ? STUDENT_NAME : MENTOR_NAME, contentHash(currentVersion(plan.record).content), now()) });
    }
    const reviewed = currentVersion(plan.record).content;
    plan = await v.call('ilp:save', {
      studentId,
      draft: { strengths: reviewed.strengths, barriers: reviewed.barriers, goals: reviewed.goals.map((g) => ({ ...g, status: 'achieved' as const })), reviews: [{ on: '2026-11-23', outcome: 'Essay goal met' }], nextReviewOn: '' },
    });

    await v.call('boundaries:save', {
      studentId,
      entry: { type: 'exception', entry: { raisedOn: '2026-11-23', grounds: 'risk-to-others', concern: 'Said something worrying about a flatmate', informed: [{ who: 'Safeguarding lead', on: '2026-11-23', how: 'phone' }], followUp: '', closed: false } },
    });
    await holdSession(v, studentId, '2026-11-24', '10:00', 60, { notes: 'Worked through the essay plan for History.' });
    await holdSession(v, studentId, '2026-11-26', '14:00', 45, { notes: 'Revision timetable drafted together.' });
    await v.call('students:close', { studentId, closure: { ...closure, finalReviewOn: '2026-11-27' } });

    const { path, fileName } = await v.call('students:completionPack', { studentId });
    expect(fileName).toMatch(/^Completion pack - Zoë Adams - \d{4}-\d{2}-\d{2}\.pdf$/);
    const text = pdfText(path);
    for (const expected of [
      'Completion pack', 'Final review held', '27/11/2026', '2:1', 'Access to Work discussed', 'Service agreement', 'First session record',
      'Individual Learning Plan', 'Essay goal met', 'Timesheet and progress log', 'Worked through the essay plan for History', 'Revision timetable drafted together',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('worrying about a flatmate');
    expect(text).not.toContain('Boundaries and confidentiality');

    const imported = await readRecordFromPdf(await readFile(path));
    const record = imported.record as { kind: string; parts: { kind: string; pages: number; signedBy: string[] }[] };
    expect(record.kind).toBe('completion-pack');
    expect(record.parts.map((p) => p.kind)).toEqual(['service-agreement', 'first-session', 'ilp', 'ilp', 'progress-log', 'progress-log']);
    expect(record.parts.map((p) => p.signedBy.length)).toEqual([2, 2, 2, 0, 2, 2]);
    expect(JSON.stringify(imported.record)).not.toContain('flatmate');
    const pages = pdfPages(path);
    const partPages = record.parts.reduce((n, p) => n + p.pages, 0);
    expect(pages).toBeGreaterThan(partPages);
    expect(pages).toBe((await PDFDocument.load(await readFile(path))).getPageCount());
    expect(imported.meta).toMatchObject({ kind: 'completion-pack', studentRef: 'S0000142', date: '2026-11-27' });
  });

  it('settings, caseload entries and student records saved before sessions existed still read, with empty defaults', () => {
    const oldSettings = Settings.parse({ mentorName: 'A', providerName: 'B', mentorEmail: '', autoLockMinutes: 10, region: 'scotland' });
    expect(oldSettings.hoursPolicy).toEqual(defaultHoursPolicy);
    expect(oldSettings.availability.weekly['1']).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(oldSettings.availability.weekly['6']).toBeUndefined();
    expect(oldSettings.ilpStrategies.length).toBeGreaterThan(5);
    const oldSummary = StudentSummary.parse({
      id: 'AAAAAAAAAAAAAAAA', fullName: 'A', preferredName: '', studentNumber: '', email: '', phone: '', institution: '', funding: 'dsa', status: 'active',
      allocatedHours: 10, referralReceivedAt: null, firstContactAt: null, lastContactAt: null, createdAt: 1, updatedAt: 1,
    });
    expect(oldSummary).toMatchObject({ hoursUsed: 0, hoursBooked: 0, hoursRemaining: null, hoursDeadline: '', hoursWarnings: [], nextSessionAt: null });
    const oldDoc = StudentDocument.parse({ profile: { id: 'AAAAAAAAAAAAAAAA', fullName: 'A', createdAt: 1, updatedAt: 1 } });
    expect(oldDoc).toMatchObject({ ilp: null, sessions: [], deferrals: [], closure: null });
  });
});
