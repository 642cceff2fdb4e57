import { addDays, minutesOfDay, timeOfDay, ukDayAndDate, weekdayOf } from './sessionRules';
import type { Availability, SessionStatus, TimeRange, Weekday } from '../schemas/session';

/**
 * The mentor's free times, and the weekly email that tells the coordinator about them. Times are
 * wall-clock `HH:MM` on `YYYY-MM-DD` dates; no time zone is involved because nothing here is
 * compared with the clock.
 */

export type BookedTime = { date: string; start: string; plannedMinutes: number; status?: SessionStatus };
export type DayFree = { date: string; slots: TimeRange[] };

type Span = [start: number, end: number];

/** The hours the mentor offers on a date: the override for that date if there is one, else the usual week. */
export function availableOn(availability: Availability, date: string): TimeRange[] {
  const override = availability.overrides[date];
  if (override === 'unavailable') return [];
  const ranges = override ?? availability.weekly[String(weekdayOf(date)) as Weekday] ?? [];
  return merge(ranges.map((r) => [minutesOfDay(r.start), minutesOfDay(r.end)])).map(toRange);
}

/**
 * For each of `days` dates from `fromDate`, the slots of `slotMinutes` the mentor could still offer:
 * available hours minus booked sessions (cancelled ones free their time again). Slots start where
 * each free stretch starts; a stretch's tail shorter than a slot is not offered. Every date is
 * listed, with no slots when nothing is free.
 */
export function freeSlots(availability: Availability, bookings: readonly BookedTime[], fromDate: string, days: number, slotMinutes = 60): DayFree[] {
  if (!Number.isInteger(slotMinutes) || slotMinutes <= 0) throw new Error('A slot must be a whole number of minutes, more than 0');
  const result: DayFree[] = [];
  for (let i = 0; i < days; i += 1) {
    const date = addDays(fromDate, i);
    let free: Span[] = availableOn(availability, date).map((r) => [minutesOfDay(r.start), minutesOfDay(r.end)]);
    for (const b of bookings) {
      if (b.date !== date || b.status === 'cancelled') continue;
      const start = minutesOfDay(b.start);
      free = subtract(free, [start, start + b.plannedMinutes]);
    }
    const slots: TimeRange[] = [];
    for (const [start, end] of free) {
      for (let t = start; t + slotMinutes <= end; t += slotMinutes) slots.push(toRange([t, t + slotMinutes]));
    }
    result.push({ date, slots });
  }
  return result;
}

/** The Monday after `today` (a week on, when today is a Monday): the week the email describes. */
export function nextWeekStart(today: string): string {
  return addDays(today, 8 - weekdayOf(today));
}

/** "Zoë Ann Smith" → "Z.A.S.": enough for a coordinator who knows the caseload, and no full name. */
export function initialsOf(fullName: string): string {
  return fullName
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((part) => `${part[0]?.toLocaleUpperCase('en-GB') ?? ''}.`)
    .join('');
}

export type AvailabilityEmailInput = {
  mentorName: string;
  coordinatorName?: string;
  /** The Monday the email is about. */
  weekStart: string;
  free: readonly DayFree[];
  /** `label` is what the coordinator sees for the booking (initials, say); "booked" when not given. */
  booked: readonly (BookedTime & { label?: string })[];
};

/**
 * The weekly email to the coordinator: free times and bookings for one week, in plain text, with UK
 * dates. It leaves the app unencrypted, so it never names a student; callers choose initials or
 * nothing. Entries outside the week and cancelled bookings are left out.
 */
export function availabilityEmail(input: AvailabilityEmailInput): { subject: string; body: string } {
  const weekEnd = addDays(input.weekStart, 6);
  const inWeek = (date: string) => date >= input.weekStart && date <= weekEnd;
  const line = (date: string, start: number, end: number) => `${ukDayAndDate(date)} ${timeOfDay(start)}–${timeOfDay(end)}`;

  const freeLines = input.free
    .filter((day) => inWeek(day.date))
    .sort((a, b) => a.date.localeCompare(b.date))
    .flatMap((day) => day.slots.map((s) => line(day.date, minutesOfDay(s.start), minutesOfDay(s.end))));
  const bookedLines = input.booked
    .filter((b) => inWeek(b.date) && b.status !== 'cancelled')
    .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start))
    .map((b) => {
      const start = minutesOfDay(b.start);
      const label = b.label?.trim() || 'booked';
      return `${line(b.date, start, Math.min(start + b.plannedMinutes, 24 * 60 - 1))} (${label})`;
    });

  const mentor = input.mentorName.trim();
  const coordinator = input.coordinatorName?.trim();
  const subject = `Availability and bookings, week beginning ${ukDayAndDate(input.weekStart)}${mentor ? ` – ${mentor}` : ''}`;
  const body = [
    coordinator ? `Dear ${coordinator},` : 'Hello,',
    '',
    `Here are my free times and booked sessions for the week beginning ${ukDayAndDate(input.weekStart)}.`,
    '',
    'Free:',
    ...(freeLines.length ? freeLines : ['No free times this week']),
    '',
    'Booked:',
    ...(bookedLines.length ? bookedLines : ['No sessions booked this week']),
    '',
    'Best wishes,',
    ...(mentor ? [mentor] : []),
  ].join('\n');
  return { subject, body };
}

function toRange([start, end]: Span): TimeRange {
  return { start: timeOfDay(start), end: timeOfDay(end) };
}

/** Sorted, with overlapping or touching spans joined, so a slot can run across two ranges given back to back. */
function merge(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

function subtract(spans: Span[], [cutStart, cutEnd]: Span): Span[] {
  return spans.flatMap(([start, end]): Span[] => {
    if (cutEnd <= start || cutStart >= end) return [[start, end]];
    const left: Span[] = cutStart > start ? [[start, cutStart]] : [];
    const right: Span[] = cutEnd < end ? [[cutEnd, end]] : [];
    return [...left, ...right];
  });
}
