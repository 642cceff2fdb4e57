import { maySignAfter, currentVersion, isComplete } from './signing';
import { defaultHoursPolicy, type HoursPolicy } from '../schemas/hoursPolicy';
import {
  SESSION_SIGNERS,
  type Booking,
  type Cancellation,
  type CancellationKind,
  type CancelledBy,
  type Session,
  type SessionMode,
  type SessionRecordContent,
  type SessionStatus,
  type SessionSummary,
} from '../schemas/session';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY_MS = 24 * HOUR;

/** Dates are `YYYY-MM-DD` and times `HH:MM` (already checked by IsoDate and TimeOfDay). */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function timeOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function utcMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** ISO weekday of a calendar date: 1 is Monday, 7 is Sunday. */
export function weekdayOf(date: string): number {
  return ((new Date(utcMidnight(date)).getUTCDay() + 6) % 7) + 1;
}

/** A date as UK paperwork writes it: 30/11/2026. */
export function ukDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

/** "Monday 30/11/2026". */
export function ukDayAndDate(date: string): string {
  return `${WEEKDAY_NAMES[weekdayOf(date) - 1]} ${ukDate(date)}`;
}

/**
 * The moment a wall-clock time happens on a date, in `timeZone` (the computer's own when not
 * given). Sessions are booked in local time, so across the clock change "14:30" is a different
 * offset from UTC in November than in June.
 */
export function localTimestamp(date: string, time: string, timeZone?: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  if (!timeZone) return new Date(y, mo - 1, d, h, mi).getTime();
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The offset at the wall time read as UTC can differ from the offset at the real instant near a
  // clock change, so correct once with the offset found at the first guess.
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}

function offsetAt(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return asUtc - Math.floor(at / 1000) * 1000;
}

export type DurationResult = { ok: true; minutes: number } | { ok: false; message: string };

/**
 * Minutes from start to end on one day. A session never runs past midnight here: an end before
 * the start is far more often a slip (09:00 for 21:00) than a night session, so it is refused.
 */
export function durationMinutes(start: string, end: string): DurationResult {
  const minutes = minutesOfDay(end) - minutesOfDay(start);
  if (minutes > 0) return { ok: true, minutes };
  if (minutes === 0) return { ok: false, message: 'The end time is the same as the start time: enter when the session ended' };
  return {
    ok: false,
    message: `The end time (${end}) is before the start time (${start}). A session cannot run past midnight: check the times, and if it really did, record it as two sessions`,
  };
}

export function sessionStartTimestamp(booking: Pick<Booking, 'date' | 'start'>, timeZone?: string): number {
  return localTimestamp(booking.date, booking.start, timeZone);
}

/** The student cannot sign before this moment: the session's recorded end. */
export function sessionEndTimestamp(date: string, end: string, timeZone?: string): number {
  return localTimestamp(date, end, timeZone);
}

/** Why the student may not sign this record yet, or null when they may (see maySignAfter). */
export function studentMaySign(record: Pick<SessionRecordContent, 'date' | 'actualEnd'>, now: number, timeZone?: string): string | null {
  return maySignAfter(now, sessionEndTimestamp(record.date, record.actualEnd, timeZone), timeZone);
}

/**
 * A session shorter than planned by more than this ended early. A few minutes either way is
 * ordinary (a late arrival, a room handed over), and asking the student to confirm each of those
 * would make the confirmation meaningless.
 */
export const EARLY_END_TOLERANCE_MINUTES = 5;

export function endedEarly(plannedMinutes: number, actualMinutes: number): boolean {
  return plannedMinutes - actualMinutes > EARLY_END_TOLERANCE_MINUTES;
}

export type BookingWarning = { kind: 'short-notice' | 'in-the-past'; message: string };

/** What to point out when a session is booked at `now`. Warnings, not refusals: the mentor decides. */
export function bookingWarnings(
  booking: Pick<Booking, 'date' | 'start'>,
  now: number,
  options: { timeZone?: string; shortNoticeHours?: number } = {},
): BookingWarning[] {
  const noticeHours = options.shortNoticeHours ?? defaultHoursPolicy.shortNoticeHours;
  const start = sessionStartTimestamp(booking, options.timeZone);
  if (start <= now) {
    return [{ kind: 'in-the-past', message: `This booking starts in the past (${ukDayAndDate(booking.date)} ${booking.start}): if the session took place, record it` }];
  }
  if (start - now < noticeHours * HOUR) {
    return [{ kind: 'short-notice', message: `Booked less than ${noticeHours} hours ahead: check the student has the time and place` }];
  }
  return [];
}

/**
 * A cancellation is late when it comes less than `shortNoticeHours` before the session starts
 * (exactly 24 hours is still notice). Whether the student simply did not come is the mentor's call,
 * not the clock's, so 'did-not-attend' is never returned here.
 */
export function classifyCancellation(sessionStart: number, cancelledAt: number, shortNoticeHours = defaultHoursPolicy.shortNoticeHours): 'with-notice' | 'late' {
  return sessionStart - cancelledAt >= shortNoticeHours * HOUR ? 'with-notice' : 'late';
}

/** A mentor's cancellation never uses the student's hours; a student's does only as the policy says. */
export function countsAgainstHours(kind: CancellationKind, by: CancelledBy, policy: HoursPolicy): boolean {
  if (by === 'mentor') return false;
  if (kind === 'late') return policy.lateCancellationCounts;
  if (kind === 'did-not-attend') return policy.didNotAttendCounts;
  return false;
}

/**
 * The cancellation to store, with whether it counts decided now by the policy in force, so a later
 * change of policy does not rewrite earlier cancellations. Only a student can fail to attend.
 */
export function recordCancellation(
  input: { booking: Pick<Booking, 'date' | 'start'>; by: CancelledBy; at: number; reason: string; didNotAttend: boolean },
  policy: HoursPolicy,
  timeZone?: string,
): Cancellation {
  const kind: CancellationKind =
    input.didNotAttend && input.by === 'student'
      ? 'did-not-attend'
      : classifyCancellation(sessionStartTimestamp(input.booking, timeZone), input.at, policy.shortNoticeHours);
  return { kind, cancelledBy: input.by, at: input.at, reason: input.reason.trim(), countsAgainstHours: countsAgainstHours(kind, input.by, policy) };
}

/** Support given only by email is not billed unless the provider's policy says it is. */
export function isChargeable(session: { mode: SessionMode }, policy: HoursPolicy): boolean {
  return session.mode !== 'email' || policy.emailSupportChargeable;
}

/** Messages keyed by the field they belong to ("endedEarly.reason", "actions.2.ownerName"). */
export type FieldErrors = Record<string, string>;

/**
 * The rules between a session record's fields, checked before anyone signs. Returns an empty object
 * when the record may be signed.
 */
export function validateSessionRecord(record: SessionRecordContent): FieldErrors {
  const errors: FieldErrors = {};
  const duration = durationMinutes(record.actualStart, record.actualEnd);
  if (!duration.ok) errors.actualEnd = duration.message;
  else if (duration.minutes !== record.durationMinutes) {
    errors.durationMinutes = `The times give ${duration.minutes} minutes but the duration says ${record.durationMinutes}: correct one of them`;
  }
  const actual = duration.ok ? duration.minutes : record.durationMinutes;
  if (endedEarly(record.plannedMinutes, actual)) {
    if (record.endedEarly === null) {
      errors.endedEarly = `The session was ${record.plannedMinutes - actual} minutes shorter than planned: say why it ended early and ask the student to confirm`;
    }
  }
  if (record.endedEarly !== null) {
    if (record.endedEarly.reason === '') errors['endedEarly.reason'] = 'Say why the session ended early';
    if (!record.endedEarly.studentConfirmed) errors['endedEarly.studentConfirmed'] = 'The student must confirm the session ended early';
  }
  if (record.areas.length === 0) errors.areas = 'Tick at least one area discussed';
  record.actions.forEach((action, i) => {
    if (action.owner === 'other' && !action.ownerName) errors[`actions.${i}.ownerName`] = 'Say who will do this';
    if (action.due !== '' && action.due < record.date) errors[`actions.${i}.due`] = 'The action is due before the session took place';
  });
  if (record.nextSession !== null && record.nextSession.date < record.date) {
    errors['nextSession.date'] = 'The next session must be on or after this one';
  }
  return errors;
}

/** Where a session stands. Derived from what is stored, so it cannot disagree with the signatures. */
export function sessionStatus(session: Pick<Session, 'cancellation' | 'record'>): SessionStatus {
  if (session.cancellation !== null) return 'cancelled';
  if (session.record === null) return 'booked';
  return isComplete(currentVersion(session.record), SESSION_SIGNERS) ? 'complete' : 'recorded';
}

/** The list row and hours-summary input for a session. */
export function summariseSession(session: Session): SessionSummary {
  const content = session.record ? currentVersion(session.record).content : null;
  return {
    id: session.id,
    date: content?.date ?? session.booking.date,
    start: content?.actualStart ?? session.booking.start,
    plannedMinutes: session.booking.plannedMinutes,
    mode: content?.mode ?? session.booking.mode,
    status: sessionStatus(session),
    durationMinutes: content?.durationMinutes ?? null,
    cancellation: session.cancellation,
  };
}
