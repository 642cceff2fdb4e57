import { PDFDocument } from 'pdf-lib';
import { drawBlock, textsOf, type Block, type ChecklistItem, type Field, type TableColumn } from './blocks';
import { loadFontSet, type FontSet } from './fonts';
import { embedLogo, PageFlow } from './page';
import type { Signature } from './signature';
import { DocumentFonts } from './text';

export interface DocumentOptions {
  /** The form's title: large on page 1, small in every page's header. */
  title: string;
  /** A line under the title on page 1 (student reference, date). */
  subtitle?: string;
  provider: { name: string; logo?: Uint8Array };
  /** The record's content hash, printed in every footer (short form). */
  hash: string;
  /** Where resources/fonts is; see `defaultResourcesDir`. Ignored when `fontSet` is given. */
  resourcesDir?: string;
  fontSet?: FontSet;
}

export interface BuiltDocument {
  doc: PDFDocument;
  pageCount: number;
}

/**
 * A form as a list of blocks, laid out on A4 pages when `build` is called: header on every page
 * (provider name, logo, title), footer on every page (short content hash, "Page n of N"), and page
 * breaks wherever the next line, row or signature does not fit.
 *
 * ```ts
 * const { doc } = await new DocumentBuilder({ title, provider, hash })
 *   .heading('Student').fields([{ label: 'Student', value: 'Zoë Adams' }])
 *   .build();
 * ```
 */
export class DocumentBuilder {
  private readonly blocks: Block[] = [];

  constructor(private readonly options: DocumentOptions) {
    this.blocks.push({ type: 'title', text: options.title, ...(options.subtitle ? { subtitle: options.subtitle } : {}) });
  }

  add(block: Block): this {
    this.blocks.push(block);
    return this;
  }
  heading(text: string, level: 1 | 2 = 1, options: { keepWithNext?: number } = {}): this {
    return this.add({ type: 'heading', text, level, ...options });
  }
  paragraph(text: string, options: { muted?: boolean } = {}): this {
    return this.add({ type: 'paragraph', text, ...options });
  }
  fields(fields: Field[]): this {
    return this.add({ type: 'fields', fields });
  }
  /** One labelled field, "Student: Zoë Adams". */
  field(label: string, value: string): this {
    return this.fields([{ label, value }]);
  }
  checklist(items: ChecklistItem[]): this {
    return this.add({ type: 'checklist', items });
  }
  table(columns: TableColumn[], rows: string[][]): this {
    return this.add({ type: 'table', columns, rows });
  }
  signatures(signatures: Signature[]): this {
    return this.add({ type: 'signatures', signatures });
  }
  spacer(height: number): this {
    return this.add({ type: 'spacer', height });
  }

  /** Lay the blocks out into a new PDF document (not yet saved: see `finishPdf`). */
  async build(): Promise<BuiltDocument> {
    const { options } = this;
    const doc = await PDFDocument.create();
    const fontSet = options.fontSet ?? (await loadFontSet(options.resourcesDir ? { resourcesDir: options.resourcesDir } : {}));
    const fonts = DocumentFonts.for(doc, fontSet);
    await fonts.prepare([options.provider.name, ...this.blocks.flatMap(textsOf)]);
    const logo = options.provider.logo ? await embedLogo(doc, options.provider.logo) : undefined;
    const flow = new PageFlow(doc, fonts, { providerName: options.provider.name, title: options.title, ...(logo ? { logo } : {}) });
    for (const block of this.blocks) drawBlock(flow, block);
    flow.finish(options.hash);
    return { doc, pageCount: flow.pages.length };
  }
}
