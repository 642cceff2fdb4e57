import { describe, expect, it } from 'vitest';
import { backupTimeFormat } from './backupTime';

const copy = (takenAt: number) => ({ id: String(takenAt), takenAt, kinds: ['recent' as const], documents: 1 });

describe('backup times', () => {
  it('shows minutes when every copy reads differently', () => {
    const at = new Date(2026, 10, 23, 14, 5, 9).getTime();
    const when = backupTimeFormat([copy(at), copy(at + 60_000)]);
    expect(when(at)).toBe('23/11/2026 14:05');
  });

  it('adds seconds when two copies fall in the same minute', () => {
    const at = new Date(2026, 10, 23, 14, 5, 9).getTime();
    const when = backupTimeFormat([copy(at), copy(at + 20_000)]);
    expect(when(at)).toBe('23/11/2026 14:05:09');
  });
});
