import { MAX_POINTS_PER_STROKE, MAX_STROKES, type Signature, type StrokePoint } from '../../../../shared/schemas/signature';

/** What the drawing library records for each point (it adds the time and pen colour, which a signature does not keep). */
export interface DrawnPoint {
  x: number;
  y: number;
  time?: number;
}

/**
 * The pad's point groups (one per stroke, in CSS pixels from the pad's top-left) as a
 * signature's strokes: points clamped onto the pad (a window made narrower after drawing can
 * leave some outside), rounded to a tenth of a pixel to keep records small, repeats dropped, and
 * a stroke longer than a signature may hold thinned evenly rather than cut short.
 */
export function toSignatureStrokes(pointGroups: readonly (readonly DrawnPoint[])[], width: number, height: number): Signature['strokes'] {
  const strokes: StrokePoint[][] = [];
  for (const group of pointGroups) {
    const stroke: StrokePoint[] = [];
    for (const point of withoutEndEcho(group)) {
      if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) continue;
      const next = { x: clamp(tenth(point.x), width), y: clamp(tenth(point.y), height) };
      const previous = stroke[stroke.length - 1];
      if (previous && previous.x === next.x && previous.y === next.y) continue;
      stroke.push(next);
    }
    if (stroke.length > 0) strokes.push(thin(stroke, MAX_POINTS_PER_STROKE));
  }
  return strokes;
}

/** The schema's rule, checked while drawing: at least one stroke is a line, not just a dot. */
export function hasDrawnLine(strokes: readonly (readonly unknown[])[]): boolean {
  return strokes.some((stroke) => stroke.length >= 2);
}

/** Whether the drawing fits in a signature, and what to do when it does not. */
export function strokeLimitProblem(strokeCount: number): string | null {
  return strokeCount > MAX_STROKES ? `A signature may hold at most ${MAX_STROKES} strokes: clear the pad and sign again` : null;
}

/**
 * An SVG path for one stroke: smoothed through the midpoints between points, as a pen would
 * draw it. A single point (a dot over an i) has no path: draw it as a circle.
 */
export function strokePath(stroke: readonly StrokePoint[]): string {
  const [first, ...rest] = stroke;
  if (!first || rest.length === 0) return '';
  if (rest.length === 1) return `M${first.x} ${first.y}L${rest[0]!.x} ${rest[0]!.y}`;
  let path = `M${first.x} ${first.y}`;
  for (let i = 0; i < rest.length - 1; i += 1) {
    const control = rest[i]!;
    const next = rest[i + 1]!;
    path += `Q${control.x} ${control.y} ${tenth((control.x + next.x) / 2)} ${tenth((control.y + next.y) / 2)}`;
  }
  const last = rest[rest.length - 1]!;
  return `${path}L${last.x} ${last.y}`;
}

/**
 * signature_pad 2.x ends each stroke of two or more points by appending a copy of an earlier
 * point (the start of its curve buffer), same place and same time. It never draws that point
 * itself; kept, it would add a stray hook to the end of the stroke.
 */
export function withoutEndEcho<P extends DrawnPoint>(group: readonly P[]): readonly P[] {
  const last = group[group.length - 1];
  if (!last || last.time === undefined || group.length < 3) return group;
  const echoes = group.slice(0, -2).some((p) => p.time === last.time && p.x === last.x && p.y === last.y);
  return echoes ? group.slice(0, -1) : group;
}

const clamp = (value: number, max: number): number => Math.min(Math.max(value, 0), max);
const tenth = (value: number): number => Math.round(value * 10) / 10;

function thin(stroke: StrokePoint[], max: number): StrokePoint[] {
  if (stroke.length <= max) return stroke;
  const step = (stroke.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => stroke[Math.round(i * step)]!);
}
