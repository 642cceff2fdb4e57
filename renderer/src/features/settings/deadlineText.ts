import type { DeadlineRule, Weekday } from '../../../../shared/schemas/calendar';

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAY_LABELS: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

const ordinal = (day: number) => `${day}${day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th'}`;

/** A rule as a mentor would say it: "Every Friday (Thursday when Friday is a bank holiday)". */
export function describeRule(rule: DeadlineRule): string {
  switch (rule.kind) {
    case 'last-working-day-of-month':
      return rule.month === 'every' ? 'The last working day of every month' : `The last working day of ${MONTHS[rule.month - 1]}`;
    case 'weekly':
      return `Every ${WEEKDAY_LABELS[rule.weekday]}${rule.shiftToPreviousWorkingDay ? ', or the working day before when it is a bank holiday' : ''}`;
    case 'fixed-date':
      return `${ordinal(rule.day)} ${MONTHS[rule.month - 1]} each year${rule.shiftToPreviousWorkingDay ? ', or the working day before' : ''}`;
    case 'window':
      return `Opens ${ordinal(rule.opensDay)} ${MONTHS[rule.opensMonth - 1]}; due the last working day of ${MONTHS[rule.dueMonth - 1]}`;
    case 'academic-year-start':
      return rule.afterDays === 0 ? 'At the start of the academic year' : `${rule.afterDays} days into the academic year`;
  }
}

/** A new rule's id: readable, unique among the rules, and within the Id pattern. */
export function newRuleId(title: string, taken: readonly string[]): string {
  const base = (title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'deadline').slice(0, 40).padEnd(8, '-x');
  let id = base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}-${n}`;
  return id;
}
