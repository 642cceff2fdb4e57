import { z } from 'zod';
import { Id, IsoDate, TimeOfDay, Timestamp, requiredText, text } from './common';
import { SignerRole, signedRecordSchema } from './signature';

export const SessionMode = z.enum(['campus', 'phone', 'video', 'email']);
export type SessionMode = z.infer<typeof SessionMode>;
export const sessionModeLabels: Record<SessionMode, string> = {
  campus: 'On campus',
  phone: 'Phone',
  video: 'Video call',
  email: 'Email',
};

/** The broad areas a session can touch on, as ticked on the progress log. */
export const DiscussionArea = z.enum(['academic', 'social', 'emotional', 'financial', 'work', 'disability-related', 'careers']);
export type DiscussionArea = z.infer<typeof DiscussionArea>;
export const discussionAreaLabels: Record<DiscussionArea, string> = {
  academic: 'Academic',
  social: 'Social',
  emotional: 'Emotional',
  financial: 'Financial',
  work: 'Work',
  'disability-related': 'Disability-related',
  careers: 'Careers',
};

/** Longest session the app accepts; anything longer is almost certainly a typing slip. */
export const MAX_SESSION_MINUTES = 8 * 60;

const optionalDate = z.union([z.literal(''), IsoDate]);
const minutes = z.number().int('Whole minutes only').min(1, 'At least 1 minute').max(MAX_SESSION_MINUTES, 'At most 8 hours');

export const Booking = z.strictObject({
  date: IsoDate,
  start: TimeOfDay,
  plannedMinutes: minutes,
  mode: SessionMode,
  /** A room on campus, or how to join (phone number, video link). */
  place: text(200),
});
export type Booking = z.infer<typeof Booking>;

export const ActionOwner = z.enum(['student', 'mentor', 'other']);
export type ActionOwner = z.infer<typeof ActionOwner>;
export const actionOwnerLabels: Record<ActionOwner, string> = { student: 'Student', mentor: 'Mentor', other: 'Someone else' };

export const SessionAction = z.strictObject({
  what: requiredText(500, 'The action'),
  owner: ActionOwner,
  /** Who, when the owner is someone else (a tutor, the disability service). */
  ownerName: text(120).optional(),
  due: optionalDate,
});
export type SessionAction = z.infer<typeof SessionAction>;

export const NextSession = z.strictObject({ date: IsoDate, start: TimeOfDay });
export type NextSession = z.infer<typeof NextSession>;

/** A session that ended before its planned time: the student confirms it, so hours are not disputed later. */
export const EndedEarly = z.strictObject({
  reason: text(1000),
  studentConfirmed: z.boolean(),
});
export type EndedEarly = z.infer<typeof EndedEarly>;

/** The student's feedback on the session, given before signing. */
export const SessionFeedback = z.strictObject({
  rating: z.number().int('Pick a whole number of stars').min(1, 'From 1 to 5').max(5, 'From 1 to 5'),
  comment: text(2000),
});
export type SessionFeedback = z.infer<typeof SessionFeedback>;

/**
 * The timesheet and progress log of one session, signed by the student and the mentor at its end.
 * The schema checks shapes only, so a half-filled record can be saved; the rules between fields
 * (end after start, ended early needs a reason and the student's confirmation…) are
 * validateSessionRecord in shared/domain/sessionRules.ts, which must pass before anyone signs.
 *
 * No defaults or transforms beyond trimming here: re-parsing old signed content must give back
 * exactly what was signed.
 */
export const SessionRecordContent = z.strictObject({
  studentName: text(160),
  mentorName: text(120),
  date: IsoDate,
  /** From the booking, so the signed record shows what was planned next to what happened. */
  plannedMinutes: minutes,
  actualStart: TimeOfDay,
  actualEnd: TimeOfDay,
  durationMinutes: minutes,
  mode: SessionMode,
  place: text(200),
  areas: z.array(DiscussionArea).max(DiscussionArea.options.length),
  /** Wording from the provider's strategy list (DEFAULT_STRATEGIES in ./ilp), kept as chosen. */
  strategies: z.array(requiredText(120, 'A strategy')).max(20),
  /** ILP goals worked on in this session. */
  goalIds: z.array(Id).max(30),
  notes: text(8000),
  actions: z.array(SessionAction).max(30, 'At most 30 actions'),
  nextSession: NextSession.nullable(),
  endedEarly: EndedEarly.nullable(),
  feedback: SessionFeedback.nullable(),
});
export type SessionRecordContent = z.infer<typeof SessionRecordContent>;

/** Both the student and the mentor sign a session record. */
export const SESSION_SIGNERS: readonly SignerRole[] = ['student', 'mentor'];

export const CancellationKind = z.enum(['with-notice', 'late', 'did-not-attend']);
export type CancellationKind = z.infer<typeof CancellationKind>;
export const cancellationKindLabels: Record<CancellationKind, string> = {
  'with-notice': 'Cancelled with notice',
  late: 'Cancelled late',
  'did-not-attend': 'Did not attend',
};

export const CancelledBy = z.enum(['student', 'mentor']);
export type CancelledBy = z.infer<typeof CancelledBy>;

export const Cancellation = z.strictObject({
  kind: CancellationKind,
  cancelledBy: CancelledBy,
  at: Timestamp,
  reason: text(1000),
  /** Decided by the policy in force when it was cancelled (see recordCancellation), then kept. */
  countsAgainstHours: z.boolean(),
});
export type Cancellation = z.infer<typeof Cancellation>;

/** Derived, never stored: see sessionStatus in shared/domain/sessionRules.ts. */
export const SessionStatus = z.enum(['booked', 'recorded', 'complete', 'cancelled']);
export type SessionStatus = z.infer<typeof SessionStatus>;
export const sessionStatusLabels: Record<SessionStatus, string> = {
  booked: 'Booked',
  recorded: 'Awaiting signatures',
  complete: 'Signed by both',
  cancelled: 'Cancelled',
};

/** One session as stored with the student's records: the booking, then its record or its cancellation. */
export const Session = z.strictObject({
  id: Id,
  booking: Booking,
  cancellation: Cancellation.nullable(),
  record: signedRecordSchema(SessionRecordContent).nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Session = z.infer<typeof Session>;

/** What lists and the hours summary need, without the notes. */
export const SessionSummary = z.strictObject({
  id: Id,
  date: IsoDate,
  start: TimeOfDay,
  plannedMinutes: minutes,
  mode: SessionMode,
  status: SessionStatus,
  /** The recorded duration; null until the session is recorded. */
  durationMinutes: minutes.nullable(),
  cancellation: Cancellation.nullable(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const TimeRange = z
  .strictObject({ start: TimeOfDay, end: TimeOfDay })
  .refine((r) => r.end > r.start, { path: ['end'], message: 'The end must be after the start' });
export type TimeRange = z.infer<typeof TimeRange>;

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export const Weekday = z.enum(['1', '2', '3', '4', '5', '6', '7']);
export type Weekday = z.infer<typeof Weekday>;

/**
 * When the mentor can see students: a usual week, and dates that differ from it (a day off, or
 * different hours that day). Used for the weekly availability email to the coordinator.
 */
export const Availability = z.strictObject({
  weekly: z.partialRecord(Weekday, z.array(TimeRange).max(12)),
  overrides: z.record(IsoDate, z.union([z.literal('unavailable'), z.array(TimeRange).max(12)])),
});
export type Availability = z.infer<typeof Availability>;

/** What the mentor records at the end of a session: the backend adds the names and the planned time from the booking. */
export const SessionRecordDraft = SessionRecordContent.omit({ studentName: true, mentorName: true, plannedMinutes: true });
export type SessionRecordDraft = z.infer<typeof SessionRecordDraft>;

/** A usual working week until the mentor sets their own: Monday to Friday, 09:00–17:00. */
export const defaultAvailability: Availability = {
  weekly: Object.fromEntries((['1', '2', '3', '4', '5'] as const).map((d) => [d, [{ start: '09:00', end: '17:00' }]])),
  overrides: {},
};

/**
 * Pointed out when booking, never a refusal: short notice or a time past (bookingWarnings in
 * shared/domain/sessionRules.ts), bookings beyond the hours left or after the hours deadline
 * (shared/domain/hours.ts), and a student whose support is deferred.
 */
export const BookingWarning = z.strictObject({ kind: z.enum(['short-notice', 'in-the-past', 'hours', 'deferred']), message: z.string() });
export type BookingWarning = z.infer<typeof BookingWarning>;

/** A free time offered when a cancelled session is to be rebooked. */
export const FreeSlot = z.strictObject({ date: IsoDate, start: TimeOfDay, end: TimeOfDay });
export type FreeSlot = z.infer<typeof FreeSlot>;
