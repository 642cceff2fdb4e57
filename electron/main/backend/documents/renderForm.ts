import type { Block } from './blocks';
import type { FontSet } from './fonts';
import { DocumentBuilder } from './layout';
import { finishPdf, type ExportMeta } from './metadata';
import type { Signature } from './signature';

/** Who the form comes from: the provider's name and, when set in Settings, its logo. */
export interface ProviderHeader {
  name: string;
  logo?: Uint8Array;
}

export interface FormSection {
  heading: string;
  blocks: Block[];
}

/** A form ready to print: what every form renderer (agreement, session record, …) produces. */
export interface FormDocument {
  title: string;
  /** A line under the title on page 1, e.g. "Student S-0142 · 23 November 2026". */
  subtitle?: string;
  provider: ProviderHeader;
  sections: FormSection[];
  signatures: Signature[];
  /** For records nobody signs (a mentor's log): this sentence replaces the signatures section. */
  unsigned?: string;
  /** The record's content hash: in every footer, above the signatures, and in the metadata. */
  hash: string;
  meta: Omit<ExportMeta, 'hash'> & { record: unknown; exportedAt?: number };
  resourcesDir?: string;
  fontSet?: FontSet;
}

/** Lay out a form, sign it off with its signatures, and return the finished PDF's bytes. */
export async function renderFormPdf(form: FormDocument): Promise<Uint8Array> {
  // Signed means frozen: a signature given to another version of the record must not appear under this one.
  const stray = form.signatures.find((s) => s.contentHash !== undefined && s.contentHash !== form.hash);
  if (stray) {
    throw new Error(`${stray.signerName}'s signature covers a different version of this record, so it cannot be printed on this one. Ask them to sign this version.`);
  }
  const builder = new DocumentBuilder({
    title: form.title,
    provider: form.provider,
    hash: form.hash,
    ...(form.subtitle ? { subtitle: form.subtitle } : {}),
    ...(form.resourcesDir ? { resourcesDir: form.resourcesDir } : {}),
    ...(form.fontSet ? { fontSet: form.fontSet } : {}),
  });
  for (const section of form.sections) {
    builder.heading(section.heading);
    section.blocks.forEach((block) => builder.add(block));
  }
  if (form.unsigned !== undefined) {
    builder.spacer(6).paragraph(form.unsigned, { muted: true }).paragraph(`Content hash (SHA-256) ${form.hash}`, { muted: true });
    const { doc } = await builder.build();
    return finishPdf(doc, { ...form.meta, hash: form.hash, title: form.title });
  }
  // The statement and the first row of signatures stay on the heading's page.
  builder.heading('Signatures', 1, { keepWithNext: form.signatures.length > 0 ? 175 : 50 });
  builder.paragraph(`Content hash (SHA-256) ${form.hash}`, { muted: true });
  if (form.signatures.length === 0) {
    builder.paragraph('Not signed yet. This copy is a draft for reading, not an agreed record.');
  } else {
    builder.paragraph(
      'Each signature below covers this record exactly as printed, identified by the content hash above. ' +
        'Any later change is made as an amendment and signed again; this version stays on file.',
    );
    builder.signatures(form.signatures);
  }
  const { doc } = await builder.build();
  return finishPdf(doc, { ...form.meta, hash: form.hash, title: form.title });
}
