import { describe, expect, it } from 'vitest';
import { Signature } from '../../../../shared/schemas/signature';
import { hasDrawnLine, strokeLimitProblem, strokePath, toSignatureStrokes } from './strokes';

let clock = 1_795_000_000_000;
const at = (x: number, y: number) => ({ x, y, time: (clock += 16), color: '#111' });

describe('turning what was drawn into signature strokes', () => {
  it('keeps one stroke per pen stroke, in CSS pixels, without the time and colour', () => {
    expect(toSignatureStrokes([[at(10, 20), at(30.26, 40.04)], [at(50, 60)]], 400, 200)).toEqual([
      [{ x: 10, y: 20 }, { x: 30.3, y: 40 }],
      [{ x: 50, y: 60 }],
    ]);
  });

  it('drops the copy of an earlier point the pad appends when a stroke ends, so a stroke has no stray hook', () => {
    const [a, b, c, d] = [at(10, 10), at(20, 30), at(30, 10), at(40, 30)];
    // As signature_pad 2.3 records a four-point stroke: the point two before the end, again.
    expect(toSignatureStrokes([[a, b, c, d, { ...b }]], 100, 100)).toEqual([[a, b, c, d].map(({ x, y }) => ({ x, y }))]);
    // A two-point stroke gets its first point again.
    expect(toSignatureStrokes([[a, b, { ...a }]], 100, 100)).toEqual([[{ x: 10, y: 10 }, { x: 20, y: 30 }]]);
    // A stroke that truly returns to where it began (at a later time) keeps its end.
    expect(toSignatureStrokes([[a, b, c, { ...a, time: d.time }]], 100, 100)).toEqual([[a, b, c, a].map(({ x, y }) => ({ x, y }))]);
  });

  it('clamps points that fall off the pad (the window was narrowed after drawing) so the signature stays valid', () => {
    const strokes = toSignatureStrokes([[at(-3, 10), at(120, 250), at(399.96, 100)]], 399.95, 200);
    expect(strokes).toEqual([[{ x: 0, y: 10 }, { x: 120, y: 200 }, { x: 399.95, y: 100 }]]);
    const signature = { role: 'student', signerName: 'Sam', signedAt: 1, contentHash: 'a'.repeat(64), strokes, width: 399.95, height: 200 };
    expect(Signature.safeParse(signature).success).toBe(true);
  });

  it('drops repeated points, points that are not numbers and strokes left empty', () => {
    expect(toSignatureStrokes([[at(1, 1), at(1.01, 1.02), at(2, 2)], [], [at(Number.NaN, 3)]], 10, 10)).toEqual([[{ x: 1, y: 1 }, { x: 2, y: 2 }]]);
  });

  it('thins a stroke longer than a signature may hold, keeping its first and last points', () => {
    const long = Array.from({ length: 5000 }, (_, i) => at(i / 20, (i % 7) + 1));
    const [stroke] = toSignatureStrokes([long], 400, 200);
    expect(stroke).toHaveLength(2000);
    expect(stroke?.[0]).toEqual({ x: 0, y: 1 });
    expect(stroke?.[1999]).toEqual({ x: 250, y: 2 });
  });

  it('counts as drawn only once a stroke is a line, not a single dot', () => {
    expect(hasDrawnLine([])).toBe(false);
    expect(hasDrawnLine([[{ x: 1, y: 1 }], [{ x: 2, y: 2 }]])).toBe(false);
    expect(hasDrawnLine([[{ x: 1, y: 1 }], [{ x: 2, y: 2 }, { x: 3, y: 3 }]])).toBe(true);
  });

  it('says what to do when there are more strokes than a signature holds', () => {
    expect(strokeLimitProblem(200)).toBeNull();
    expect(strokeLimitProblem(201)).toBe('A signature may hold at most 200 strokes: clear the pad and sign again');
  });
});

describe('drawing a stored signature as SVG', () => {
  it('draws a line between two points, and a smooth curve through the midpoints of more', () => {
    expect(strokePath([{ x: 0, y: 0 }, { x: 10, y: 5 }])).toBe('M0 0L10 5');
    expect(strokePath([{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }])).toBe('M0 0Q10 0 10 5Q10 10 5 10L0 10');
  });

  it('has no path for a dot (the preview draws it as a circle) or for nothing', () => {
    expect(strokePath([{ x: 3, y: 4 }])).toBe('');
    expect(strokePath([])).toBe('');
  });
});
