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

/**
 * A deferral agreed with the office: the student's support paused from `from`, the hours must now
 * be used by `newDeadline`, and the office may add hours. Kept as a list on the student, so the
 * original allocation stays visible (see applyDeferrals in shared/domain/hours.ts).
 */
export const Deferral = z
  .strictObject({
    from: IsoDate,
    newDeadline: IsoDate,
    extraHours: z.number().min(0, 'Extra hours cannot be negative').max(500, 'That is more extra hours than a deferral gives'),
    note: text(1000),
    recordedAt: Timestamp,
  })
  .refine((d) => d.newDeadline > d.from, { path: ['newDeadline'], message: 'The new deadline must come after the date support was deferred from' });
export type Deferral = z.infer<typeof Deferral>;
