import { execFileSync } from 'node:child_process';
import { contentHash } from '../../../shared/domain/canonical';
import { currentVersion } from '../../../shared/domain/signing';
import type { SessionRecordDraft, Session } from '../../../shared/schemas/session';
import type { Signature } from '../../../shared/schemas/signature';
import { newVault, removeDir } from '../helpers';

/** Monday 23 November 2026, 10:00 in London (GMT, so also UTC). */
export const MONDAY_10AM = Date.UTC(2026, 10, 23, 10, 0);
export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3_600_000;
/** A London wall-clock time in winter (GMT = UTC). */
export const at = (date: string, time: string) => Date.parse(`${date}T${time}:00Z`);

export function drawn(role: 'student' | 'mentor', signerName: string, hash: string, signedAt: number): Signature {
  return { role, signerName, signedAt, contentHash: hash, width: 400, height: 150, strokes: [[{ x: 10, y: 100 }, { x: 60, y: 40 }, { x: 120, y: 110 }, { x: 200, y: 50 }, { x: 260, y: 90 }]] };
}

export const hashOfSession = (s: Session) => contentHash(currentVersion(s.record!).content);

export function recordDraft(date: string, start: string, end: string, change: Partial<SessionRecordDraft> = {}): SessionRecordDraft {
  const [sh, sm] = start.split(':').map(Number) as [number, number];
  const [eh, em] = end.split(':').map(Number) as [number, number];
  return {
    date,
    actualStart: start,
    actualEnd: end,
    durationMinutes: eh * 60 + em - (sh * 60 + sm),
    mode: 'campus',
    place: 'Library room 2',
    areas: ['academic'],
    strategies: ['Planning'],
    goalIds: [],
    notes: 'Planned the essay on Woolf; broke it into four parts.',
    actions: [{ what: 'Draft the introduction', owner: 'student', due: '' }],
    nextSession: null,
    endedEarly: null,
    feedback: { rating: 5, comment: 'Helpful' },
    ...change,
  };
}

export const STUDENT_NAME = 'Zoë Adams';
export const MENTOR_NAME = 'Priya Shah';

/** A vault with the mentor's details and one student with 10 hours to use by 30 June 2027. */
export async function setUpStudent(dirs: string[], extra: { allocatedHours?: number | null; hoursDeadline?: string } = {}) {
  const v = await newVault();
  dirs.push(v.dir, `${v.dir}-exports`);
  v.clock.set(MONDAY_10AM);
  const settings = await v.call('settings:get', {});
  await v.call('settings:save', { ...settings, mentorName: MENTOR_NAME, providerName: 'Brightpath Mentoring' });
  const student = await v.call('students:create', {
    fullName: STUDENT_NAME,
    studentNumber: 'S0000142',
    institution: 'University of Leicester',
    allocatedHours: extra.allocatedHours === undefined ? 10 : extra.allocatedHours,
    hoursDeadline: extra.hoursDeadline ?? '2027-06-30',
  });
  return { v, studentId: student.id };
}

type Vault = Awaited<ReturnType<typeof setUpStudent>>['v'];

/**
 * Books a session, records it as held for the booked time, and has both sign just after its end
 * (moving the clock there unless it is already later).
 */
export async function holdSession(v: Vault, studentId: string, date: string, start: string, length = 60, change: Partial<SessionRecordDraft> = {}): Promise<Session> {
  const startAt = at(date, start);
  const { session } = await v.call('sessions:book', { studentId, booking: { date, start, plannedMinutes: length, mode: change.mode ?? 'campus', place: 'Library room 2' } });
  const endAt = startAt + minutes(length);
  const end = new Date(endAt).toISOString().slice(11, 16);
  v.clock.set(Math.max(v.clock.now(), endAt + minutes(2)));
  let recorded = await v.call('sessions:record', { studentId, sessionId: session.id, draft: recordDraft(date, start, end, change) });
  const hash = hashOfSession(recorded);
  await v.call('sessions:sign', { studentId, sessionId: session.id, signature: drawn('student', STUDENT_NAME, hash, endAt + minutes(1)) });
  recorded = await v.call('sessions:sign', { studentId, sessionId: session.id, signature: drawn('mentor', MENTOR_NAME, hash, endAt + minutes(2)) });
  return recorded;
}

export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

export function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

export { removeDir };
