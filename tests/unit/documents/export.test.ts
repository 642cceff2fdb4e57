import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentBuilder, finishPdf, readRecordFromPdf, renderFormPdf, shortHash } from '../../../electron/main/backend/documents';
import { HASH, NAMES, RECORD, sampleForm } from './fixtures';
import { embeddedFontNames, hasImageXObject, imageCount, pageContents, pdfPagesText, pdfToText } from './pdfTools';

describe('a service agreement exported for a student with a name in any script', () => {
  let pdf: Uint8Array;
  let text: string;

  beforeAll(async () => {
    pdf = await renderFormPdf(sampleForm());
    text = await pdfToText(pdf);
  });

  it('prints Latin names with diacritics exactly as typed (pdf-lib’s standard fonts cannot even encode Ł)', () => {
    for (const name of [NAMES.zoe, NAMES.siobhan, NAMES.lukasz, NAMES.nunez]) expect(text).toContain(name);
  });

  it('prints the Tamil name, which text extraction reads back as typed', () => {
    expect(text).toContain(NAMES.tamil);
  });

  it('prints the Devanagari name, shaped (conjuncts, reordered vowel sign) yet extracted in typed order', async () => {
    // Shaping draws "प्रि" as the glyph for ि before प्र. Without the ActualText span the engine adds,
    // pdftotext returns "िप्रया शमार्": the same letters, in visual order. With it, the typed text.
    expect(text).toContain(NAMES.devanagari);
    const fonts = await embeddedFontNames(pdf);
    expect(fonts.some((f) => f.includes('NotoSansDevanagari-Regular'))).toBe(true);
  });

  it('sets a line mixing Latin, Devanagari and Tamil in the right font for each part', async () => {
    expect(text).toContain('Zoë and प्रिया met with கார்த்திக் on 11/03/2026');
    const fonts = await embeddedFontNames(pdf);
    for (const face of ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSansTamil-Regular', 'NotoSansDevanagari-Regular']) {
      expect(fonts.some((f) => f.includes(face))).toBe(true);
    }
    expect(fonts.some((f) => /Helvetica|Times|Courier/.test(f))).toBe(false);
  });

  it('embeds its fonts as subsets, so a two-page form stays small', () => {
    // The four font files total about 1.3 MB; subsets of the glyphs used are a few tens of kB.
    expect(pdf.length).toBeLessThan(150_000);
  });

  it('carries its record as record.json, which reads back deep-equal', async () => {
    const imported = await readRecordFromPdf(pdf);
    expect(imported.record).toEqual(RECORD);
  });

  it('says what it is in its metadata: kind, student reference, mentor, date and hash', async () => {
    const imported = await readRecordFromPdf(pdf);
    expect(imported.meta).toEqual({ kind: 'service-agreement', studentRef: 'S-2026-0142', mentor: NAMES.siobhan, date: '2026-03-11', hash: HASH });
    expect(imported.title).toBe('Service agreement');
    expect(imported.author).toBe(NAMES.siobhan);
    expect(imported.keywords).toContain(`hash:${HASH}`);
    expect(imported.keywords).toContain('student:S-2026-0142');

    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getSubject()).toContain(HASH);
    expect(doc.getCreator()).toBe('Mentor Desk');
    expect(doc.getProducer()).toContain('Mentor Desk');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-04-02T09:30:00.000Z');
  });

  it('shows on every page the short content hash and "Page n of N"', async () => {
    const pages = await pdfPagesText(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page).toContain(`Content hash ${shortHash(HASH)}`);
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    expect(shortHash(HASH)).toBe('3f9a12bc77de');
  });

  it('prints the full content hash above the signatures, with who signed and when (UK time)', () => {
    expect(text).toContain(`Content hash (SHA-256) ${HASH}`);
    expect(text).toContain('Student · signed 11 March 2026, 14:05 GMT');
    expect(text).toContain('Mentor · signed 2 April 2026, 10:30 BST');
  });

  it('draws the logo as the only image: signatures and tick boxes are vector paths', async () => {
    expect(await imageCount(pdf)).toBe(1);
    const contents = (await pageContents(pdf)).join('\n');
    expect(contents.match(/ [cv]\n/g)?.length ?? 0).toBeGreaterThan(200); // the two signatures' curves
  });
});

describe('a form without a logo', () => {
  it('contains no image at all: the signatures are strokes, not bitmaps', async () => {
    const pdf = await renderFormPdf(sampleForm({ logo: false }));
    expect(hasImageXObject(pdf)).toBe(false);
    expect(await imageCount(pdf)).toBe(0);
    const text = await pdfToText(pdf);
    expect(text).toContain(NAMES.tamil); // the student's printed name under their signature
  });

  it('says plainly when it has not been signed yet', async () => {
    const text = await pdfToText(await renderFormPdf(sampleForm({ logo: false, signatures: false })));
    expect(text).toContain('Not signed yet');
  });
});

describe('long records', () => {
  it('break onto as many pages as they need, losing no line and numbering every page', async () => {
    const sentences = Array.from({ length: 160 }, (_, i) => `Note ${i + 1}: ${NAMES.lukasz} went through the revision timetable with the student and agreed next steps.`);
    const builder = new DocumentBuilder({ title: 'Progress log', provider: { name: 'Brightpath Mentoring Ltd' }, hash: HASH });
    builder.heading('Notes');
    for (let i = 0; i < sentences.length; i += 8) builder.paragraph(sentences.slice(i, i + 8).join(' '));
    builder.table(
      [{ header: 'Date' }, { header: 'Minutes' }, { header: 'Summary', width: 4 }],
      Array.from({ length: 60 }, (_, i) => [`${(i % 28) + 1}/03/2026`, '60', `Session ${i + 1} with ${NAMES.zoe}`]),
    );
    const { doc, pageCount } = await builder.build();
    const pdf = await finishPdf(doc, { kind: 'progress-log', studentRef: 'S-1', mentor: NAMES.siobhan, date: '2026-03', hash: HASH, record: { n: 1 }, exportedAt: 0 });

    expect(pageCount).toBeGreaterThanOrEqual(4);
    const pages = await pdfPagesText(pdf);
    expect(pages).toHaveLength(pageCount);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pageCount}`));
    const flat = (await pdfToText(pdf)).replace(/\s+/g, ' ');
    for (let i = 1; i <= 160; i++) expect(flat).toContain(`Note ${i}:`);
    for (let i = 1; i <= 60; i++) expect(flat).toContain(`Session ${i} with ${NAMES.zoe}`);
    // The table's header row is repeated on every page the table continues onto.
    const tablePages = pages.filter((p) => p.includes('Session '));
    expect(tablePages.length).toBeGreaterThan(1);
    for (const page of tablePages) expect(page).toMatch(/Date\s+Minutes\s+Summary/);
  });

  it('let a field or table cell longer than a page flow on, rather than run past the footer', async () => {
    const notes = Array.from({ length: 90 }, (_, i) => `Line ${i + 1} of the notes.`).join('\n');
    const cell = Array.from({ length: 90 }, (_, i) => `Cell line ${i + 1}.`).join('\n');
    const { doc, pageCount } = await new DocumentBuilder({ title: 'First session record', provider: { name: 'Brightpath' }, hash: HASH })
      .fields([{ label: 'Student', value: NAMES.zoe }, { label: 'Notes', value: notes }])
      .table([{ header: 'Topic' }, { header: 'Detail', width: 3 }], [['Goals', cell]])
      .build();
    const pdf = await finishPdf(doc, { kind: 'first-session-record', studentRef: 'S-3', mentor: NAMES.zoe, date: '2026-03-11', hash: HASH, record: {}, exportedAt: 0 });
    expect(pageCount).toBeGreaterThanOrEqual(3);
    const text = await pdfToText(pdf);
    for (let i = 1; i <= 90; i++) {
      expect(text).toContain(`Line ${i} of the notes.`);
      expect(text).toContain(`Cell line ${i}.`);
    }
  });
});

describe('importing a PDF', () => {
  it('refuses a PDF that carries no record, saying why', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    await expect(readRecordFromPdf(await doc.save())).rejects.toThrow(/no record\.json/);
  });

  it('refuses a file that is not a PDF', async () => {
    await expect(readRecordFromPdf(new TextEncoder().encode('not a pdf'))).rejects.toThrow(/could not be read as a PDF/);
  });

  it('finds record.json among other attachments', async () => {
    const { doc } = await new DocumentBuilder({ title: 'First session record', provider: { name: 'Brightpath' }, hash: HASH }).build();
    for (const name of ['a.txt', 'b.txt', 'c.txt']) await doc.attach(new TextEncoder().encode(name), name, { mimeType: 'text/plain' });
    const record = { student: NAMES.devanagari, minutes: 60, topics: ['ILP', 'timetable'] };
    const pdf = await finishPdf(doc, { kind: 'first-session-record', studentRef: 'S-2', mentor: NAMES.zoe, date: '2026-03-11', hash: HASH, record, exportedAt: 0 });
    expect((await readRecordFromPdf(pdf)).record).toEqual(record);
  });
});
