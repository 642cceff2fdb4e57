import fontkit from '@pdf-lib/fontkit';
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import {
  beginText,
  endMarkedContent,
  endText,
  PDFHexString,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  rotateAndSkewTextRadiansAndTranslate,
  setFillingColor,
  setFontAndSize,
  showText,
} from 'pdf-lib';

type PDFOperatorArg = NonNullable<Parameters<typeof PDFOperator.of>[1]>[number];
import { FACE_FILES, splitRuns, type Face, type FontSet, type Weight } from './fonts';

export interface TextStyle {
  size: number;
  weight?: Weight;
  color?: Color;
}

/** A piece of one line set in one embedded font, already measured. */
export interface Piece {
  text: string;
  font: PDFFont;
  width: number;
  /** Shaping reorders or merges glyphs in this face (Devanagari, Tamil): see `draw`. */
  shaped?: boolean;
}

export interface Line {
  pieces: Piece[];
  width: number;
}

export const INK = rgb(0.11, 0.12, 0.14);

const registry = new WeakMap<PDFDocument, DocumentFonts>();

type ParsedFont = ReturnType<typeof fontkit.create>;
const parsedFonts = new WeakMap<Uint8Array, ParsedFont>();
/**
 * fontkit decodes a font's tables on every embed, most of a short form's time. The font files are
 * read once per process and never change, so each is parsed once and every document gets a view
 * of it: the decoded tables are shared, while glyphs and the layout engine stay the document's own
 * (a glyph remembers the characters it was first laid out for, which the text layer relies on).
 */
const sharedTablesFontkit: typeof fontkit = {
  ...fontkit,
  create(buffer, postscriptName) {
    if (postscriptName !== undefined) return fontkit.create(buffer, postscriptName);
    let parsed = parsedFonts.get(buffer);
    if (!parsed) {
      parsed = fontkit.create(buffer);
      parsedFonts.set(buffer, parsed);
    }
    const view = Object.create(parsed) as ParsedFont & { _glyphs: Record<number, unknown> };
    view._glyphs = {};
    return view;
  },
};

/**
 * The fonts of one PDF. pdf-lib embeds fonts asynchronously but draws synchronously, so a document
 * first `prepare`s the text it will hold (embedding only the faces that text needs, each as a subset
 * of the glyphs actually drawn), and then lays out without awaiting.
 */
export class DocumentFonts {
  private readonly embedded = new Map<Face, PDFFont>();
  private readonly widths = new Map<string, number>();

  private constructor(
    readonly doc: PDFDocument,
    readonly set: FontSet,
  ) {}

  static for(doc: PDFDocument, set: FontSet): DocumentFonts {
    let fonts = registry.get(doc);
    if (!fonts) {
      doc.registerFontkit(sharedTablesFontkit);
      fonts = new DocumentFonts(doc, set);
      registry.set(doc, fonts);
    }
    return fonts;
  }

  /** The fonts already attached to a document by `DocumentFonts.for`, if any. */
  static of(doc: PDFDocument): DocumentFonts | undefined {
    return registry.get(doc);
  }

  /** Embed every face the given texts need, in both weights (Latin regular and bold always). */
  async prepare(texts: Iterable<string>): Promise<void> {
    const faces = new Set<Face>(['sans', 'sansBold']);
    for (const text of texts) {
      for (const run of splitRuns(text, 'regular', this.set.covers)) faces.add(run.face);
    }
    for (const face of faces) {
      if (this.embedded.has(face)) continue;
      this.embedded.set(face, await this.doc.embedFont(this.set.bytes[face], { subset: true }));
    }
  }

  font(face: Face): PDFFont {
    const font = this.embedded.get(face);
    if (!font) throw new Error(`PDF font ${FACE_FILES[face]} was not prepared for this document's text.`);
    return font;
  }

  width(text: string, font: PDFFont, size: number): number {
    const key = `${font.name}\u0000${size}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = font.widthOfTextAtSize(text, size);
      this.widths.set(key, width);
    }
    return width;
  }

  /** One line of text as measured pieces, one per font run. */
  line(text: string, style: TextStyle): Line {
    const pieces = splitRuns(text, style.weight ?? 'regular', this.set.covers).map((run) => this.piece(run.text, run.face, style.size));
    return { pieces, width: sum(pieces) };
  }

  /** Word-wrap text into lines no wider than `maxWidth`; `\n` starts a new line. */
  wrap(text: string, style: TextStyle, maxWidth: number): Line[] {
    const lines: Line[] = [];
    for (const hardLine of text.replace(/\r\n?/g, '\n').split('\n')) {
      const words = this.words(hardLine, style);
      if (words.length === 0) {
        lines.push({ pieces: [], width: 0 });
        continue;
      }
      let line: Line = { pieces: [], width: 0 };
      let pendingSpace: Piece | null = null;
      for (const word of words) {
        const spaceWidth = pendingSpace?.width ?? 0;
        if (line.pieces.length > 0 && line.width + spaceWidth + word.width > maxWidth) {
          lines.push(line);
          line = { pieces: [], width: 0 };
          pendingSpace = null;
        }
        if (line.pieces.length > 0 && pendingSpace) push(line, pendingSpace);
        if (word.width > maxWidth) {
          // A word wider than the column (a long hash, an email address): break between characters.
          for (const part of this.breakWord(word.parts, style.size, maxWidth)) {
            if (part === null) {
              lines.push(line);
              line = { pieces: [], width: 0 };
            } else push(line, part);
          }
        } else word.parts.forEach((p) => push(line, p));
        pendingSpace = word.space;
      }
      lines.push(line);
    }
    return lines;
  }

  /** Draw one line with its left end at x and its baseline at y. */
  draw(page: PDFPage, line: Line, x: number, y: number, style: TextStyle): void {
    let at = x;
    for (const piece of line.pieces) {
      if (piece.text.trim() !== '') {
        if (piece.shaped) this.drawShaped(page, piece, at, y, style);
        else page.drawText(piece.text, { x: at, y, size: style.size, font: piece.font, color: style.color ?? INK });
      }
      at += piece.width;
    }
  }

  /**
   * Shaped scripts print glyphs in visual order ("प्रि" is drawn as ि then प्र), so copying,
   * searching or reading the PDF aloud would get the letters shuffled. Wrapping the glyphs in an
   * ActualText span (inside the text object, where viewers expect it) gives them the text as typed.
   */
  private drawShaped(page: PDFPage, piece: Piece, x: number, y: number, style: TextStyle): void {
    const fontKey = page.node.newFontDictionary(piece.font.name, piece.font.ref);
    // pdf-lib's operator type leaves out dictionaries, which BDC takes and which serialise inline.
    const properties = this.doc.context.obj({ ActualText: PDFHexString.fromText(piece.text) }) as unknown as PDFOperatorArg;
    page.pushOperators(
      pushGraphicsState(),
      beginText(),
      setFillingColor(style.color ?? INK),
      setFontAndSize(fontKey, style.size),
      rotateAndSkewTextRadiansAndTranslate(0, 0, 0, x, y),
      PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Span'), properties]),
      showText(piece.font.encodeText(piece.text)),
      endMarkedContent(),
      endText(),
      popGraphicsState(),
    );
  }

  private piece(text: string, face: Face, size: number): Piece {
    return this.pieceIn(this.font(face), text, size);
  }

  private words(text: string, style: TextStyle): { parts: Piece[]; width: number; space: Piece | null }[] {
    const words: { parts: Piece[]; width: number; space: Piece | null }[] = [];
    let current: { parts: Piece[]; width: number; space: Piece | null } | null = null;
    for (const run of splitRuns(text, style.weight ?? 'regular', this.set.covers)) {
      for (const chunk of run.text.match(/\s+|\S+/g) ?? []) {
        const piece = this.piece(chunk, run.face, style.size);
        if (/^\s/.test(chunk)) {
          if (current) current.space = piece;
          current = null;
        } else if (current && current.space === null) {
          current.parts.push(piece);
          current.width += piece.width;
        } else {
          current = { parts: [piece], width: piece.width, space: null };
          words.push(current);
        }
      }
    }
    return words;
  }

  /** Pieces of an over-long word, with `null` where a new line starts. Breaks between graphemes. */
  private breakWord(parts: Piece[], size: number, maxWidth: number): (Piece | null)[] {
    const out: (Piece | null)[] = [];
    let room = maxWidth;
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    for (const part of parts) {
      let chunk = '';
      for (const { segment } of segmenter.segment(part.text)) {
        const next = chunk + segment;
        if (this.width(next, part.font, size) > room && (chunk !== '' || room < maxWidth)) {
          if (chunk !== '') out.push(this.pieceIn(part.font, chunk, size));
          out.push(null);
          room = maxWidth;
          chunk = segment;
        } else chunk = next;
      }
      if (chunk !== '') {
        const piece = this.pieceIn(part.font, chunk, size);
        out.push(piece);
        room -= piece.width;
      }
    }
    return out;
  }

  private pieceIn(font: PDFFont, text: string, size: number): Piece {
    const piece: Piece = { text, font, width: this.width(text, font, size) };
    if (font === this.embedded.get('devanagari') || font === this.embedded.get('tamil')) piece.shaped = true;
    return piece;
  }
}

function push(line: Line, piece: Piece): void {
  line.pieces.push(piece);
  line.width += piece.width;
}

function sum(pieces: Piece[]): number {
  return pieces.reduce((total, p) => total + p.width, 0);
}
