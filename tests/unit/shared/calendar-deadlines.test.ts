import { describe, expect, it } from 'vitest';
import { academicYearOf } from '../../../shared/domain/academicYear';
import { academicYearOfDate, academicYearRange, academicYearStartIn } from '../../../shared/domain/calendar/academicYear';
import { occurrences, occurrencesOf } from '../../../shared/domain/calendar/rules';
import { AcademicYearStart, DeadlineRule, DeadlineRules, defaultCalendarSettings, defaultDeadlineRules, CalendarSettings } from '../../../shared/schemas/calendar';

const rule = (id: string) => defaultDeadlineRules.find((r) => r.id === id)!;
const dates = (list: { date: string }[]) => list.map((o) => o.date);
const ew = 'england-and-wales' as const;

describe('the academic year by calendar day', () => {
  it('runs from 1 September to 31 August by default, and agrees with academicYearOf', () => {
    expect(academicYearOfDate('2026-08-31')).toBe('2025/26');
    expect(academicYearOfDate('2026-09-01')).toBe('2026/27');
    expect(academicYearRange(2026)).toEqual({ from: '2026-09-01', to: '2027-08-31' });
    for (const date of ['2026-01-15', '2026-08-31', '2026-09-01', '2027-06-30', '2099-12-01']) {
      expect(academicYearOfDate(date)).toBe(academicYearOf(Date.parse(`${date}T12:00:00Z`)));
    }
  });

  it('can start on another day, such as 22 September', () => {
    const start = { month: 9, day: 22 };
    expect(academicYearOfDate('2026-09-21', start)).toBe('2025/26');
    expect(academicYearOfDate('2026-09-22', start)).toBe('2026/27');
    expect(academicYearRange(2026, start)).toEqual({ from: '2026-09-22', to: '2027-09-21' });
  });

  it('a year starting on 29 February starts on 28 February in other years', () => {
    expect(academicYearStartIn(2027, { month: 2, day: 29 })).toBe('2027-02-28');
    expect(academicYearStartIn(2028, { month: 2, day: 29 })).toBe('2028-02-29');
  });

  it('refuses a start day that no month has', () => {
    expect(AcademicYearStart.safeParse({ month: 2, day: 30 }).success).toBe(false);
    expect(AcademicYearStart.safeParse({ month: 13, day: 1 }).success).toBe(false);
  });
});

describe('survey windows', () => {
  it('Rate your Support opens on 1 November and is due on the last working day of January', () => {
    expect(occurrences(rule('rate-your-support'), '2026-09-01', '2027-08-31', ew)).toEqual([
      { ruleId: 'rate-your-support', title: 'Rate your Support survey', date: '2027-01-29', opensOn: '2026-11-01' },
    ]);
    expect(occurrences(rule('rate-your-support'), '2027-09-01', '2028-08-31', ew)).toEqual([
      { ruleId: 'rate-your-support', title: 'Rate your Support survey', date: '2028-01-31', opensOn: '2027-11-01' },
    ]);
  });

  it('the mentoring survey opens on 1 April and is due on the last working day of May, after the Spring bank holiday', () => {
    expect(occurrences(rule('mentoring-survey'), '2026-09-01', '2027-08-31', ew)).toEqual([
      { ruleId: 'mentoring-survey', title: 'Mentoring survey', date: '2027-05-28', opensOn: '2027-04-01' },
    ]);
  });
});

describe('the weekly availability email', () => {
  it('is due every Friday, on the Thursday when Friday is a bank holiday', () => {
    expect(dates(occurrences(rule('weekly-availability'), '2027-03-15', '2027-04-10', ew))).toEqual(['2027-03-19', '2027-03-25', '2027-04-02', '2027-04-09']);
    expect(dates(occurrences(rule('weekly-availability'), '2026-12-19', '2027-01-08', ew))).toEqual(['2026-12-24', '2026-12-31', '2027-01-08']);
  });

  it('a Thursday range end still catches a Good Friday moved back into it', () => {
    expect(dates(occurrences(rule('weekly-availability'), '2027-03-22', '2027-03-25', ew))).toEqual(['2027-03-25']);
  });

  it('the weekday can be changed, and moving off bank holidays switched off', () => {
    const monday: DeadlineRule = { ...(rule('weekly-availability') as Extract<DeadlineRule, { kind: 'weekly' }>), weekday: 'monday', shiftToPreviousWorkingDay: false };
    expect(dates(occurrences(monday, '2027-05-24', '2027-06-07', ew))).toEqual(['2027-05-24', '2027-05-31', '2027-06-07']);
  });
});

describe('timesheets', () => {
  it('are due on the last working day of every month', () => {
    expect(dates(occurrences(rule('timesheet-submission'), '2027-01-01', '2027-12-31', ew))).toEqual([
      '2027-01-29',
      '2027-02-26',
      '2027-03-31',
      '2027-04-30',
      '2027-05-28',
      '2027-06-30',
      '2027-07-30',
      '2027-08-31',
      '2027-09-30',
      '2027-10-29',
      '2027-11-30',
      '2027-12-31',
    ]);
  });

  it('a rule for one month gives one date a year', () => {
    const may: DeadlineRule = { id: 'may-returns', title: 'Annual returns', notes: '', enabled: true, kind: 'last-working-day-of-month', month: 5 };
    expect(dates(occurrences(may, '2026-01-01', '2028-12-31', ew))).toEqual(['2026-05-29', '2027-05-28', '2028-05-31']);
  });
});

describe('start-of-year tasks', () => {
  it('fall due when the academic year starts, on the Monday when it starts at a weekend', () => {
    const tasks = defaultDeadlineRules.filter((r) => r.kind === 'academic-year-start');
    expect(tasks.map((r) => r.title)).toEqual(['Contact continuing students', 'Renew service agreements', 'Check students’ contact details']);
    expect(occurrences(tasks[0]!, '2027-01-01', '2027-12-31', ew)).toEqual([{ ruleId: 'contact-continuing-students', title: 'Contact continuing students', date: '2027-09-01' }]);
    expect(occurrences(tasks[0]!, '2029-01-01', '2029-12-31', ew)).toEqual([
      { ruleId: 'contact-continuing-students', title: 'Contact continuing students', date: '2029-09-03', opensOn: '2029-09-01' },
    ]);
  });

  it('follow the provider’s academic year start, plus any days allowed', () => {
    const renew: DeadlineRule = { ...(rule('renew-service-agreements') as Extract<DeadlineRule, { kind: 'academic-year-start' }>), afterDays: 14 };
    expect(occurrences(renew, '2026-01-01', '2026-12-31', ew, { academicYearStart: { month: 9, day: 22 } })).toEqual([
      { ruleId: 'renew-service-agreements', title: 'Renew service agreements', date: '2026-10-06', opensOn: '2026-09-22' },
    ]);
  });
});

describe('fixed dates', () => {
  const fixed = (month: number, day: number, shift = true): DeadlineRule => ({ id: 'fixed-date-rule', title: 'Fixed', notes: '', enabled: true, kind: 'fixed-date', month, day, shiftToPreviousWorkingDay: shift });

  it('move back to the working day before, even into the previous year', () => {
    expect(dates(occurrences(fixed(12, 25), '2026-01-01', '2027-12-31', ew))).toEqual(['2026-12-24', '2027-12-24']);
    expect(dates(occurrences(fixed(1, 1), '2026-12-01', '2026-12-31', ew))).toEqual(['2026-12-31']);
    expect(dates(occurrences(fixed(1, 1, false), '2027-01-01', '2027-01-31', ew))).toEqual(['2027-01-01']);
  });

  it('29 February falls on the last day of February in other years', () => {
    expect(dates(occurrences(fixed(2, 29, false), '2027-01-01', '2028-12-31', ew))).toEqual(['2027-02-28', '2028-02-29']);
    expect(dates(occurrences(fixed(2, 29), '2027-01-01', '2027-12-31', ew))).toEqual(['2027-02-26']);
  });
});

describe('occurrences', () => {
  it('include both ends of the range and nothing outside it', () => {
    expect(dates(occurrences(rule('timesheet-submission'), '2027-01-29', '2027-02-26', ew))).toEqual(['2027-01-29', '2027-02-26']);
    expect(occurrences(rule('timesheet-submission'), '2027-01-30', '2027-02-25', ew)).toEqual([]);
    expect(occurrences(rule('timesheet-submission'), '2027-03-01', '2027-02-01', ew)).toEqual([]);
  });

  it('a switched-off rule puts nothing on the calendar', () => {
    expect(occurrences({ ...rule('timesheet-submission'), enabled: false }, '2027-01-01', '2027-12-31', ew)).toEqual([]);
  });

  it('several rules come back together in date order, then by title', () => {
    const all = occurrencesOf(defaultDeadlineRules, '2027-01-25', '2027-02-05', ew);
    expect(all.map((o) => `${o.date} ${o.title}`)).toEqual([
      '2027-01-29 Rate your Support survey',
      '2027-01-29 Send weekly availability to the coordinator',
      '2027-01-29 Submit timesheets',
      '2027-02-05 Send weekly availability to the coordinator',
    ]);
  });
});

describe('the deadline rule schema', () => {
  it('accepts the built-in defaults', () => {
    expect(CalendarSettings.parse(defaultCalendarSettings)).toEqual(defaultCalendarSettings);
  });

  it('fills in notes and switches a new custom rule on', () => {
    const parsed = DeadlineRule.parse({ id: 'custom-rule-1', title: ' Send invoices ', kind: 'weekly', weekday: 'monday' });
    expect(parsed).toEqual({ id: 'custom-rule-1', title: 'Send invoices', notes: '', enabled: true, kind: 'weekly', weekday: 'monday', shiftToPreviousWorkingDay: true });
  });

  it('refuses impossible dates, unknown kinds, extra fields and repeated ids', () => {
    const base = { id: 'custom-rule-1', title: 'X' };
    expect(DeadlineRule.safeParse({ ...base, kind: 'fixed-date', month: 4, day: 31 }).success).toBe(false);
    expect(DeadlineRule.safeParse({ ...base, kind: 'window', opensMonth: 2, opensDay: 30, dueMonth: 3 }).success).toBe(false);
    expect(DeadlineRule.safeParse({ ...base, kind: 'fortnightly' }).success).toBe(false);
    expect(DeadlineRule.safeParse({ ...base, kind: 'last-working-day-of-month', month: 'every', colour: 'red' }).success).toBe(false);
    expect(DeadlineRule.safeParse({ ...base, title: '  ', kind: 'last-working-day-of-month', month: 'every' }).success).toBe(false);
    expect(DeadlineRules.safeParse([rule('timesheet-submission'), rule('timesheet-submission')]).success).toBe(false);
  });
});
