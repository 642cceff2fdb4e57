import Holidays from 'date-holidays';
import type { IsoDate } from '../../schemas/common';
import type { Region } from '../../schemas/settings';
import { addDays, daysInMonth, isWeekend, isoDate, yearOf } from './dates';

/**
 * Bank holidays come from date-holidays rather than a list typed in here: the UK adds one-off
 * holidays (jubilees, coronations, a state funeral) and a hand-kept list goes stale unnoticed.
 * Updating the package updates the calendar.
 */

export type BankHoliday = { date: IsoDate; name: string };

/** ISO 3166-2 subdivisions of GB in date-holidays. Wales shares England's bank holidays. */
const SUBDIVISION: Record<Region, string> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

// Building the rules for a region parses the library's data, and a year's dates are asked for
// again and again while walking a month back from its end: both are cached. The results depend
// only on the arguments, so the functions stay pure to their callers.
const calendars = new Map<Region, Holidays>();
const byYear = new Map<string, readonly BankHoliday[]>();

function calendarFor(region: Region): Holidays {
  let calendar = calendars.get(region);
  if (!calendar) {
    // Only days off count: date-holidays also lists observances such as Mother's Day.
    calendar = new Holidays('GB', SUBDIVISION[region], { types: ['public', 'bank'] });
    calendars.set(region, calendar);
  }
  return calendar;
}

function holidaysIn(region: Region, year: number): readonly BankHoliday[] {
  const key = `${region}:${year}`;
  let days = byYear.get(key);
  if (!days) {
    days = calendarFor(region)
      .getHolidays(year, 'en')
      // `date` is the local calendar day ("2027-12-27 00:00:00"); `start` is an instant that
      // depends on the time zone, so it is not used.
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name }))
      .filter((h) => !isWeekend(h.date))
      .sort((a, b) => a.date.localeCompare(b.date));
    byYear.set(key, days);
  }
  return days;
}

/**
 * The bank holidays of `region` in `year`, in date order, as the days people actually have off.
 * When a holiday falls on a weekend the library lists both the day itself and its "substitute day"
 * on the following Monday or Tuesday; only the weekday is kept, as gov.uk lists it.
 */
export function bankHolidays(region: Region, year: number): BankHoliday[] {
  return holidaysIn(region, year).map((d) => ({ ...d }));
}

export function bankHolidayOn(date: IsoDate, region: Region): BankHoliday | null {
  const found = holidaysIn(region, yearOf(date)).find((h) => h.date === date);
  return found ? { ...found } : null;
}

/** Monday to Friday, and not a bank holiday in `region`. */
export function isWorkingDay(date: IsoDate, region: Region): boolean {
  return !isWeekend(date) && bankHolidayOn(date, region) === null;
}

// The UK never has more than a handful of days off in a row; this only stops a bad input looping.
const SEARCH_LIMIT = 31;

function step(date: IsoDate, region: Region, direction: 1 | -1): IsoDate {
  let day = date;
  for (let i = 0; i <= SEARCH_LIMIT; i++) {
    if (isWorkingDay(day, region)) return day;
    day = addDays(day, direction);
  }
  throw new Error(`No working day within ${SEARCH_LIMIT} days of ${date}`);
}

export function nextWorkingDayOnOrAfter(date: IsoDate, region: Region): IsoDate {
  return step(date, region, 1);
}

export function previousWorkingDayOnOrBefore(date: IsoDate, region: Region): IsoDate {
  return step(date, region, -1);
}

/**
 * The date `count` working days after `date` (before it when negative). Counting starts from the
 * next day, so adding 1 to a Friday gives the Monday, or the Tuesday after a bank holiday Monday.
 */
export function addWorkingDays(date: IsoDate, count: number, region: Region): IsoDate {
  const direction = count < 0 ? -1 : 1;
  let day = date;
  for (let left = Math.abs(count); left > 0; left--) day = step(addDays(day, direction), region, direction);
  return day;
}

/** Where a deadline of "the last working day of the month" lands. `month` is 1–12. */
export function lastWorkingDayOfMonth(year: number, month: number, region: Region): IsoDate {
  return previousWorkingDayOnOrBefore(isoDate(year, month, daysInMonth(year, month)), region);
}
