import { LineCapStyle, rgb, type Color } from 'pdf-lib';
import { ACCENT, HAIRLINE, MUTED, type PageFlow } from './page';
import { drawSignature, signaturePath, SIGNATURE_CAPTION_HEIGHT, type Signature } from './signature';
import { INK, type Line, type TextStyle } from './text';

/** What a form is made of. Every block flows onto as many pages as it needs. */
export type Block =
  | { type: 'title'; text: string; subtitle?: string }
  /** `keepWithNext`: points of what follows that must fit on the heading's page (default two lines). */
  | { type: 'heading'; text: string; level?: 1 | 2; keepWithNext?: number }
  | { type: 'paragraph'; text: string; muted?: boolean }
  | { type: 'fields'; fields: Field[] }
  | { type: 'checklist'; items: ChecklistItem[] }
  | { type: 'table'; columns: TableColumn[]; rows: string[][] }
  | { type: 'signatures'; signatures: Signature[] }
  /** A table whose last columns hold small drawn signatures (a monthly timesheet's rows). */
  | { type: 'signatureTable'; columns: TableColumn[]; rows: SignatureRow[] }
  | { type: 'spacer'; height: number };

export interface Field {
  label: string;
  value: string;
}
export interface ChecklistItem {
  label: string;
  checked: boolean;
  /** A small line under the label, e.g. when the item was ticked. */
  note?: string;
}
/** `cells` fill the first columns; `signatures` the columns after them (null: not signed). */
export interface SignatureRow {
  cells: string[];
  signatures: (Signature | null)[];
}
export interface TableColumn {
  header: string;
  /** Relative width; columns share the line in proportion (default 1). */
  width?: number;
}

/** Every string a block will print, so the document can embed the fonts it needs up front. */
export function textsOf(block: Block): string[] {
  switch (block.type) {
    case 'title':
      return [block.text, block.subtitle ?? ''];
    case 'heading':
    case 'paragraph':
      return [block.text];
    case 'fields':
      return block.fields.flatMap((f) => [f.label, f.value]);
    case 'checklist':
      return block.items.flatMap((i) => [i.label, i.note ?? '']);
    case 'table':
      return [...block.columns.map((c) => c.header), ...block.rows.flat()];
    case 'signatures':
      return block.signatures.map((s) => s.signerName);
    case 'signatureTable':
      return [
        ...block.columns.map((c) => c.header),
        ...block.rows.flatMap((r) => [...r.cells, ...r.signatures.flatMap((s) => (s ? [s.signerName, shortSignedAt(s.signedAt)] : [NOT_SIGNED]))]),
      ];
    case 'spacer':
      return [];
  }
}

const BODY: TextStyle = { size: 9.5, color: INK };
const LABEL: TextStyle = { size: 8.5, color: MUTED };
const BODY_LEADING = 13.5;
const NOTE_LEADING = 11;

export function drawBlock(flow: PageFlow, block: Block): void {
  switch (block.type) {
    case 'title':
      return drawTitle(flow, block.text, block.subtitle);
    case 'heading':
      return drawHeading(flow, block.text, block.level ?? 1, block.keepWithNext ?? 2 * BODY_LEADING + 8);
    case 'paragraph':
      return drawParagraph(flow, block.text, block.muted ? { ...BODY, color: MUTED } : BODY);
    case 'fields':
      return drawFields(flow, block.fields);
    case 'checklist':
      return drawChecklist(flow, block.items);
    case 'table':
      return drawTable(flow, block.columns, block.rows);
    case 'signatures':
      return drawSignatures(flow, block.signatures);
    case 'signatureTable':
      return drawSignatureTable(flow, block.columns, block.rows);
    case 'spacer':
      flow.y -= block.height;
      return;
  }
}

function drawTitle(flow: PageFlow, text: string, subtitle: string | undefined): void {
  const style: TextStyle = { size: 17, weight: 'bold', color: INK };
  for (const line of flow.fonts.wrap(text, style, flow.width)) flow.text(line, style, flow.left, 23);
  if (subtitle) {
    const sub: TextStyle = { size: 9.5, color: MUTED };
    for (const line of flow.fonts.wrap(subtitle, sub, flow.width)) flow.text(line, sub);
  }
  flow.y -= 8;
}

function drawHeading(flow: PageFlow, text: string, level: 1 | 2, keepWithNext: number): void {
  const style: TextStyle = level === 1 ? { size: 12, weight: 'bold', color: ACCENT } : { size: 10, weight: 'bold', color: INK };
  const lines = flow.fonts.wrap(text, style, flow.width);
  const before = level === 1 ? 14 : 8;
  flow.ensure(before + lines.length * style.size * 1.45 + keepWithNext);
  if (flow.y < flow.contentTop) flow.y -= before;
  for (const line of lines) flow.text(line, style);
  if (level === 1) {
    flow.rule(flow.y + 2, HAIRLINE, 0.6);
    flow.y -= 6;
  } else flow.y -= 2;
}

function drawParagraph(flow: PageFlow, text: string, style: TextStyle): void {
  for (const line of flow.fonts.wrap(text, style, flow.width)) {
    flow.ensure(BODY_LEADING);
    flow.text(line, style, flow.left, BODY_LEADING);
  }
  flow.y -= 6;
}

interface Column {
  x: number;
  lines: Line[];
  style: TextStyle;
}

/**
 * Columns of lines side by side (a label and its value, a table row's cells): kept on one page when
 * they fit there, otherwise (long notes) flowing on line by line so nothing runs past the footer.
 * `baseline` is the first baseline's depth below the row's top padding.
 */
function drawRow(flow: PageFlow, columns: Column[], o: { leading: number; padTop: number; padBottom: number; baseline: number; fill?: Color }): void {
  const count = Math.max(1, ...columns.map((c) => c.lines.length));
  const height = count * o.leading + o.padTop + o.padBottom;
  if (height <= flow.pageRoom) flow.ensure(height);
  if (flow.y - height >= flow.bottom) {
    const top = flow.y;
    if (o.fill) flow.page.drawRectangle({ x: flow.left, y: top - height, width: flow.width, height, color: o.fill });
    for (const c of columns) c.lines.forEach((line, j) => flow.fonts.draw(flow.page, line, c.x, top - o.padTop - o.baseline - j * o.leading, c.style));
    flow.y -= height;
    return;
  }
  flow.y -= o.padTop;
  for (let j = 0; j < count; j++) {
    const page = flow.page;
    flow.ensure(o.leading + o.padBottom);
    if (flow.page !== page) flow.y -= o.padTop;
    for (const c of columns) {
      const line = c.lines[j];
      if (line) flow.fonts.draw(flow.page, line, c.x, flow.y - o.baseline, c.style);
    }
    flow.y -= o.leading;
  }
  flow.y -= o.padBottom;
}

function drawFields(flow: PageFlow, fields: Field[]): void {
  const labelWidth = Math.min(150, flow.width * 0.32);
  const gap = 10;
  const valueWidth = flow.width - labelWidth - gap;
  flow.y -= 2;
  for (const field of fields) {
    const label = { x: flow.left, lines: flow.fonts.wrap(field.label, LABEL, labelWidth), style: LABEL };
    const value = { x: flow.left + labelWidth + gap, lines: flow.fonts.wrap(field.value.trim() === '' ? '—' : field.value, BODY, valueWidth), style: BODY };
    drawRow(flow, [label, value], { leading: BODY_LEADING, padTop: 4, padBottom: 3, baseline: 10 });
    flow.rule(flow.y, HAIRLINE, 0.4);
  }
  flow.y -= 10;
}

function drawChecklist(flow: PageFlow, items: ChecklistItem[]): void {
  const box = 9;
  const indent = box + 8;
  for (const item of items) {
    const lines = flow.fonts.wrap(item.label, BODY, flow.width - indent);
    const notes = item.note ? flow.fonts.wrap(item.note, LABEL, flow.width - indent) : [];
    const height = lines.length * BODY_LEADING + notes.length * NOTE_LEADING + 4;
    flow.ensure(height);
    const top = flow.y - 2;
    const page = flow.page;
    page.drawRectangle({ x: flow.left, y: top - box - 0.8, width: box, height: box, borderColor: INK, borderWidth: 0.8 });
    if (item.checked) {
      // A tick drawn as a path (SVG y down from the box's top-left corner), not a font glyph.
      page.drawSvgPath('M 1.8 4.9 L 3.9 7.2 L 7.6 1.9', {
        x: flow.left,
        y: top - 0.8,
        borderColor: ACCENT,
        borderWidth: 1.4,
        borderLineCap: LineCapStyle.Round,
      });
    }
    lines.forEach((line, i) => flow.fonts.draw(page, line, flow.left + indent, top - 9 - i * BODY_LEADING, BODY));
    const notesTop = top - 9 - lines.length * BODY_LEADING + 1;
    notes.forEach((line, i) => flow.fonts.draw(page, line, flow.left + indent, notesTop - i * NOTE_LEADING, LABEL));
    flow.y -= height;
  }
  flow.y -= 8;
}

function drawTable(flow: PageFlow, columns: TableColumn[], rows: string[][]): void {
  const pad = 4;
  const head: TextStyle = { size: 8.5, weight: 'bold', color: INK };
  const cell: TextStyle = { size: 9, color: INK };
  const leading = 12.5;
  const total = columns.reduce((n, c) => n + (c.width ?? 1), 0);
  const widths = columns.map((c) => (flow.width * (c.width ?? 1)) / total);
  const xs = widths.map((_, i) => flow.left + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const row = (texts: string[], style: TextStyle, fill?: Color): void => {
    const cells = columns.map((_, i) => ({ x: (xs[i] ?? 0) + pad, lines: flow.fonts.wrap(texts[i] ?? '', style, (widths[i] ?? 0) - 2 * pad), style }));
    drawRow(flow, cells, { leading, padTop: pad, padBottom: pad, baseline: 9, ...(fill ? { fill } : {}) });
    flow.rule(flow.y, HAIRLINE, 0.5);
  };
  const header = (): void => row(columns.map((c) => c.header), head, rgb(0.93, 0.94, 0.96));

  flow.ensure(3 * leading + 4 * pad);
  header();
  flow.onNewPage = header;
  try {
    rows.forEach((texts) => row(texts, cell));
  } finally {
    flow.onNewPage = null;
  }
  flow.y -= 12;
}

function drawSignatures(flow: PageFlow, signatures: Signature[]): void {
  const gap = 28;
  const width = (flow.width - gap) / 2;
  const height = 64 + SIGNATURE_CAPTION_HEIGHT;
  for (let i = 0; i < signatures.length; i += 2) {
    flow.ensure(height + 12);
    flow.y -= 6;
    signatures.slice(i, i + 2).forEach((signature, j) => {
      drawSignature(flow.page, { x: flow.left + j * (width + gap), y: flow.y - height, width, height }, signature, flow.fonts);
    });
    flow.y -= height + 10;
  }
}

const NOT_SIGNED = 'Not signed';
const shortSignedAtFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'short' });
/** "23/11/2026, 10:58" in UK civil time: enough under a small signature in a table. */
export function shortSignedAt(ms: number): string {
  return shortSignedAtFormat.format(new Date(ms));
}

function drawSignatureTable(flow: PageFlow, columns: TableColumn[], rows: SignatureRow[]): void {
  const pad = 4;
  const head: TextStyle = { size: 8, weight: 'bold', color: INK };
  const cell: TextStyle = { size: 8.5, color: INK };
  const name: TextStyle = { size: 7, weight: 'bold', color: INK };
  const when: TextStyle = { size: 6.5, color: MUTED };
  const leading = 11.5;
  const strokesHeight = 20;
  const signatureHeight = strokesHeight + 2 + 2 * 9;
  const total = columns.reduce((n, c) => n + (c.width ?? 1), 0);
  const widths = columns.map((c) => (flow.width * (c.width ?? 1)) / total);
  const xs = widths.map((_, i) => flow.left + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const header = (): void => {
    const cells = columns.map((c, i) => flow.fonts.wrap(c.header, head, (widths[i] ?? 0) - 2 * pad));
    const height = Math.max(...cells.map((l) => l.length)) * leading + 2 * pad;
    const top = flow.y;
    flow.page.drawRectangle({ x: flow.left, y: top - height, width: flow.width, height, color: rgb(0.93, 0.94, 0.96) });
    cells.forEach((lines, i) => lines.forEach((line, j) => flow.fonts.draw(flow.page, line, (xs[i] ?? 0) + pad, top - pad - 8.5 - j * leading, head)));
    flow.y -= height;
    flow.rule(flow.y, HAIRLINE, 0.5);
  };

  flow.ensure(3 * leading + signatureHeight + 4 * pad);
  header();
  flow.onNewPage = header;
  try {
    for (const row of rows) {
      const texts = row.cells.map((t, i) => flow.fonts.wrap(t, cell, (widths[i] ?? 0) - 2 * pad));
      const height = Math.max(signatureHeight, ...texts.map((l) => l.length * leading)) + 2 * pad;
      flow.ensure(height);
      const top = flow.y;
      const page = flow.page;
      texts.forEach((lines, i) => lines.forEach((line, j) => flow.fonts.draw(page, line, (xs[i] ?? 0) + pad, top - pad - 9 - j * leading, cell)));
      row.signatures.forEach((signature, k) => {
        const i = row.cells.length + k;
        const x = (xs[i] ?? 0) + pad;
        const width = (widths[i] ?? 0) - 2 * pad;
        if (!signature) {
          flow.fonts.draw(page, flow.fonts.line(NOT_SIGNED, { ...cell, color: MUTED }), x, top - pad - 9, { ...cell, color: MUTED });
          return;
        }
        const path = signaturePath(signature, width, strokesHeight);
        if (path !== '') page.drawSvgPath(path, { x, y: top - pad, borderColor: rgb(0.05, 0.1, 0.35), borderWidth: 0.9, borderLineCap: LineCapStyle.Round });
        const captionTop = top - pad - strokesHeight - 2;
        page.drawLine({ start: { x, y: captionTop }, end: { x: x + width, y: captionTop }, thickness: 0.4, color: HAIRLINE });
        const natural = flow.fonts.line(signature.signerName, name);
        const nameStyle = natural.width > width ? { ...name, size: Math.max(4.5, (name.size * width) / natural.width) } : name;
        flow.fonts.draw(page, nameStyle === name ? natural : flow.fonts.line(signature.signerName, nameStyle), x, captionTop - 8, nameStyle);
        flow.fonts.draw(page, flow.fonts.line(shortSignedAt(signature.signedAt), when), x, captionTop - 16.5, when);
      });
      flow.y -= height;
      flow.rule(flow.y, HAIRLINE, 0.5);
    }
  } finally {
    flow.onNewPage = null;
  }
  flow.y -= 12;
}
