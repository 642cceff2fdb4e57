import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  defaultResourcesDir,
  DocumentFonts,
  drawSignature,
  FACE_FILES,
  formatSignedAt,
  loadFontSet,
  renderFormPdf,
  signaturePath,
  splitRuns,
} from '../../../electron/main/backend/documents';
import { NAMES, sampleForm, SIGNED_BST, SIGNED_GMT, signature } from './fixtures';
import { hasImageXObject, pageContents, pdfToText } from './pdfTools';

describe('fonts', () => {
  it('are found in the repository’s resources/fonts when running from source', () => {
    expect(defaultResourcesDir()).toBe(fileURLToPath(new URL('../../../resources', import.meta.url)).replace(/\/$/, ''));
  });

  it('ship as four Noto faces of about 1.3 MB together, with their licence', async () => {
    const dir = join(defaultResourcesDir(), 'fonts');
    const sizes = await Promise.all(Object.values(FACE_FILES).map(async (file) => (await stat(join(dir, file))).size));
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(1_500_000);
    expect((await stat(join(dir, 'OFL.txt'))).size).toBeGreaterThan(1000);
  });

  it('come with the regenerator runtime fontkit’s Devanagari shaper needs, loaded by the module itself', () => {
    expect(typeof (globalThis as { regeneratorRuntime?: unknown }).regeneratorRuntime).toBe('object');
  });

  it('say what to do when a font file is missing', async () => {
    await expect(loadFontSet({ resourcesDir: '/nonexistent/resources' })).rejects.toThrow(/NotoSans-Regular\.ttf is missing .* Reinstall Mentor Desk/);
  });

  it('split a mixed line into runs by which face covers each script, punctuation staying with its word', async () => {
    const set = await loadFontSet();
    expect(splitRuns('Zoë and प्रिया, கார்த்திக்!', 'regular', set.covers)).toEqual([
      { text: 'Zoë and ', face: 'sans' },
      { text: 'प्रिया, ', face: 'devanagari' },
      { text: 'கார்த்திக்!', face: 'tamil' },
    ]);
    expect(splitRuns('Łukasz Ñúñez Ελένη Дмитрий', 'bold', set.covers)).toEqual([{ text: 'Łukasz Ñúñez Ελένη Дмитрий', face: 'sansBold' }]);
  });

  it('print a character no face has (an emoji) as an empty box rather than failing the export', async () => {
    const set = await loadFontSet();
    const doc = await PDFDocument.create();
    const fonts = DocumentFonts.for(doc, set);
    await fonts.prepare(['Zoë 🙂 प्रिया']);
    const page = doc.addPage();
    fonts.draw(page, fonts.line('Zoë 🙂 प्रिया', { size: 10 }), 50, 700, { size: 10 });
    expect((await doc.save()).length).toBeGreaterThan(0);
  });
});

describe('word wrapping across fonts', () => {
  it('keeps every line within the width and every word, in order', async () => {
    const set = await loadFontSet();
    const doc = await PDFDocument.create();
    const fonts = DocumentFonts.for(doc, set);
    const text = `${NAMES.siobhan} met ${NAMES.devanagari} and ${NAMES.tamil} to plan the term; hash sha256:3f9a12bc77de0a91c4e5b6f7081a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c.`;
    await fonts.prepare([text]);
    for (const width of [60, 120, 250]) {
      const lines = fonts.wrap(text, { size: 10 }, width);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line.width).toBeLessThanOrEqual(width + 0.01);
      const joined = lines.map((l) => l.pieces.map((p) => p.text).join('')).join('');
      expect(joined.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    }
  });

  it('starts a new line at each line break', async () => {
    const set = await loadFontSet();
    const fonts = DocumentFonts.for(await PDFDocument.create(), set);
    await fonts.prepare(['a']);
    expect(fonts.wrap('one\ntwo\r\n\nthree', { size: 10 }, 500).map((l) => l.pieces.map((p) => p.text).join(''))).toEqual(['one', 'two', '', 'three']);
  });
});

describe('signatures', () => {
  it('show the time of signing in UK civil time, saying GMT or BST', () => {
    expect(formatSignedAt(SIGNED_GMT)).toBe('11 March 2026, 14:05 GMT');
    expect(formatSignedAt(SIGNED_BST)).toBe('2 April 2026, 10:30 BST');
  });

  it('scale the pad’s strokes into the box keeping their aspect ratio, centred', () => {
    const path = signaturePath({ width: 200, height: 100, strokes: [[{ x: 0, y: 0 }, { x: 200, y: 100 }]] }, 100, 100);
    // scale 0.5 (width limits), 25 pt of free height above and below.
    expect(path).toBe('M 0 25 L 100 75');
    expect(signaturePath({ width: 100, height: 100, strokes: [[], [{ x: 50, y: 50 }]] }, 10, 10)).toBe('M 5 5 L 5.5 5') // a dot: half a point of round-capped line;
  });

  it('are drawn as vector strokes with the printed name, role and date under them', async () => {
    const set = await loadFontSet();
    const doc = await PDFDocument.create();
    const fonts = DocumentFonts.for(doc, set);
    await fonts.prepare([NAMES.devanagari]);
    const page = doc.addPage([400, 200]);
    drawSignature(page, { x: 20, y: 20, width: 300, height: 120 }, signature(NAMES.devanagari, 'student', SIGNED_GMT));
    const pdf = await doc.save();
    expect(hasImageXObject(pdf)).toBe(false);
    const content = (await pageContents(pdf)).join('\n');
    expect(content.match(/ [cv]\n/g)?.length ?? 0).toBeGreaterThan(100); // Bézier curves
    expect(content).toMatch(/\n1 J\n/); // round line caps
    const text = await pdfToText(pdf);
    expect(text).toContain(NAMES.devanagari);
    expect(text).toContain('Student · signed 11 March 2026, 14:05 GMT');
  });

  it('never appear under a version of the record they did not sign', async () => {
    const form = sampleForm({ logo: false });
    form.signatures[0] = { ...form.signatures[0]!, contentHash: 'f'.repeat(64) };
    await expect(renderFormPdf(form)).rejects.toThrow(/signature covers a different version/);
  });

  it('need the document’s fonts prepared first, and say so', async () => {
    const doc = await PDFDocument.create();
    expect(() => drawSignature(doc.addPage(), { x: 0, y: 0, width: 100, height: 80 }, signature('Zoë', 'mentor', 0))).toThrow(/DocumentFonts/);
  });
});
