import type { AcademicYearStart, DeadlineRule, Occurrence } from '../../schemas/calendar';
import type { IsoDate } from '../../schemas/common';
import type { Region } from '../../schemas/settings';
import { DEFAULT_ACADEMIC_YEAR_START, academicYearStartIn } from './academicYear';
import { addDays, daysInMonth, isoDate, weekdayOf, yearOf } from './dates';
import { lastWorkingDayOfMonth, nextWorkingDayOnOrAfter, previousWorkingDayOnOrBefore } from './workingDays';

export type OccurrenceOptions = { academicYearStart?: AcademicYearStart };

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function years(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

function dayIn(year: number, month: number, day: number): IsoDate {
  // A rule for 29 February falls on 28 February in other years rather than vanishing.
  return isoDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/** Every date the rule falls due on, before the range is applied. `from`/`to` only bound the work. */
function candidates(rule: DeadlineRule, from: IsoDate, to: IsoDate, region: Region, start: AcademicYearStart): Occurrence[] {
  const base = { ruleId: rule.id, title: rule.title };
  switch (rule.kind) {
    case 'last-working-day-of-month': {
      const months = rule.month === 'every' ? ALL_MONTHS : [rule.month];
      return years(yearOf(from), yearOf(to)).flatMap((y) => months.map((m) => ({ ...base, date: lastWorkingDayOfMonth(y, m, region) })));
    }
    case 'weekly': {
      const found: Occurrence[] = [];
      let day = from;
      while (weekdayOf(day) !== rule.weekday) day = addDays(day, 1);
      // Shifting moves a date earlier, so a weekday just after `to` can land inside the range.
      for (; day <= addDays(to, 7); day = addDays(day, 7)) {
        found.push({ ...base, date: rule.shiftToPreviousWorkingDay ? previousWorkingDayOnOrBefore(day, region) : day });
      }
      return found;
    }
    case 'fixed-date':
      // A 1 January deadline shifted back lands in the previous December, so look a year ahead.
      return years(yearOf(from), yearOf(to) + 1).map((y) => {
        const day = dayIn(y, rule.month, rule.day);
        return { ...base, date: rule.shiftToPreviousWorkingDay ? previousWorkingDayOnOrBefore(day, region) : day };
      });
    case 'window':
      return years(yearOf(from), yearOf(to)).map((y) => {
        const due = lastWorkingDayOfMonth(y, rule.dueMonth, region);
        // A window that opens in a later month than it is due (November to January) opens the
        // year before.
        let opensOn = dayIn(y, rule.opensMonth, rule.opensDay);
        if (opensOn > due) opensOn = dayIn(y - 1, rule.opensMonth, rule.opensDay);
        return { ...base, date: due, opensOn };
      });
    case 'academic-year-start':
      return years(yearOf(from) - 1, yearOf(to)).map((y) => {
        const opensOn = academicYearStartIn(y, start);
        const date = nextWorkingDayOnOrAfter(addDays(opensOn, rule.afterDays), region);
        return date > opensOn ? { ...base, date, opensOn } : { ...base, date };
      });
  }
}

export function byDueDate(a: Occurrence, b: Occurrence): number {
  return a.date.localeCompare(b.date) || a.title.localeCompare(b.title) || a.ruleId.localeCompare(b.ruleId);
}

/**
 * The dates `rule` falls due from `from` to `to`, both included, in date order. A window counts
 * by its due date. A switched-off rule has none.
 */
export function occurrences(rule: DeadlineRule, from: IsoDate, to: IsoDate, region: Region, options: OccurrenceOptions = {}): Occurrence[] {
  if (!rule.enabled || to < from) return [];
  const start = options.academicYearStart ?? DEFAULT_ACADEMIC_YEAR_START;
  const seen = new Set<IsoDate>();
  return candidates(rule, from, to, region, start)
    .filter((o) => o.date >= from && o.date <= to && !seen.has(o.date) && seen.add(o.date))
    .sort(byDueDate);
}

/** All the rules' deadlines from `from` to `to`, in date order. */
export function occurrencesOf(rules: readonly DeadlineRule[], from: IsoDate, to: IsoDate, region: Region, options: OccurrenceOptions = {}): Occurrence[] {
  return rules.flatMap((rule) => occurrences(rule, from, to, region, options)).sort(byDueDate);
}
