import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureDir, writeFileAtomic } from '../vault/durable';

/** The kinds of file Mentor Desk exports: PDFs of forms, CSV for the office, .ics for calendars. */
export type ExportExtension = 'pdf' | 'csv' | 'ics';

/**
 * Writes an exported PDF into the exports folder under a readable name, never over an existing file
 * ("… (2).pdf" instead). Exports are the one place Mentor Desk writes plaintext, and only on request.
 */
export async function writeExport(exportDir: string, baseName: string, bytes: Uint8Array, extension: ExportExtension = 'pdf'): Promise<{ path: string; fileName: string }> {
  await ensureDir(exportDir);
  const fileName = await freeName(exportDir, baseName, extension);
  const path = join(exportDir, fileName);
  await writeFileAtomic(path, bytes);
  return { path, fileName };
}

/** A file name part any system accepts: no path separators, reserved or control characters. */
export function safeFilePart(text: string): string {
  const cleaned = text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').replace(/^[.\s]+/, '').trim();
  return cleaned.slice(0, 80) || 'student';
}

async function freeName(dir: string, base: string, extension: ExportExtension): Promise<string> {
  const taken = new Set(await readdir(dir).catch(() => [] as string[]));
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.${extension}` : `${base} (${n}).${extension}`;
    if (!taken.has(name)) return name;
  }
}
