import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

const run = promisify(execFile);

/** What poppler's pdftotext reads from the PDF (the way an office's tools would), via a temp file. */
export async function pdfToText(bytes: Uint8Array, options: { layout?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mentor-desk-pdf-'));
  try {
    const file = join(dir, 'export.pdf');
    await writeFile(file, bytes);
    const args = [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'];
    const { stdout } = await run('pdftotext', args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Text of each page separately (pdftotext separates pages with a form feed). */
export async function pdfPagesText(bytes: Uint8Array): Promise<string[]> {
  const text = await pdfToText(bytes, { layout: true });
  return text.split('\f').slice(0, -1);
}

/** The BaseFont names of every font the PDF embeds. */
export async function embeddedFontNames(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const names: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Type')) === PDFName.of('Font')) {
      const base = object.get(PDFName.of('BaseFont'));
      if (base instanceof PDFName && object.get(PDFName.of('Subtype')) !== PDFName.of('CIDFontType2')) names.push(base.decodeText());
    }
  }
  return names;
}

/** The decoded content stream(s) of each page, as text. */
export async function pageContents(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    return streams
      .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
      .map((s) => new TextDecoder('latin1').decode(decodePDFRawStream(s).decode()))
      .join('\n');
  });
}

/** Whether any image XObject is in the file (image streams are never packed into object streams). */
export function hasImageXObject(bytes: Uint8Array): boolean {
  return /\/Subtype\s*\/Image\b/.test(Buffer.from(bytes).toString('latin1'));
}

/** Images counted through pdf-lib, as a cross-check of the byte search above (a PNG's alpha mask not counted). */
export async function imageCount(bytes: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(bytes);
  const images: PDFRawStream[] = [];
  const masks = new Set<unknown>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image')) {
      images.push(object);
      const mask = object.dict.get(PDFName.of('SMask'));
      if (mask) masks.add(doc.context.lookup(mask));
    }
  }
  return images.filter((image) => !masks.has(image)).length;
}
