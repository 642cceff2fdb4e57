import { availableOn, availabilityEmail, freeSlots, initialsOf, nextWeekStart, type BookedTime, type DayFree } from '../../../../shared/domain/availability';
import { addDays, weekdayOf } from '../../../../shared/domain/sessionRules';
import type { Availability, SessionMode } from '../../../../shared/schemas/session';
import type { StudentStatus } from '../../../../shared/schemas/student';

/** A booked (or held) session on the week page: who, when, and how the coordinator sees it. */
export interface WeekBooking extends BookedTime {
  studentId: string;
  studentName: string;
  initials: string;
  mode?: SessionMode;
}

/** Students whose sessions can fill the mentor's week: anyone still being mentored, or with a session still booked. */
export function studentsToLoad<T extends { status: StudentStatus; nextSessionAt: string | null }>(students: readonly T[]): T[] {
  return students.filter((s) => s.status === 'active' || s.status === 'deferred' || s.status === 'referred' || s.nextSessionAt !== null);
}

/** The Monday of the week `date` falls in. */
export const mondayOf = (date: string): string => addDays(date, 1 - weekdayOf(date));

/**
 * The days to show from `weekStart`: Monday to Friday, plus Saturday or Sunday when the mentor is
 * available then or something is booked.
 */
export function daysToShow(availability: Availability, bookings: readonly BookedTime[], weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i)).filter(
    (date, i) => i < 5 || availableOn(availability, date).length > 0 || bookings.some((b) => b.date === date && b.status !== 'cancelled'),
  );
}

export interface WeekDay {
  date: string;
  free: DayFree['slots'];
  booked: WeekBooking[];
  /** 'unavailable' or 'other-hours' when a date override applies. */
  override: 'unavailable' | 'other-hours' | null;
}

export function weekDays(availability: Availability, bookings: readonly WeekBooking[], weekStart: string): WeekDay[] {
  const active = bookings.filter((b) => b.status !== 'cancelled');
  const free = freeSlots(availability, active, weekStart, 7);
  return daysToShow(availability, active, weekStart).map((date) => {
    const override = availability.overrides[date];
    return {
      date,
      free: free.find((d) => d.date === date)?.slots ?? [],
      booked: active.filter((b) => b.date === date).sort((a, b) => a.start.localeCompare(b.start)),
      override: override === undefined ? null : override === 'unavailable' ? 'unavailable' : 'other-hours',
    };
  });
}

/** The weekly email for the week after `today`: free slots and bookings by initials only, as a mailto: link. */
export function availabilityMailto(input: { availability: Availability; bookings: readonly WeekBooking[]; today: string; mentorName: string; coordinatorEmail?: string }): { href: string; weekStart: string } {
  const weekStart = nextWeekStart(input.today);
  const active = input.bookings.filter((b) => b.status !== 'cancelled');
  const { subject, body } = availabilityEmail({
    mentorName: input.mentorName,
    weekStart,
    free: freeSlots(input.availability, active, weekStart, 7),
    booked: active.map((b) => ({ date: b.date, start: b.start, plannedMinutes: b.plannedMinutes, label: b.initials })),
  });
  // Mail apps expect CRLF line breaks in a mailto body.
  const to = input.coordinatorEmail ? encodeURIComponent(input.coordinatorEmail).replace('%40', '@') : '';
  return { href: `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`, weekStart };
}

export { initialsOf };
