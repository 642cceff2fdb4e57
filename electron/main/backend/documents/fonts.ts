// fontkit 1.1.1 is compiled with regenerator: its Indic shaper (Devanagari) calls a global
// `regeneratorRuntime` and throws without one. Load it here, with the module that needs it, so no
// caller can forget.
import 'regenerator-runtime/runtime.js';
import fontkit from '@pdf-lib/fontkit';
import type { Font as FontkitFont } from '@pdf-lib/fontkit';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The faces the PDF engine ships (resources/fonts, SIL Open Font License, see OFL.txt there).
 * Tamil and Devanagari have no bold here: bold text in those scripts is set in the regular face,
 * which keeps the shipped fonts to about 1.3 MB.
 */
export const FACE_FILES = {
  sans: 'NotoSans-Regular.ttf',
  sansBold: 'NotoSans-Bold.ttf',
  tamil: 'NotoSansTamil-Regular.ttf',
  devanagari: 'NotoSansDevanagari-Regular.ttf',
} as const;

export type Face = keyof typeof FACE_FILES;
export type Weight = 'regular' | 'bold';

/** A stretch of text set in one face. */
export interface TextRun {
  text: string;
  face: Face;
}

/** The font files read once per process, and fontkit's view of them for coverage checks. */
export interface FontSet {
  resourcesDir: string;
  bytes: Record<Face, Uint8Array>;
  covers(face: Face, codePoint: number): boolean;
}

/**
 * Where `resources/` is when the caller does not say.
 *
 * From source (vitest, tsx) this file is electron/main/backend/documents/fonts.ts; in the built app
 * it is bundled into out/main/index.js. Rather than hard-code either depth, walk up from this module
 * until a folder holds resources/fonts, and fall back to `<cwd>/resources`. The packaged app should
 * pass `resourcesDir` explicitly (e.g. join(app.getAppPath(), 'resources')), since the shell knows
 * where electron-builder put the files.
 */
export function defaultResourcesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'fonts', FACE_FILES.sans))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return resolve(process.cwd(), 'resources');
}

const cache = new Map<string, Promise<FontSet>>();

/** Read the shipped fonts (cached per folder: the files are ~1.3 MB and never change at run time). */
export function loadFontSet(options: { resourcesDir?: string } = {}): Promise<FontSet> {
  const resourcesDir = resolve(options.resourcesDir ?? defaultResourcesDir());
  let pending = cache.get(resourcesDir);
  if (!pending) {
    pending = readFontSet(resourcesDir);
    pending.catch(() => cache.delete(resourcesDir));
    cache.set(resourcesDir, pending);
  }
  return pending;
}

async function readFontSet(resourcesDir: string): Promise<FontSet> {
  const faces = Object.keys(FACE_FILES) as Face[];
  // Read all faces at once, but name the first missing one in FACE_FILES order, so the message does
  // not depend on which read happened to fail first.
  const reads = await Promise.allSettled(faces.map((face) => readFile(join(resourcesDir, 'fonts', FACE_FILES[face]))));
  const entries = reads.map((read, i) => {
    const face = faces[i]!;
    if (read.status === 'rejected') {
      throw new Error(`The PDF font ${FACE_FILES[face]} is missing from ${join(resourcesDir, 'fonts')}. Reinstall Mentor Desk.`, { cause: read.reason });
    }
    return [face, new Uint8Array(read.value)] as const;
  });
  const bytes = Object.fromEntries(entries) as Record<Face, Uint8Array>;
  const parsed = new Map<Face, FontkitFont>();
  const fontOf = (face: Face): FontkitFont => {
    let font = parsed.get(face);
    if (!font) {
      font = fontkit.create(bytes[face]);
      parsed.set(face, font);
    }
    return font;
  };
  return { resourcesDir, bytes, covers: (face, codePoint) => fontOf(face).hasGlyphForCodePoint(codePoint) };
}

/** Letters are looked up in this order: Latin, Greek and Cyrillic first, then the Indic scripts. */
const FALLBACK_ORDER: readonly Face[] = ['sans', 'tamil', 'devanagari'];

// Spaces, punctuation, digits, joiners and combining marks belong to whatever script surrounds them,
// so "प्रिया," or "(கார்த்திக்)" stays one run and shapes as one.
const NEUTRAL = /[\p{White_Space}\p{P}\p{S}\p{N}\p{M}\u200c\u200d]/u;

/**
 * Split text into runs by which face can draw each character. A character no face covers (an emoji,
 * say) stays in the current run and prints as the font's empty box rather than failing the export.
 */
export function splitRuns(text: string, weight: Weight, covers: FontSet['covers']): TextRun[] {
  const latin: Face = weight === 'bold' ? 'sansBold' : 'sans';
  const runs: TextRun[] = [];
  let current: TextRun | null = null;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    let face: Face;
    if (current && NEUTRAL.test(char) && covers(current.face, cp)) {
      face = current.face;
    } else {
      const found = FALLBACK_ORDER.find((f) => covers(f, cp)) ?? 'sans';
      face = found === 'sans' ? latin : found;
    }
    if (current && current.face === face) current.text += char;
    else runs.push((current = { text: char, face }));
  }
  return runs;
}
