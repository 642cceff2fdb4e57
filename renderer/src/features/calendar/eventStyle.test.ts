import { describe, expect, it } from 'vitest';
import { monthGrid, shiftMonth } from './eventStyle';

describe('the month grid', () => {
  it('covers whole weeks from Monday to Sunday around the month', () => {
    // November 2026 starts on a Sunday and ends on a Monday.
    const grid = monthGrid('2026-11');
    expect(grid.from).toBe('2026-10-26');
    expect(grid.to).toBe('2026-12-06');
    expect(grid.days).toHaveLength(42);
    // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
    expect(monthGrid('2027-02').days).toHaveLength(28);
  });

  it('moves across year ends', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
  });
});
