import { describe, expect, it } from 'vitest';
import { availabilityEmail, availableOn, freeSlots, initialsOf, nextWeekStart } from '../../../shared/domain/availability';
import { Availability } from '../../../shared/schemas/session';

/** Monday 30 November 2026 starts the week. */
const monday = '2026-11-30';
const availability: Availability = {
  weekly: {
    '1': [{ start: '09:00', end: '12:00' }],
    '3': [{ start: '13:00', end: '15:00' }],
  },
  overrides: {},
};

describe('free slots', () => {
  it('offers hour-long slots within the usual week, and nothing on days not offered', () => {
    const week = freeSlots(availability, [], monday, 7);
    expect(week.map((d) => d.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(week[0]?.slots).toEqual([
      { start: '09:00', end: '10:00' },
      { start: '10:00', end: '11:00' },
      { start: '11:00', end: '12:00' },
    ]);
    expect(week[1]?.slots).toEqual([]);
    expect(week[2]?.slots).toEqual([{ start: '13:00', end: '14:00' }, { start: '14:00', end: '15:00' }]);
  });

  it('free slots exclude booked sessions, but a cancelled booking frees its time again', () => {
    const bookings = [
      { date: monday, start: '10:00', plannedMinutes: 60 },
      { date: '2026-12-02', start: '13:30', plannedMinutes: 60 },
      { date: monday, start: '09:00', plannedMinutes: 60, status: 'cancelled' as const },
    ];
    const [mon, , wed] = freeSlots(availability, bookings, monday, 3);
    expect(mon?.slots).toEqual([{ start: '09:00', end: '10:00' }, { start: '11:00', end: '12:00' }]);
    expect(wed?.slots).toEqual([]); // 13:00–13:30 and 14:30–15:00 are too short for an hour
    expect(freeSlots(availability, bookings, '2026-12-02', 1, 30)[0]?.slots).toEqual([{ start: '13:00', end: '13:30' }, { start: '14:30', end: '15:00' }]);
  });

  it('honours date overrides: a day off, or different hours that day', () => {
    const withOverrides: Availability = {
      ...availability,
      overrides: { '2026-11-30': 'unavailable', '2026-12-01': [{ start: '16:00', end: '17:00' }] },
    };
    const [mon, tue] = freeSlots(withOverrides, [], monday, 2);
    expect(mon?.slots).toEqual([]);
    expect(tue?.slots).toEqual([{ start: '16:00', end: '17:00' }]);
  });

  it('joins ranges given back to back, so a slot can run across them', () => {
    const split: Availability = { weekly: { '1': [{ start: '10:30', end: '12:00' }, { start: '09:30', end: '10:30' }] }, overrides: {} };
    expect(availableOn(split, monday)).toEqual([{ start: '09:30', end: '12:00' }]);
    expect(freeSlots(split, [], monday, 1)[0]?.slots).toEqual([{ start: '09:30', end: '10:30' }, { start: '10:30', end: '11:30' }]);
  });

  it('the schema refuses a range that ends before it starts, and a weekday that does not exist', () => {
    expect(Availability.safeParse({ weekly: { '1': [{ start: '12:00', end: '09:00' }] }, overrides: {} }).success).toBe(false);
    expect(Availability.safeParse({ weekly: { '8': [] }, overrides: {} }).success).toBe(false);
    expect(Availability.safeParse({ weekly: {}, overrides: { '2026-02-30': 'unavailable' } }).success).toBe(false);
    expect(Availability.parse(availability)).toEqual(availability);
  });
});

describe('the weekly email to the coordinator', () => {
  it('is about next week: the Monday after today', () => {
    expect(nextWeekStart('2026-11-25')).toBe(monday);
    expect(nextWeekStart('2026-11-23')).toBe(monday);
    expect(nextWeekStart('2026-11-29')).toBe(monday);
  });

  it('lists free slots and bookings with UK dates, and never a student’s name', () => {
    const booked = [
      { date: monday, start: '10:00', plannedMinutes: 60 },
      { date: '2026-12-02', start: '13:30', plannedMinutes: 90, label: initialsOf('Zoë Ann-Marie Smith') },
      { date: '2026-12-01', start: '09:00', plannedMinutes: 60, status: 'cancelled' as const },
      { date: '2026-12-07', start: '09:00', plannedMinutes: 60 },
    ];
    const free = freeSlots(availability, booked, monday, 7);
    const email = availabilityEmail({ mentorName: 'Morgan Mentor', coordinatorName: 'Alex', weekStart: monday, free, booked });
    expect(email.subject).toBe('Availability and bookings, week beginning Monday 30/11/2026 – Morgan Mentor');
    expect(email.body).toBe(
      [
        'Dear Alex,',
        '',
        'Here are my free times and booked sessions for the week beginning Monday 30/11/2026.',
        '',
        'Free:',
        'Monday 30/11/2026 09:00–10:00',
        'Monday 30/11/2026 11:00–12:00',
        '',
        'Booked:',
        'Monday 30/11/2026 10:00–11:00 (booked)',
        'Wednesday 02/12/2026 13:30–15:00 (Z.A.M.S.)',
        '',
        'Best wishes,',
        'Morgan Mentor',
      ].join('\n'),
    );
    expect(email.body).not.toMatch(/Zoë|Smith/);
  });

  it('says so when nothing is free or booked, and greets without a name when there is no coordinator', () => {
    const email = availabilityEmail({ mentorName: 'Morgan Mentor', weekStart: monday, free: [], booked: [] });
    expect(email.body).toContain('Hello,');
    expect(email.body).toContain('No free times this week');
    expect(email.body).toContain('No sessions booked this week');
  });
});
