import { describe, expect, it } from 'vitest';
import { weekdayOf } from '../../../shared/domain/calendar/dates';
import {
  addWorkingDays,
  bankHolidays,
  isWorkingDay,
  lastWorkingDayOfMonth,
  nextWorkingDayOnOrAfter,
  previousWorkingDayOnOrBefore,
} from '../../../shared/domain/calendar/workingDays';

// Expected dates below were worked out by hand from the published bank holidays (gov.uk), not
// from the library under test.

describe('the last working day of the month in England and Wales', () => {
  it('January 2026–2030: a Saturday or Sunday 31st moves back to the Friday', () => {
    const expected = {
      2026: '2026-01-30', // 31st is a Saturday
      2027: '2027-01-29', // 31st is a Sunday
      2028: '2028-01-31', // Monday
      2029: '2029-01-31', // Wednesday
      2030: '2030-01-31', // Thursday
    };
    for (const [year, date] of Object.entries(expected)) expect(lastWorkingDayOfMonth(Number(year), 1, 'england-and-wales')).toBe(date);
  });

  it('May 2026–2030: the Spring bank holiday is the last Monday, so a Monday 31st is not a working day', () => {
    const expected = {
      2026: '2026-05-29', // 31st Sunday, 30th Saturday
      2027: '2027-05-28', // 31st is the Spring bank holiday Monday
      2028: '2028-05-31', // Wednesday; the bank holiday was Monday 29th
      2029: '2029-05-31', // Thursday; bank holiday Monday 28th
      2030: '2030-05-31', // Friday; bank holiday Monday 27th
    };
    for (const [year, date] of Object.entries(expected)) expect(lastWorkingDayOfMonth(Number(year), 5, 'england-and-wales')).toBe(date);
  });

  it('August ends on a Friday when the Summer bank holiday is Monday 31st', () => {
    expect(lastWorkingDayOfMonth(2026, 8, 'england-and-wales')).toBe('2026-08-28');
  });

  it('December 2026 ends on Thursday 31st; the Christmas week holidays do not reach it', () => {
    expect(lastWorkingDayOfMonth(2026, 12, 'england-and-wales')).toBe('2026-12-31');
  });
});

describe('bank holidays', () => {
  it('Christmas on a Saturday gives Monday 27 and Tuesday 28 December off (2027)', () => {
    const christmas = bankHolidays('england-and-wales', 2027).filter((h) => h.date >= '2027-12-01');
    expect(christmas.map((h) => h.date)).toEqual(['2027-12-27', '2027-12-28']);
    expect(christmas.every((h) => /substitute/i.test(h.name))).toBe(true);
    expect(isWorkingDay('2027-12-27', 'england-and-wales')).toBe(false);
    expect(isWorkingDay('2027-12-29', 'england-and-wales')).toBe(true);
  });

  it('lists only weekdays off: a holiday on a weekend appears as its substitute day', () => {
    for (const region of ['england-and-wales', 'scotland', 'northern-ireland'] as const) {
      for (const year of [2026, 2027, 2028, 2029, 2030]) {
        const days = bankHolidays(region, year);
        expect(days.filter((h) => ['saturday', 'sunday'].includes(weekdayOf(h.date)))).toEqual([]);
        expect(days.map((h) => h.date)).toEqual([...days.map((h) => h.date)].sort());
      }
    }
  });

  it('England and Wales 2026 has the eight usual bank holidays', () => {
    expect(bankHolidays('england-and-wales', 2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-03', // Good Friday
      '2026-04-06', // Easter Monday
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28', // Boxing Day falls on a Saturday
    ]);
  });

  it('includes the one-off holidays: the Queen’s funeral and the Coronation', () => {
    expect(bankHolidays('england-and-wales', 2022).map((h) => h.date)).toContain('2022-09-19');
    expect(bankHolidays('scotland', 2023).map((h) => h.date)).toContain('2023-05-08');
  });

  it('is safe to change what it returns', () => {
    const first = bankHolidays('england-and-wales', 2026);
    first[0]!.name = 'changed';
    expect(bankHolidays('england-and-wales', 2026)[0]!.name).not.toBe('changed');
  });
});

describe('Scotland', () => {
  it('has 2 January off, moved to Monday 4 January 2027 when it is a Saturday', () => {
    expect(isWorkingDay('2029-01-02', 'scotland')).toBe(false);
    expect(isWorkingDay('2029-01-02', 'england-and-wales')).toBe(true);
    expect(isWorkingDay('2027-01-04', 'scotland')).toBe(false);
    expect(addWorkingDays('2026-12-31', 1, 'scotland')).toBe('2027-01-05');
    expect(addWorkingDays('2026-12-31', 1, 'england-and-wales')).toBe('2027-01-04');
  });

  it('has St Andrew’s Day, 30 November, and its substitute Monday when it falls on a weekend', () => {
    expect(lastWorkingDayOfMonth(2026, 11, 'scotland')).toBe('2026-11-27'); // 30th is a Monday
    expect(lastWorkingDayOfMonth(2026, 11, 'england-and-wales')).toBe('2026-11-30');
    expect(isWorkingDay('2030-12-02', 'scotland')).toBe(false); // 30 Nov 2030 is a Saturday
    expect(isWorkingDay('2030-12-02', 'england-and-wales')).toBe(true);
  });

  it('has its Summer bank holiday on the first Monday of August, not the last, and no Easter Monday', () => {
    expect(isWorkingDay('2026-08-03', 'scotland')).toBe(false);
    expect(lastWorkingDayOfMonth(2026, 8, 'scotland')).toBe('2026-08-31');
    expect(isWorkingDay('2027-03-29', 'scotland')).toBe(true);
    expect(isWorkingDay('2027-03-29', 'england-and-wales')).toBe(false);
  });
});

describe('Northern Ireland', () => {
  it('has St Patrick’s Day, 17 March, moved to Monday 19 March 2029 from a Saturday', () => {
    expect(isWorkingDay('2027-03-17', 'northern-ireland')).toBe(false);
    expect(isWorkingDay('2027-03-17', 'england-and-wales')).toBe(true);
    expect(isWorkingDay('2029-03-19', 'northern-ireland')).toBe(false);
  });

  it('has 12 July, moved to Monday 13 July 2026 from a Sunday', () => {
    expect(isWorkingDay('2027-07-12', 'northern-ireland')).toBe(false);
    expect(isWorkingDay('2026-07-13', 'northern-ireland')).toBe(false);
    expect(isWorkingDay('2026-07-13', 'scotland')).toBe(true);
  });
});

describe('counting working days', () => {
  it('steps over weekends and bank holidays', () => {
    expect(nextWorkingDayOnOrAfter('2027-12-25', 'england-and-wales')).toBe('2027-12-29');
    expect(nextWorkingDayOnOrAfter('2027-12-29', 'england-and-wales')).toBe('2027-12-29');
    expect(previousWorkingDayOnOrBefore('2027-03-29', 'england-and-wales')).toBe('2027-03-25'); // Easter
    expect(addWorkingDays('2027-03-25', 1, 'england-and-wales')).toBe('2027-03-30');
    expect(addWorkingDays('2027-03-30', -1, 'england-and-wales')).toBe('2027-03-25');
    expect(addWorkingDays('2026-11-23', 5, 'england-and-wales')).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-28', 0, 'england-and-wales')).toBe('2026-11-28');
  });

  it('does not depend on the computer’s time zone', () => {
    // date-holidays' `start` is an instant in the local zone; only its calendar day is used.
    // Years not asked for elsewhere, so nothing comes from the cache.
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
      expect(bankHolidays('england-and-wales', 2031).map((h) => h.date)).toContain('2031-04-11'); // Good Friday
      process.env.TZ = 'America/Los_Angeles';
      expect(bankHolidays('scotland', 2031).map((h) => h.date)).toContain('2031-12-01'); // St Andrew's, Sunday 30th
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
