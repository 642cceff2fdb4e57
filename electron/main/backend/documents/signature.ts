import { LineCapStyle, rgb, type PDFPage } from 'pdf-lib';
import { signerRoleLabels, type Signature as SharedSignature } from '../../../../shared/schemas/signature';
import { DocumentFonts } from './text';

/**
 * What a PDF needs of a signature: the shared schema's strokes (pad coordinates, y down), pad size,
 * signer, role and time. `contentHash` is optional so a layout can be previewed before signing.
 */
export type Signature = Pick<SharedSignature, 'strokes' | 'width' | 'height' | 'signerName' | 'role' | 'signedAt'> &
  Partial<Pick<SharedSignature, 'contentHash'>>;

export interface Box {
  /** Left edge, PDF points. */
  x: number;
  /** Bottom edge, PDF points (PDF y grows upwards). */
  y: number;
  width: number;
  height: number;
}

const MUTED = rgb(0.38, 0.4, 0.44);
const RULE = rgb(0.55, 0.57, 0.6);
/** Room under the signing line for the printed name and the role with date. */
export const SIGNATURE_CAPTION_HEIGHT = 30;

const signedAtFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** "23 November 2026, 14:05 GMT" — UK civil time, with the zone so BST is never ambiguous. */
export function formatSignedAt(ms: number): string {
  return signedAtFormat.format(new Date(ms)).replace(' at ', ', ');
}

/**
 * The strokes as one SVG path, scaled into a `width` × `height` area keeping the pad's aspect ratio
 * and centred in it (SVG coordinates: origin top left, y down). Strokes are smoothed with quadratic
 * curves through the midpoints of successive points; a lone point (a dot over an i) stays a dot.
 */
export function signaturePath(signature: Pick<Signature, 'strokes' | 'width' | 'height'>, width: number, height: number): string {
  const padW = signature.width > 0 ? signature.width : 1;
  const padH = signature.height > 0 ? signature.height : 1;
  const scale = Math.min(width / padW, height / padH);
  const dx = (width - padW * scale) / 2;
  const dy = (height - padH * scale) / 2;
  const fmt = (n: number) => (Math.round(n * 100) / 100).toString();
  const at = (p: { x: number; y: number }) => ({ x: dx + p.x * scale, y: dy + p.y * scale });
  const pt = (p: { x: number; y: number }) => `${fmt(p.x)} ${fmt(p.y)}`;
  const parts: string[] = [];
  for (const stroke of signature.strokes) {
    const points = stroke.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).map(at);
    const first = points[0];
    if (!first) continue;
    if (points.length === 1) {
      parts.push(`M ${pt(first)} L ${pt({ x: first.x + 0.5, y: first.y })}`);
      continue;
    }
    parts.push(`M ${pt(first)}`);
    // Quadratic curves through the midpoints, written as the equivalent cubics: pdf-lib turns an
    // SVG "Q" into PDF's "v", which is a different curve.
    let from = first;
    for (let i = 1; i < points.length - 1; i++) {
      const control = points[i]!;
      const next = points[i + 1]!;
      const to = { x: (control.x + next.x) / 2, y: (control.y + next.y) / 2 };
      const c1 = { x: from.x + (2 / 3) * (control.x - from.x), y: from.y + (2 / 3) * (control.y - from.y) };
      const c2 = { x: to.x + (2 / 3) * (control.x - to.x), y: to.y + (2 / 3) * (control.y - to.y) };
      parts.push(`C ${pt(c1)} ${pt(c2)} ${pt(to)}`);
      from = to;
    }
    parts.push(`L ${pt(points[points.length - 1]!)}`);
  }
  return parts.join(' ');
}

/**
 * Draw a signature as vector strokes in `box` (never a bitmap, so it stays sharp and small), a
 * signing line under it, and under that the signer's printed name, role and when they signed.
 * The document's fonts must have been prepared with the signer's name (`DocumentFonts.prepare`);
 * pass `fonts` to use others than the ones attached to the page's document.
 */
export function drawSignature(page: PDFPage, box: Box, signature: Signature, fonts: DocumentFonts | undefined = DocumentFonts.of(page.doc)): void {
  if (!fonts) throw new Error('drawSignature needs the document fonts: call DocumentFonts.for(doc, fontSet).prepare([...]) first.');
  const lineY = box.y + SIGNATURE_CAPTION_HEIGHT;
  const area = { x: box.x + 4, top: box.y + box.height - 2, width: box.width - 8, height: box.height - SIGNATURE_CAPTION_HEIGHT - 6 };
  const path = signaturePath(signature, area.width, area.height);
  if (path !== '') {
    page.drawSvgPath(path, {
      x: area.x,
      y: area.top,
      borderColor: rgb(0.05, 0.1, 0.35),
      borderWidth: 1.3,
      borderLineCap: LineCapStyle.Round,
    });
  }
  page.drawLine({ start: { x: box.x, y: lineY }, end: { x: box.x + box.width, y: lineY }, thickness: 0.6, color: RULE });

  // A long name is set smaller rather than cut: the printed name is what identifies the signer.
  const natural = fonts.line(signature.signerName, { size: 9, weight: 'bold' });
  const nameStyle = { size: natural.width > box.width ? Math.max(5, (9 * box.width) / natural.width) : 9, weight: 'bold' as const };
  fonts.draw(page, nameStyle.size === 9 ? natural : fonts.line(signature.signerName, nameStyle), box.x, lineY - 12, nameStyle);
  const captionStyle = { size: 7.5, color: MUTED };
  const caption = fonts.line(`${signerRoleLabels[signature.role]} · signed ${formatSignedAt(signature.signedAt)}`, captionStyle);
  fonts.draw(page, caption, box.x, lineY - 23, captionStyle);
}
