import { describe, expect, it } from 'vitest';
import { defaultAvailability } from '../../../../shared/schemas/session';
import { availabilityMailto, daysToShow, mondayOf, weekDays, type WeekBooking } from './weekData';

const booking = (date: string, start: string, extra: Partial<WeekBooking> = {}): WeekBooking => ({
  date,
  start,
  plannedMinutes: 60,
  status: 'booked',
  studentId: 's1',
  studentName: 'Ben Carter',
  initials: 'B.C.',
  ...extra,
});

describe('the mentor’s week', () => {
  it('starts on the Monday of the week a date falls in', () => {
    expect(mondayOf('2026-11-26')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
  });

  it('shows Monday to Friday, and a weekend day only when there are hours or a booking on it', () => {
    expect(daysToShow(defaultAvailability, [], '2026-11-23')).toHaveLength(5);
    expect(daysToShow(defaultAvailability, [booking('2026-11-28', '10:00')], '2026-11-23')).toContain('2026-11-28');
    expect(daysToShow({ ...defaultAvailability, weekly: { ...defaultAvailability.weekly, '7': [{ start: '10:00', end: '12:00' }] } }, [], '2026-11-23')).toContain('2026-11-29');
  });

  it('takes a booked hour out of the free slots, and a cancelled one gives it back', () => {
    const wednesday = (b: WeekBooking[]) => weekDays(defaultAvailability, b, '2026-11-23').find((d) => d.date === '2026-11-25')!;
    expect(wednesday([booking('2026-11-25', '10:00')]).free.map((s) => s.start)).not.toContain('10:00');
    expect(wednesday([booking('2026-11-25', '10:00', { status: 'cancelled' })]).free.map((s) => s.start)).toContain('10:00');
  });

  it('emails next week’s free times and bookings by initials, never by name', () => {
    const { href, weekStart } = availabilityMailto({ availability: defaultAvailability, bookings: [booking('2026-12-01', '10:00')], today: '2026-11-23', mentorName: 'Sam Mentor' });
    expect(weekStart).toBe('2026-11-30');
    const body = decodeURIComponent(href.split('&body=')[1]!);
    expect(body).toContain('Tuesday 01/12/2026 10:00–11:00 (B.C.)');
    expect(body).toContain('Monday 30/11/2026 09:00–10:00');
    expect(body).not.toContain('Ben');
    expect(href).toMatch(/^mailto:\?subject=/);
  });

  it('addresses the email to the coordinator when Settings has their address', () => {
    const { href } = availabilityMailto({ availability: defaultAvailability, bookings: [], today: '2026-11-23', mentorName: 'Sam Mentor', coordinatorEmail: 'office+mentoring@brightside.example.org' });
    expect(href).toMatch(/^mailto:office%2Bmentoring@brightside\.example\.org\?subject=/);
  });
});
