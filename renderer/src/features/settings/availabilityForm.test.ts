import { describe, expect, it } from 'vitest';
import { defaultAvailability } from '../../../../shared/schemas/session';
import { toAvailability, toAvailabilityValues, validate } from './availabilityForm';

describe('the availability form in Settings', () => {
  it('reads and writes the usual week and the dates that differ without changing them', () => {
    const availability = {
      weekly: { '1': [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }], '6': [{ start: '10:00', end: '12:00' }] },
      overrides: { '2026-12-24': 'unavailable' as const, '2026-12-02': [{ start: '14:00', end: '16:00' }] },
    };
    expect(toAvailability(toAvailabilityValues(availability))).toEqual(availability);
    expect(toAvailabilityValues(availability).overrides.map((o) => o.date)).toEqual(['2026-12-02', '2026-12-24']);
  });

  it('puts each problem next to its field: an end before its start, a missing or repeated date, other hours with none given', () => {
    const values = toAvailabilityValues(defaultAvailability);
    values.weekly['2'] = [{ start: '15:00', end: '11:00' }];
    values.overrides = [
      { date: '', unavailable: true, ranges: [] },
      { date: '2026-12-02', unavailable: true, ranges: [] },
      { date: '2026-12-02', unavailable: false, ranges: [] },
    ];
    expect(validate(values)).toEqual({
      'weekly.2.0.end': 'The end must be after the start',
      'overrides.0.date': 'Enter the date, like 24/12/2026',
      'overrides.2.date': 'This date is already listed above',
    });
  });

  it('asks for hours on a date marked as other hours', () => {
    const values = toAvailabilityValues(defaultAvailability);
    values.overrides = [{ date: '2026-12-02', unavailable: false, ranges: [] }];
    expect(validate(values)).toEqual({ 'overrides.0.date': 'Add the hours you are available that day, or mark it unavailable' });
  });
});
