import { describe, expect, it } from 'vitest';
import { academicYearOf } from '../../../shared/domain/academicYear';

describe('the academic year', () => {
  it('runs from 1 September to 31 August', () => {
    expect(academicYearOf(Date.UTC(2026, 7, 31, 23, 0))).toBe('2025/26');
    expect(academicYearOf(Date.UTC(2026, 8, 1, 0, 0))).toBe('2026/27');
    expect(academicYearOf(Date.UTC(2027, 0, 29))).toBe('2026/27');
    expect(academicYearOf(Date.UTC(2099, 11, 1))).toBe('2099/00');
  });

  it('can start in another month', () => {
    expect(academicYearOf(Date.UTC(2026, 7, 15), 8)).toBe('2026/27');
    expect(academicYearOf(Date.UTC(2026, 6, 31), 8)).toBe('2025/26');
  });
});
