import { TimeRange, Weekday, type Availability } from '../../../../shared/schemas/session';

/** The availability as the Settings form edits it: every weekday listed, date overrides as rows. */
export interface OverrideRow {
  date: string;
  unavailable: boolean;
  ranges: TimeRange[];
}
export interface AvailabilityValues {
  weekly: Record<Weekday, TimeRange[]>;
  overrides: OverrideRow[];
}

export const DAYS = Weekday.options;
export const NEW_RANGE: TimeRange = { start: '09:00', end: '17:00' };

export function toAvailabilityValues(a: Availability): AvailabilityValues {
  return {
    weekly: Object.fromEntries(DAYS.map((d) => [d, (a.weekly[d] ?? []).map((r) => ({ ...r }))])) as Record<Weekday, TimeRange[]>,
    overrides: Object.entries(a.overrides)
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([date, o]) => (o === 'unavailable' ? { date, unavailable: true, ranges: [] } : { date, unavailable: false, ranges: o.map((r) => ({ ...r })) })),
  };
}

export function toAvailability(v: AvailabilityValues): Availability {
  return {
    weekly: Object.fromEntries(DAYS.filter((d) => v.weekly[d].length > 0).map((d) => [d, v.weekly[d]])),
    overrides: Object.fromEntries(v.overrides.map((o) => [o.date, o.unavailable ? 'unavailable' : o.ranges])),
  };
}

/** Field errors by form path: each range on its own, each date override's date and ranges. */
export function validate(v: AvailabilityValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const checkRanges = (ranges: TimeRange[], path: string) =>
    ranges.forEach((r, i) => {
      const parsed = TimeRange.safeParse(r);
      if (!parsed.success) for (const issue of parsed.error.issues) errors[`${path}.${i}.${String(issue.path[0] ?? 'end')}`] ??= issue.message;
    });
  DAYS.forEach((d) => checkRanges(v.weekly[d], `weekly.${d}`));
  const seen = new Set<string>();
  v.overrides.forEach((o, i) => {
    if (!o.date) errors[`overrides.${i}.date`] = 'Enter the date, like 24/12/2026';
    else if (seen.has(o.date)) errors[`overrides.${i}.date`] = 'This date is already listed above';
    seen.add(o.date);
    if (!o.unavailable) {
      if (o.ranges.length === 0) errors[`overrides.${i}.date`] ??= 'Add the hours you are available that day, or mark it unavailable';
      checkRanges(o.ranges, `overrides.${i}.ranges`);
    }
  });
  return errors;
}
