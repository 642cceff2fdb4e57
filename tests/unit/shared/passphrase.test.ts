import { describe, expect, it } from 'vitest';
import { assessPassphrase, MIN_PASSPHRASE_LENGTH } from '../../../shared/domain/passphrase';

describe('judging a new passphrase', () => {
  it.each(['password1234', 'qwertyuiopasdf', 'aaaaaaaaaaaaaaaa'])('refuses the common or patterned "%s" with a reason', (p) => {
    const a = assessPassphrase(p);
    expect(a.ok).toBe(false);
    expect(a.score).toBeLessThan(3);
    expect(a.reasons.join(' ')).toMatch(/guess/i);
  });

  it('refuses anything shorter than the minimum, saying how long it is', () => {
    const a = assessPassphrase('X7#kq!Zr');
    expect(a.ok).toBe(false);
    expect(a.reasons[0]).toBe(`Use at least ${MIN_PASSPHRASE_LENGTH} characters (you have 8).`);
  });

  it('refuses spaces at the ends, which are easy to mistype later', () => {
    expect(assessPassphrase(' Tulip-Kettle-Orbit-42').reasons.join(' ')).toMatch(/spaces at the start or end/);
  });

  it('accepts a few unrelated words', () => {
    const a = assessPassphrase('Tulip-Kettle-Orbit-42');
    expect(a).toMatchObject({ ok: true, reasons: [] });
    expect(a.score).toBeGreaterThanOrEqual(3);
  });
});
