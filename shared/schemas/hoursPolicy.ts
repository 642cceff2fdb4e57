import { z } from 'zod';
import { IsoDate, Timestamp, text } from './common';

/**
 * How the provider counts support hours. These go into Settings; every field carries a default so
 * settings saved before the policy existed still read. The policy is consulted when a session is
 * cancelled (and the answer stored with the cancellation), so changing it later does not rewrite
 * what earlier cancellations counted.
 */
export const HoursPolicy = z.strictObject({
  /** A student's cancellation with less than `shortNoticeHours` notice uses the session's planned time. */
  lateCancellationCounts: z.boolean().default(true),
  /** A session the student did not attend uses its planned time. */
  didNotAttendCounts: z.boolean().default(true),
  /** Support given only by email is not usually billed to the funder; some providers agree otherwise. */
  emailSupportChargeable: z.boolean().default(false),
  warnAtPercentUsed: z.number().int('Whole percent only').min(1, 'At least 1%').max(100, 'At most 100%').default(80),
  /** Warn when the hours deadline is this many days away (or fewer) and hours remain. */
  deadlineWarningDays: z.number().int('Whole days only').min(0, 'Cannot be negative').max(365, 'At most 365 days').default(28),
  /** Less notice than this makes a cancellation late and a booking short-notice. */
  shortNoticeHours: z.number().int('Whole hours only').min(0, 'Cannot be negative').max(168, 'At most 168 hours (a week)').default(24),
});
export type HoursPolicy = z.infer<typeof HoursPolicy>;

export const defaultHoursPolicy: HoursPolicy = {
  lateCancellationCounts: true,
  didNotAttendCounts: true,
  emailSupportChargeable: false,
  warnAtPercentUsed: 80,
  deadlineWarningDays: 28,
  shortNoticeHours: 24,
};

const deferralFields = {
  from: IsoDate,
  newDeadline: IsoDate,
  extraHours: z.number().min(0, 'Extra hours cannot be negative').max(500, 'That is more extra hours than a deferral gives'),
  note: text(1000),
};
const deadlineAfterFrom = { path: ['newDeadline'], message: 'The new deadline must come after the date support was deferred from' };

/** What the mentor enters for a deferral; the backend adds when it was recorded. */
export const DeferralInput = z.strictObject(deferralFields).refine((d) => d.newDeadline > d.from, deadlineAfterFrom);
export type DeferralInput = z.infer<typeof DeferralInput>;

/**
 * A deferral agreed with the office: the student's support paused from `from`, the hours must now
 * be used by `newDeadline`, and the office may add hours. Kept as a list on the student, so the
 * original allocation stays visible (see applyDeferrals in shared/domain/hours.ts).
 */
export const Deferral = z
  .strictObject({ ...deferralFields, recordedAt: Timestamp })
  .refine((d) => d.newDeadline > d.from, deadlineAfterFrom);
export type Deferral = z.infer<typeof Deferral>;

/** Closing a student's mentoring. The handbook asks for at least one final review meeting, so its date is required. */
export const ClosureInput = z.strictObject({
  finalReviewOn: IsoDate,
  /** The grade or outcome the student finished with, as they reported it. */
  finalGrade: text(200),
  /** Whether Access to Work (support once the student starts work) was talked about. */
  accessToWorkDiscussed: z.boolean(),
  notes: text(4000),
});
export type ClosureInput = z.infer<typeof ClosureInput>;
export const Closure = ClosureInput.extend({ closedAt: Timestamp });
export type Closure = z.infer<typeof Closure>;

export const HoursWarningKind = z.enum(['used-80', 'over-allocation', 'booked-exceeds-remaining', 'deadline-near', 'deadline-passed', 'booked-after-deadline']);
export type HoursWarningKind = z.infer<typeof HoursWarningKind>;
export const HoursWarning = z.strictObject({ kind: HoursWarningKind, message: z.string() });
export type HoursWarning = z.infer<typeof HoursWarning>;

const hours = z.number();
const minutesCount = z.number().int();
/** Where a student's hours stand (computed by hoursSummary in shared/domain/hours.ts). */
export const HoursSummary = z.strictObject({
  /** Hours with one decimal; allocated, remaining and percentUsed are null while the allocation is not known. */
  allocated: hours.nullable(),
  used: hours,
  /** Recorded sessions still waiting for a signature: not used yet, but they will be. */
  awaitingSignatures: hours,
  booked: hours,
  /** Never below zero: an overspend shows as the over-allocation warning. */
  remaining: hours.nullable(),
  /** Whole percent, rounded down, so it never reads 80 before the 80% warning appears. */
  percentUsed: z.number().int().nullable(),
  /** The same figures in exact minutes, for adding up across students. */
  minutes: z.strictObject({ allocated: minutesCount.nullable(), used: minutesCount, awaitingSignatures: minutesCount, booked: minutesCount, remaining: minutesCount.nullable() }),
  warnings: z.array(HoursWarning),
});
export type HoursSummary = z.infer<typeof HoursSummary>;
