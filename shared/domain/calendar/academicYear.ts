import type { IsoDate } from '../../schemas/common';
import type { AcademicYearStart } from '../../schemas/calendar';
import { addDays, daysInMonth, isoDate, yearOf } from './dates';

/**
 * The academic year by calendar day, for a provider whose year starts on a day other than the
 * 1st. shared/domain/academicYear.ts answers the same question for a timestamp and a start month;
 * with `day: 1` the two agree.
 */

export const DEFAULT_ACADEMIC_YEAR_START: AcademicYearStart = { month: 9, day: 1 };

/** The day the academic year starts in `year`; 29 February starts on 28 February in other years. */
export function academicYearStartIn(year: number, start: AcademicYearStart = DEFAULT_ACADEMIC_YEAR_START): IsoDate {
  return isoDate(year, start.month, Math.min(start.day, daysInMonth(year, start.month)));
}

/** The calendar year in which the academic year containing `date` started. */
export function academicYearStartYear(date: IsoDate, start: AcademicYearStart = DEFAULT_ACADEMIC_YEAR_START): number {
  const year = yearOf(date);
  return date >= academicYearStartIn(year, start) ? year : year - 1;
}

/** "2026/27", as a UK provider writes it. */
export function academicYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function academicYearOfDate(date: IsoDate, start: AcademicYearStart = DEFAULT_ACADEMIC_YEAR_START): string {
  return academicYearLabel(academicYearStartYear(date, start));
}

/** First and last day of the academic year that starts in `startYear`. */
export function academicYearRange(startYear: number, start: AcademicYearStart = DEFAULT_ACADEMIC_YEAR_START): { from: IsoDate; to: IsoDate } {
  return { from: academicYearStartIn(startYear, start), to: addDays(academicYearStartIn(startYear + 1, start), -1) };
}
