import { describe, expect, it } from 'vitest';
import { applyDeferrals, formatHours, hoursSummary, minutesUsed, toHours, type HoursSession } from '../../../shared/domain/hours';
import { Deferral, HoursPolicy, defaultHoursPolicy } from '../../../shared/schemas/hoursPolicy';
import type { Cancellation } from '../../../shared/schemas/session';

const today = '2026-11-23';
const at = Date.UTC(2026, 10, 20, 9, 0);

const complete = (minutes: number, mode: HoursSession['mode'] = 'campus', date = '2026-11-16'): HoursSession => ({
  date, plannedMinutes: 60, mode, status: 'complete', durationMinutes: minutes, cancellation: null,
});
const booked = (date: string, minutes = 60): HoursSession => ({ date, plannedMinutes: minutes, mode: 'campus', status: 'booked', durationMinutes: null, cancellation: null });
const cancelled = (c: Pick<Cancellation, 'kind' | 'cancelledBy' | 'countsAgainstHours'>): HoursSession => ({
  date: '2026-11-19', plannedMinutes: 60, mode: 'campus', status: 'cancelled', durationMinutes: null, cancellation: { ...c, at, reason: '' },
});
const summary = (sessions: HoursSession[], allocatedHours: number | null = 10, hoursDeadline = '2027-06-30', policy = defaultHoursPolicy) =>
  hoursSummary({ allocatedHours, hoursDeadline, sessions }, policy, today);
const kinds = (s: ReturnType<typeof summary>) => s.warnings.map((w) => w.kind);

describe('hours used and remaining', () => {
  it('counts sessions signed by both at their recorded length, and bookings separately', () => {
    const s = summary([complete(60), complete(45), booked('2026-11-30'), booked('2026-12-07', 90)]);
    expect(s).toMatchObject({ allocated: 10, used: 1.8, booked: 2.5, remaining: 8.3, percentUsed: 17, awaitingSignatures: 0 });
    expect(s.minutes).toEqual({ allocated: 600, used: 105, awaitingSignatures: 0, booked: 150, remaining: 495 });
  });

  it('a recorded session waiting for signatures is not used yet, but is shown as awaiting', () => {
    const s = summary([{ ...complete(50), status: 'recorded' }]);
    expect(s.used).toBe(0);
    expect(s.awaitingSignatures).toBe(0.8);
  });

  it('adds up twenty-minute sessions exactly and rounds only for display', () => {
    const s = summary(Array.from({ length: 3 }, () => complete(20)));
    expect(s.minutes.used).toBe(60);
    expect(s.used).toBe(1);
    expect(toHours(50)).toBe(0.8);
    expect(formatHours(90)).toBe('1.5 hours');
  });

  it('email support is not counted by default', () => {
    expect(summary([complete(30, 'email')]).minutes.used).toBe(0);
    expect(summary([complete(30, 'email')], 10, '2027-06-30', { ...defaultHoursPolicy, emailSupportChargeable: true }).minutes.used).toBe(30);
  });

  it('a cancellation uses the planned hour only when it was marked as counting', () => {
    const late = cancelled({ kind: 'late', cancelledBy: 'student', countsAgainstHours: true });
    const noticed = cancelled({ kind: 'with-notice', cancelledBy: 'student', countsAgainstHours: false });
    const byMentor = cancelled({ kind: 'late', cancelledBy: 'mentor', countsAgainstHours: false });
    expect(minutesUsed(late, defaultHoursPolicy)).toBe(60);
    expect(minutesUsed(noticed, defaultHoursPolicy)).toBe(0);
    expect(minutesUsed(byMentor, defaultHoursPolicy)).toBe(0);
    expect(summary([late, noticed, byMentor]).used).toBe(1);
  });

  it('an allocation not yet known still shows what is used, without percentages', () => {
    const s = summary([complete(60)], null);
    expect(s).toMatchObject({ allocated: null, remaining: null, percentUsed: null, used: 1 });
    expect(kinds(s)).toEqual([]);
  });
});

describe('hours warnings', () => {
  it('the 80% warning appears at 80% used, not at 79%', () => {
    expect(kinds(summary([complete(474)]))).toEqual([]); // 7.9 of 10 hours
    expect(summary([complete(479)]).percentUsed).toBe(79);
    const at80 = summary([complete(480)]);
    expect(at80.percentUsed).toBe(80);
    expect(at80.warnings).toEqual([{ kind: 'used-80', message: '80% or more of the hours are used (8.0 hours of 10.0 hours): 2.0 hours remain' }]);
  });

  it('the threshold follows the provider policy', () => {
    expect(kinds(summary([complete(420)], 10, '2027-06-30', HoursPolicy.parse({ warnAtPercentUsed: 70 })))).toEqual(['used-80']);
  });

  it('using more than allocated warns of the overspend instead', () => {
    const s = summary([complete(480), complete(180)]);
    expect(s.remaining).toBe(0);
    expect(s.warnings[0]).toEqual({ kind: 'over-allocation', message: '11.0 hours used of 10.0 hours allocated: 1.0 hours over. Ask the office about extra hours before the next session' });
    expect(kinds(s)).not.toContain('used-80');
  });

  it('warns when bookings come to more than the hours remaining', () => {
    const s = summary([complete(360), booked('2026-11-30', 120), booked('2026-12-07', 180)]);
    expect(kinds(s)).toEqual(['booked-exceeds-remaining']);
    expect(kinds(summary([complete(360), booked('2026-11-30', 120), booked('2026-12-07', 120)]))).toEqual([]); // exactly fills what remains
  });

  it('warns four weeks before the deadline while hours remain, and once it has passed', () => {
    expect(kinds(summary([], 10, '2026-12-22'))).toEqual([]); // 29 days away
    const near = summary([], 10, '2026-12-21');
    expect(near.warnings).toEqual([{ kind: 'deadline-near', message: '10.0 hours must be used by 21/12/2026 (in 28 days)' }]);
    expect(summary([], 10, today).warnings[0]?.message).toContain('(today)');
    expect(kinds(summary([complete(600)], 10, '2026-12-01'))).toEqual(['used-80']); // nothing left to use
    expect(summary([], 10, '2026-11-22').warnings).toEqual([
      { kind: 'deadline-passed', message: 'The deadline for these hours was 22/11/2026: ask the office about a deferral before booking more' },
    ]);
  });

  it('warns about sessions booked after the deadline', () => {
    const s = summary([booked('2027-07-05'), booked('2027-06-28')], 10, '2027-06-30');
    expect(s.warnings).toEqual([
      { kind: 'booked-after-deadline', message: 'One session is booked after the hours deadline (30/06/2027): move it or ask the office about a deferral' },
    ]);
  });
});

describe('deferrals', () => {
  const deferral = (from: string, newDeadline: string, extraHours: number) => ({ from, newDeadline, extraHours, note: '', recordedAt: at });

  it('moves the deadline and adds the extra hours, earliest deferral first', () => {
    const allocation = { allocatedHours: 20, hoursDeadline: '2027-06-30' };
    expect(applyDeferrals(allocation, [deferral('2027-09-01', '2028-06-30', 2), deferral('2027-03-01', '2027-12-31', 5)])).toEqual({
      allocatedHours: 27,
      hoursDeadline: '2028-06-30',
    });
    expect(allocation).toEqual({ allocatedHours: 20, hoursDeadline: '2027-06-30' });
  });

  it('refuses a new deadline that is not after the date support was deferred from', () => {
    expect(Deferral.safeParse(deferral('2027-03-01', '2027-03-01', 0)).success).toBe(false);
    expect(Deferral.safeParse(deferral('2027-03-01', '2027-09-30', 0)).success).toBe(true);
  });
});

describe('the hours policy', () => {
  it('defaults to counting late cancellations and missed sessions, not email, warning at 80% and 28 days, 24 hours notice', () => {
    expect(HoursPolicy.parse({})).toEqual(defaultHoursPolicy);
    expect(defaultHoursPolicy).toEqual({
      lateCancellationCounts: true, didNotAttendCounts: true, emailSupportChargeable: false, warnAtPercentUsed: 80, deadlineWarningDays: 28, shortNoticeHours: 24,
    });
  });
});
