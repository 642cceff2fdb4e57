import { AppFailure, type FieldIssue } from '../../../../shared/errors';
import { createSignedRecord, currentVersion, edit, sign } from '../../../../shared/domain/signing';
import {
  bookingWarnings,
  recordCancellation,
  sessionStartTimestamp,
  sessionStatus,
  studentMaySign,
  summariseSession,
  validateSessionRecord,
  addDays,
} from '../../../../shared/domain/sessionRules';
import { formatHours } from '../../../../shared/domain/hours';
import { freeSlots, type BookedTime } from '../../../../shared/domain/availability';
import {
  cancellationKindLabels,
  type Booking,
  type BookingWarning,
  type CancellationKind,
  type CancelledBy,
  type FreeSlot,
  type Session,
  type SessionRecordContent,
  type SessionRecordDraft,
  type SessionSummary,
} from '../../../../shared/schemas/session';
import type { HoursSummary } from '../../../../shared/schemas/hoursPolicy';
import type { Settings } from '../../../../shared/schemas/settings';
import { signerRoleLabels, type Signature } from '../../../../shared/schemas/signature';
import type { Clock } from '../clock';
import { renderFormPdf, safeFilePart, writeExport, type ProviderHeader } from '../documents';
import { sessionForm } from '../documents/forms/sessionPdf';
import { monthlyTimesheetForm } from '../documents/forms/monthlyTimesheet';
import { londonToday, TIME_ZONE } from '../clock';
import { studentHours } from './hours';
import { newId, type StudentDocument, type StudentRecords } from './students';

/**
 * Sessions: booked, then recorded at the end as the timesheet and progress log, then signed by the
 * student (never before the recorded end) and the mentor; or cancelled, counted against the hours
 * as the provider's policy said at the time. They live in the student's own document.
 */
export class Sessions {
  constructor(
    private readonly students: StudentRecords,
    private readonly clock: Clock,
  ) {}

  async list(studentId: string, settings: Settings): Promise<{ sessions: SessionSummary[]; hours: HoursSummary }> {
    const doc = await this.students.read(studentId);
    const sessions = doc.sessions.map(summariseSession).sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
    return { sessions, hours: studentHours(doc, settings.hoursPolicy, this.clock.now()) };
  }

  async get(studentId: string, sessionId: string): Promise<Session> {
    return findSession(await this.students.read(studentId), sessionId);
  }

  /** Books a session. Short notice or a time already past is pointed out, not refused: the mentor decides. */
  async book(studentId: string, booking: Booking, settings: Settings): Promise<{ session: Session; warnings: BookingWarning[] }> {
    const doc = await this.students.read(studentId);
    if (doc.profile.status === 'completed' || doc.profile.status === 'withdrawn') {
      throw new AppFailure('INVALID_INPUT', 'This student’s mentoring has ended, so no more sessions can be booked. Set the status to active first if it is starting again.');
    }
    const now = this.clock.now();
    const session: Session = { id: newId(), booking, cancellation: null, record: null, createdAt: now, updatedAt: now };
    const warnings: BookingWarning[] = bookingWarnings(booking, now, { timeZone: TIME_ZONE, shortNoticeHours: settings.hoursPolicy.shortNoticeHours });
    const next = await this.students.change(studentId, (d) => ({ ...d, sessions: [...d.sessions, session] }), { field: 'session', value: `booked for ${booking.date} ${booking.start}` });
    // What this booking does to the hours: only the warnings it can cause, as the summary words them.
    const hours = studentHours(next, settings.hoursPolicy, now).warnings.filter((w) => w.kind === 'booked-exceeds-remaining' || w.kind === 'booked-after-deadline');
    warnings.push(...hours.map((w) => ({ kind: 'hours' as const, message: w.message })));
    if (doc.profile.status === 'deferred') warnings.push({ kind: 'deferred', message: 'This student’s support is deferred: check with the office that sessions have started again, then set the status to active' });
    return { session, warnings };
  }

  /**
   * Records what happened. The rules between fields (validateSessionRecord) must hold, and the
   * goals named must be in the student's ILP. Once anyone has signed, a change is an amendment.
   */
  async record(studentId: string, sessionId: string, draft: SessionRecordDraft, settings: Settings): Promise<Session> {
    const doc = await this.students.read(studentId);
    const session = findSession(doc, sessionId);
    if (session.cancellation) throw new AppFailure('INVALID_INPUT', 'This session was cancelled, so there is nothing to record. Book a new session instead.');
    const previous = session.record ? currentVersion(session.record).content : null;
    const content: SessionRecordContent = {
      ...draft,
      studentName: previous?.studentName ?? doc.profile.fullName,
      mentorName: previous?.mentorName ?? settings.mentorName,
      plannedMinutes: session.booking.plannedMinutes,
    };
    const errors = validateSessionRecord(content);
    const goals = new Set((doc.ilp?.record.versions ?? []).flatMap((v) => v.content.goals.map((g) => g.id)));
    const unknown = content.goalIds.filter((id) => !goals.has(id));
    if (unknown.length) errors.goalIds = 'A goal chosen is not in this student’s learning plan: reopen the ILP and choose again';
    refuseIfInvalid(errors);

    const now = this.clock.now();
    const record = session.record ? edit(session.record, content, now) : createSignedRecord(content, now);
    if (record === session.record) return session;
    const next: Session = { ...session, record, updatedAt: now };
    const amended = session.record !== null && record.versions.length > session.record.versions.length;
    await this.replace(studentId, next, `${content.date} ${session.record ? (amended ? 'amended' : 'record edited') : 'recorded'}`);
    return next;
  }

  /** The student's signature is refused before the session's recorded end; both signed makes it complete. */
  async sign(studentId: string, sessionId: string, signature: Signature): Promise<Session> {
    const session = findSession(await this.students.read(studentId), sessionId);
    if (!session.record) throw new AppFailure('INVALID_INPUT', 'Record the session before anyone signs it.');
    const now = this.clock.now();
    const content = currentVersion(session.record).content;
    if (signature.role === 'student') {
      const notYet = studentMaySign(content, now, TIME_ZONE);
      if (notYet) throw new AppFailure('INVALID_INPUT', `${notYet}. Sign when the session has ended.`, { issues: [{ path: 'signature', message: notYet }] });
    }
    refuseIfInvalid(validateSessionRecord(content));
    const result = sign(session.record, signature, now);
    if (!result.ok) throw new AppFailure('CONFIRMATION_MISMATCH', result.message);
    const next: Session = { ...session, record: result.record, updatedAt: now };
    const complete = sessionStatus(next) === 'complete';
    await this.replace(studentId, next, `${content.date} signed by the ${signerRoleLabels[signature.role].toLowerCase()}${complete ? ' (complete)' : ''}`);
    return next;
  }

  /**
   * Cancels a booked session. Late or with notice is decided from the backend clock; whether it
   * counts follows the policy in Settings now, and is kept with the cancellation. The answer
   * suggests free times to rebook.
   */
  async cancel(
    studentId: string,
    sessionId: string,
    input: { cancelledBy: CancelledBy; didNotAttend: boolean; reason: string },
    settings: Settings,
  ): Promise<{ session: Session; kind: CancellationKind; countsAgainstHours: boolean; message: string; freeSlots: FreeSlot[] }> {
    const session = findSession(await this.students.read(studentId), sessionId);
    if (session.cancellation) throw new AppFailure('INVALID_INPUT', 'This session is already cancelled.');
    if (session.record) throw new AppFailure('INVALID_INPUT', 'This session has been recorded, so it took place and cannot be cancelled. Correct its record instead.');
    const now = this.clock.now();
    if (input.didNotAttend) {
      if (input.cancelledBy === 'mentor') {
        throw new AppFailure('INVALID_INPUT', 'Only the student can fail to attend. If you could not come, cancel it as cancelled by the mentor.', { issues: [{ path: 'didNotAttend', message: 'Only a student can not attend' }] });
      }
      if (now < sessionStartTimestamp(session.booking, TIME_ZONE)) {
        throw new AppFailure('INVALID_INPUT', 'The session has not started yet, so the student cannot have missed it. Cancel it instead.', { issues: [{ path: 'didNotAttend', message: 'The session has not started yet' }] });
      }
    }
    const cancellation = recordCancellation({ booking: session.booking, by: input.cancelledBy, at: now, reason: input.reason, didNotAttend: input.didNotAttend }, settings.hoursPolicy, TIME_ZONE);
    const next: Session = { ...session, cancellation, updatedAt: now };
    await this.replace(studentId, next, `${session.booking.date} ${cancellationKindLabels[cancellation.kind].toLowerCase()} by the ${input.cancelledBy}`);

    const slots = await this.freeSlotsFor(session.booking.plannedMinutes, settings, now);
    const counted = cancellation.countsAgainstHours
      ? `${cancellationKindLabels[cancellation.kind]}: this uses ${formatHours(session.booking.plannedMinutes)} of the student’s hours.`
      : `${cancellationKindLabels[cancellation.kind]}: this does not use the student’s hours.`;
    const rebook = slots.length ? ' Offer another time: the first free times are listed.' : ' Offer another time when you are next free.';
    return { session: next, kind: cancellation.kind, countsAgainstHours: cancellation.countsAgainstHours, message: counted + rebook, freeSlots: slots };
  }

  /** One session's progress log as PDF bytes (the current version unless told). */
  render(doc: StudentDocument, sessionId: string, provider: ProviderHeader, versionIndex?: number): Promise<Uint8Array> {
    const session = findSession(doc, sessionId);
    if (!session.record) throw new AppFailure('INVALID_INPUT', 'This session has not been recorded yet, so there is no progress log to export.');
    return renderFormPdf(sessionForm(session, versionIndex ?? session.record.versions.length - 1, doc.profile, doc.ilp, provider, this.clock.now()));
  }

  async exportPdf(studentId: string, sessionId: string, provider: ProviderHeader, exportDir: string): Promise<{ path: string; fileName: string }> {
    const doc = await this.students.read(studentId);
    const bytes = await this.render(doc, sessionId, provider);
    const date = currentVersion(findSession(doc, sessionId).record!).content.date;
    return writeExport(exportDir, `Progress log - ${safeFilePart(doc.profile.fullName)} - ${date}`, bytes);
  }

  /** The month's timesheet: sessions held (recorded) and cancellations that count, with their signatures. */
  async exportMonth(studentId: string, month: string, provider: ProviderHeader, settings: Settings, exportDir: string): Promise<{ path: string; fileName: string }> {
    const doc = await this.students.read(studentId);
    const form = monthlyTimesheetForm(doc, month, settings, provider, this.clock.now());
    const bytes = await renderFormPdf(form);
    return writeExport(exportDir, `Timesheet - ${safeFilePart(doc.profile.fullName)} - ${month}`, bytes);
  }

  /**
   * Free times of `minutes` over the next two weeks from tomorrow, at most three, around every
   * booked session in the caseload (students with nothing booked are not opened).
   */
  private async freeSlotsFor(minutes: number, settings: Settings, now: number): Promise<FreeSlot[]> {
    const withBookings = (await this.students.list()).filter((s) => s.nextSessionAt !== null);
    const booked: BookedTime[] = [];
    for (const summary of withBookings) {
      const doc = await this.students.read(summary.id);
      for (const s of doc.sessions) booked.push({ ...s.booking, status: sessionStatus(s) });
    }
    const days = freeSlots(settings.availability, booked, addDays(londonToday(now), 1), 14, minutes);
    return days.flatMap((d) => d.slots.map((s) => ({ date: d.date, ...s }))).slice(0, 3);
  }

  private async replace(studentId: string, session: Session, what: string): Promise<void> {
    await this.students.change(studentId, (d) => ({ ...d, sessions: d.sessions.map((s) => (s.id === session.id ? session : s)) }), { field: 'session', value: what });
  }
}

export function findSession(doc: StudentDocument, sessionId: string): Session {
  const session = doc.sessions.find((s) => s.id === sessionId);
  if (!session) throw new AppFailure('NOT_FOUND', 'That session is not on this student’s record.');
  return session;
}

function refuseIfInvalid(errors: Record<string, string>): void {
  const issues: FieldIssue[] = Object.entries(errors).map(([path, message]) => ({ path, message }));
  if (issues.length) throw new AppFailure('INVALID_INPUT', `Some details need correcting: ${issues.map((i) => i.message).join('; ')}`, { issues });
}
