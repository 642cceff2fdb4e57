import {
  AFRelationship,
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  type PDFObject,
} from 'pdf-lib';

/** What a Mentor Desk PDF says it is: the document info the office reads to file and check it. */
export interface ExportMeta {
  /** The form, e.g. 'service-agreement', 'first-session-record', 'progress-log'. */
  kind: string;
  studentRef: string;
  mentor: string;
  /** The record's date or period, as the form states it (e.g. '2026-11-23', '2026-11'). */
  date: string;
  /** The record's content hash, the one its signatures cover. */
  hash: string;
}

export interface FinishOptions extends ExportMeta {
  /** The record itself, embedded as record.json so the office can import it without retyping. */
  record: unknown;
  /** The PDF title (shown by viewers instead of the file name); defaults to the kind and student. */
  title?: string;
  /** When the export was made (ms): pass the backend clock's now. Without it, the wall clock. */
  exportedAt?: number;
}

export const RECORD_FILE_NAME = 'record.json';
export const PRODUCER = 'Mentor Desk';
/** Custom document-info keys, one per `ExportMeta` field, so a reader need not parse keywords. */
const INFO_KEYS: Record<keyof ExportMeta, string> = {
  kind: 'MentorDeskKind',
  studentRef: 'MentorDeskStudentRef',
  mentor: 'MentorDeskMentor',
  date: 'MentorDeskDate',
  hash: 'MentorDeskHash',
};

/** "service-agreement" → "Service agreement". */
export function kindLabel(kind: string): string {
  const words = kind.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Make a laid-out document say what it is, then save it: title, subject, author, keywords, creator
 * and producer; the `ExportMeta` fields as custom document-info entries; and the record as an
 * attached `record.json` (associated with the document as its data, as PDF/A-3 does it).
 */
export async function finishPdf(doc: PDFDocument, options: FinishOptions): Promise<Uint8Array> {
  const { kind, studentRef, mentor, date, hash } = options;
  const at = new Date(options.exportedAt ?? Date.now());
  const label = kindLabel(kind);
  doc.setTitle(options.title ?? `${label} — ${studentRef}`, { showInWindowTitleBar: true });
  doc.setSubject(`${label} for student ${studentRef}, ${date}. Content hash ${hash}.`);
  doc.setAuthor(mentor);
  doc.setKeywords([`kind:${kind}`, `student:${studentRef}`, `date:${date}`, `hash:${hash}`]);
  doc.setCreator(PRODUCER);
  doc.setProducer(`${PRODUCER} (pdf-lib)`);
  doc.setLanguage('en-GB');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  const info = infoDict(doc);
  for (const field of Object.keys(INFO_KEYS) as (keyof ExportMeta)[]) {
    info.set(PDFName.of(INFO_KEYS[field]), PDFHexString.fromText(options[field]));
  }
  const json = new TextEncoder().encode(JSON.stringify(options.record, null, 2));
  await doc.attach(json, RECORD_FILE_NAME, {
    mimeType: 'application/json',
    description: `${label} record for student ${studentRef} (content hash ${hash})`,
    creationDate: at,
    modificationDate: at,
    afRelationship: AFRelationship.Data,
  });
  return doc.save();
}

export interface ImportedPdf {
  /** The embedded record.json, parsed but not validated: check it with the record's schema. */
  record: unknown;
  /** The custom document-info entries; a field the PDF lacks is absent. */
  meta: Partial<ExportMeta>;
  title?: string;
  author?: string;
  keywords?: string;
}

/** Read back what `finishPdf` put in a PDF, so the office can import and check it. */
export async function readRecordFromPdf(bytes: Uint8Array): Promise<ImportedPdf> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (cause) {
    throw new Error('This file could not be read as a PDF. Check that it is a Mentor Desk export and not damaged.', { cause });
  }
  const fileSpec = findEmbeddedFile(doc, RECORD_FILE_NAME);
  const stream = fileSpec && lookupIn(doc, fileSpec.lookup(PDFName.of('EF')), PDFDict)?.lookup(PDFName.of('F'));
  if (!(stream instanceof PDFRawStream)) {
    throw new Error('This PDF carries no record.json, so it was not exported by Mentor Desk (or was re-saved without its attachment).');
  }
  let record: unknown;
  try {
    record = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(decodePDFRawStream(stream).decode()));
  } catch (cause) {
    throw new Error('The record.json inside this PDF is damaged and cannot be imported.', { cause });
  }
  const info = infoDict(doc);
  const meta: Partial<ExportMeta> = {};
  for (const field of Object.keys(INFO_KEYS) as (keyof ExportMeta)[]) {
    const value = textOf(info.lookup(PDFName.of(INFO_KEYS[field])));
    if (value !== undefined) meta[field] = value;
  }
  const result: ImportedPdf = { record, meta };
  const title = doc.getTitle();
  const author = doc.getAuthor();
  const keywords = doc.getKeywords();
  if (title !== undefined) result.title = title;
  if (author !== undefined) result.author = author;
  if (keywords !== undefined) result.keywords = keywords;
  return result;
}

function infoDict(doc: PDFDocument): PDFDict {
  const existing = doc.context.trailerInfo.Info ? doc.context.lookup(doc.context.trailerInfo.Info) : undefined;
  if (existing instanceof PDFDict) return existing;
  const created = doc.context.obj({});
  doc.context.trailerInfo.Info = doc.context.register(created);
  return created;
}

function textOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

function lookupIn<T extends PDFDict | PDFArray>(doc: PDFDocument, value: PDFObject | undefined, type: Function & { prototype: T }): T | undefined {
  const resolved = value === undefined ? undefined : doc.context.lookup(value);
  return resolved instanceof type ? (resolved as T) : undefined;
}

/** The file specification named `name` in the catalog's Names → EmbeddedFiles name tree. */
function findEmbeddedFile(doc: PDFDocument, name: string): PDFDict | undefined {
  const names = lookupIn(doc, doc.catalog.get(PDFName.of('Names')), PDFDict);
  const root = lookupIn(doc, names?.get(PDFName.of('EmbeddedFiles')), PDFDict);
  const seen = new Set<PDFDict>();
  const walk = (node: PDFDict | undefined): PDFDict | undefined => {
    if (!node || seen.has(node)) return undefined; // a malformed tree may loop
    seen.add(node);
    const leaves = lookupIn(doc, node.get(PDFName.of('Names')), PDFArray);
    for (let i = 0; leaves && i + 1 < leaves.size(); i += 2) {
      if (textOf(doc.context.lookup(leaves.get(i))) === name) {
        const spec = lookupIn(doc, leaves.get(i + 1), PDFDict);
        if (spec) return spec;
      }
    }
    const kids = lookupIn(doc, node.get(PDFName.of('Kids')), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) {
      const found = walk(lookupIn(doc, kids.get(i), PDFDict));
      if (found) return found;
    }
    return undefined;
  };
  return walk(root);
}
