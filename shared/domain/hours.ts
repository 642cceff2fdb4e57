import { daysBetween, isChargeable, ukDate } from './sessionRules';
import type { Deferral, HoursPolicy, HoursSummary, HoursWarning, HoursWarningKind } from '../schemas/hoursPolicy';
import type { SessionSummary } from '../schemas/session';

/**
 * Support hours: what was allocated, what is used, what is booked and what is left. Everything is
 * counted in whole minutes and shown as hours with one decimal, so 20-minute sessions add up
 * exactly and only the display rounds.
 */

export type HoursSession = Pick<SessionSummary, 'date' | 'plannedMinutes' | 'mode' | 'status' | 'durationMinutes' | 'cancellation'>;

export type Allocation = {
  /** Null while the office has not said how many hours the student has. */
  allocatedHours: number | null;
  /** `YYYY-MM-DD`, or empty while not known. */
  hoursDeadline: string;
};

export type { HoursSummary, HoursWarning, HoursWarningKind };

/** Minutes as hours with one decimal: 90 → 1.5. */
export function toHours(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}

/** Hours as written in a message: "1.5 hours". */
export function formatHours(minutes: number): string {
  return `${toHours(minutes).toFixed(1)} hours`;
}

/**
 * The minutes one session takes from the allocation. A session signed by both uses its recorded
 * duration; a cancellation uses the planned time when it was marked as counting when it was
 * cancelled; email-only support uses nothing unless the policy makes it chargeable.
 */
export function minutesUsed(session: HoursSession, policy: HoursPolicy): number {
  if (!isChargeable(session, policy)) return 0;
  if (session.status === 'complete') return session.durationMinutes ?? 0;
  if (session.status === 'cancelled' && session.cancellation?.countsAgainstHours) return session.plannedMinutes;
  return 0;
}

/**
 * Where a student's hours stand on `today` (`YYYY-MM-DD`). A booking whose date has passed without
 * a record or a cancellation still holds its hours: it needs recording or cancelling, not forgetting.
 */
export function hoursSummary(input: Allocation & { sessions: readonly HoursSession[] }, policy: HoursPolicy, today: string): HoursSummary {
  const allocated = input.allocatedHours === null ? null : Math.round(input.allocatedHours * 60);
  let used = 0;
  let awaiting = 0;
  let booked = 0;
  for (const s of input.sessions) {
    used += minutesUsed(s, policy);
    if (!isChargeable(s, policy)) continue;
    if (s.status === 'recorded') awaiting += s.durationMinutes ?? s.plannedMinutes;
    if (s.status === 'booked') booked += s.plannedMinutes;
  }
  const remaining = allocated === null ? null : Math.max(0, allocated - used);
  const warnings: HoursWarning[] = [];

  if (allocated !== null && remaining !== null) {
    if (used > allocated) {
      warnings.push({
        kind: 'over-allocation',
        message: `${formatHours(used)} used of ${formatHours(allocated)} allocated: ${formatHours(used - allocated)} over. Ask the office about extra hours before the next session`,
      });
    } else if (allocated > 0 && used * 100 >= policy.warnAtPercentUsed * allocated) {
      warnings.push({
        kind: 'used-80',
        message: `${policy.warnAtPercentUsed}% or more of the hours are used (${formatHours(used)} of ${formatHours(allocated)}): ${formatHours(remaining)} remain`,
      });
    }
    if (booked + awaiting > remaining) {
      warnings.push({
        kind: 'booked-exceeds-remaining',
        message: `Sessions booked or awaiting signatures (${formatHours(booked + awaiting)}) come to more than the ${formatHours(remaining)} remaining`,
      });
    }
  }

  const deadline = input.hoursDeadline;
  if (deadline !== '') {
    const daysLeft = daysBetween(today, deadline);
    if (daysLeft < 0) {
      warnings.push({ kind: 'deadline-passed', message: `The deadline for these hours was ${ukDate(deadline)}: ask the office about a deferral before booking more` });
    } else if (daysLeft <= policy.deadlineWarningDays && (remaining === null || remaining > 0)) {
      const left = remaining === null ? 'Hours' : formatHours(remaining);
      const when = daysLeft === 0 ? 'today' : daysLeft === 1 ? 'tomorrow' : `in ${daysLeft} days`;
      warnings.push({ kind: 'deadline-near', message: `${left} must be used by ${ukDate(deadline)} (${when})` });
    }
    const late = input.sessions.filter((s) => s.status === 'booked' && s.date > deadline).length;
    if (late > 0) {
      warnings.push({
        kind: 'booked-after-deadline',
        message: `${late === 1 ? 'One session is' : `${late} sessions are`} booked after the hours deadline (${ukDate(deadline)}): move ${late === 1 ? 'it' : 'them'} or ask the office about a deferral`,
      });
    }
  }

  return {
    allocated: allocated === null ? null : toHours(allocated),
    used: toHours(used),
    awaitingSignatures: toHours(awaiting),
    booked: toHours(booked),
    remaining: remaining === null ? null : toHours(remaining),
    percentUsed: allocated === null ? null : allocated === 0 ? (used > 0 ? 100 : 0) : Math.floor((used * 100) / allocated),
    minutes: { allocated, used, awaitingSignatures: awaiting, booked, remaining },
    warnings,
  };
}

/**
 * The allocation once the deferrals agreed with the office are applied, earliest first: each sets
 * the new deadline and adds its extra hours. The stored allocation stays as first given.
 */
export function applyDeferrals(allocation: Allocation, deferrals: readonly Pick<Deferral, 'from' | 'newDeadline' | 'extraHours' | 'recordedAt'>[]): Allocation {
  const ordered = [...deferrals].sort((a, b) => a.from.localeCompare(b.from) || a.recordedAt - b.recordedAt);
  return ordered.reduce<Allocation>(
    (current, d) => ({
      allocatedHours: current.allocatedHours === null && d.extraHours === 0 ? null : (current.allocatedHours ?? 0) + d.extraHours,
      hoursDeadline: d.newDeadline,
    }),
    allocation,
  );
}
