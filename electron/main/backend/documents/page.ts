import { PDFDocument, rgb, type PDFImage, type PDFPage } from 'pdf-lib';
import { DocumentFonts, INK, type Line, type TextStyle } from './text';

/** A4 in PDF points, and the form's margins. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 54, right: 54, top: 40, bottom: 40 } as const;
const HEADER_HEIGHT = 46;
const FOOTER_HEIGHT = 26;

export const MUTED = rgb(0.38, 0.4, 0.44);
export const HAIRLINE = rgb(0.8, 0.81, 0.83);
export const ACCENT = rgb(0.12, 0.29, 0.49);

export interface PageHeader {
  providerName: string;
  /** The form's title, repeated small on every page. */
  title: string;
  logo?: PDFImage;
}

/** "3f9a12bc77de" from "sha256:3f9a12bc77de…": enough to match a printout to its record by eye. */
export function shortHash(hash: string): string {
  return hash.replace(/^[a-z0-9-]+:/i, '').slice(0, 12);
}

/** Embed a PNG or JPEG logo, told apart by its first bytes; anything else is refused. */
export async function embedLogo(doc: PDFDocument, bytes: Uint8Array): Promise<PDFImage> {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return doc.embedPng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return doc.embedJpg(bytes);
  throw new Error('The provider logo must be a PNG or JPEG image. Choose another logo file in Settings.');
}

/**
 * The page a document is flowing into: where the next block goes (`y`, the top of the free space,
 * going down) and when to turn the page. Headers are drawn as each page is made; footers, which
 * need the page count, at `finish`.
 */
export class PageFlow {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  /** Drawn at the top of each page after the header (a table's repeated header row, say). */
  onNewPage: (() => void) | null = null;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: DocumentFonts,
    private readonly header: PageHeader,
  ) {
    this.newPage();
  }

  get left(): number {
    return MARGIN.left;
  }
  get width(): number {
    return A4.width - MARGIN.left - MARGIN.right;
  }
  get right(): number {
    return A4.width - MARGIN.right;
  }
  get bottom(): number {
    return MARGIN.bottom + FOOTER_HEIGHT;
  }
  get contentTop(): number {
    return A4.height - MARGIN.top - HEADER_HEIGHT;
  }
  /** The height a whole page offers between header and footer. */
  get pageRoom(): number {
    return this.contentTop - this.bottom;
  }

  newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.drawHeader();
    this.y = this.contentTop;
    this.onNewPage?.();
  }

  /** Turn the page unless `height` more points fit above the footer. */
  ensure(height: number): void {
    if (this.y - height < this.bottom && this.y < this.contentTop) this.newPage();
  }

  /** Draw a line of text whose top is at the cursor, then move the cursor below it. */
  text(line: Line, style: TextStyle, x = this.left, lineHeight = style.size * 1.45): void {
    this.fonts.draw(this.page, line, x, this.y - style.size * 1.05, style);
    this.y -= lineHeight;
  }

  rule(y: number, color = HAIRLINE, thickness = 0.5, from = this.left, to = this.right): void {
    this.page.drawLine({ start: { x: from, y }, end: { x: to, y }, thickness, color });
  }

  private drawHeader(): void {
    const { page, fonts } = this;
    const top = A4.height - MARGIN.top;
    const ruleY = top - HEADER_HEIGHT + 12;
    let nameX = this.left;
    if (this.header.logo) {
      const maxH = 28;
      const maxW = 110;
      const scale = Math.min(maxH / this.header.logo.height, maxW / this.header.logo.width);
      const w = this.header.logo.width * scale;
      const h = this.header.logo.height * scale;
      page.drawImage(this.header.logo, { x: this.left, y: ruleY + 6 + (maxH - h) / 2, width: w, height: h });
      nameX += w + 10;
    }
    const nameStyle = { size: 11, weight: 'bold' as const, color: ACCENT };
    const titleStyle = { size: 8, color: MUTED };
    const title = fonts.line(this.header.title, titleStyle);
    const nameLine = fonts.wrap(this.header.providerName, nameStyle, this.right - nameX - title.width - 16)[0];
    if (nameLine) fonts.draw(page, nameLine, nameX, ruleY + 16, nameStyle);
    fonts.draw(page, title, this.right - title.width, ruleY + 17, titleStyle);
    this.rule(ruleY, ACCENT, 1.2);
  }

  /** Footers on every page: the short content hash and "Page n of N". */
  finish(hash: string): void {
    const style = { size: 7.5, color: MUTED };
    const total = this.pages.length;
    const left = this.fonts.line(`Content hash ${shortHash(hash)}`, style);
    this.pages.forEach((page, i) => {
      const y = MARGIN.bottom;
      page.drawLine({ start: { x: this.left, y: y + 12 }, end: { x: this.right, y: y + 12 }, thickness: 0.5, color: HAIRLINE });
      this.fonts.draw(page, left, this.left, y, style);
      const pageStyle = { ...style, color: INK };
      const right = this.fonts.line(`Page ${i + 1} of ${total}`, pageStyle);
      this.fonts.draw(page, right, this.right - right.width, y, pageStyle);
    });
  }
}
