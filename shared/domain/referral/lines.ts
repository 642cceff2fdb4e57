import { classifyLabel, GENERIC, normaliseLabel, type Label } from './labels';

/**
 * Cutting the pasted text into lines and marking what each is: a mail header, part of a signature,
 * a labelled value, inside the student's section or someone else's.
 */

const MAX_LINE_CHARS = 2_000;

const HEADER = /^(from|sent|to|cc|bcc|date|subject|reply-to|importance)\s*:\s*(.*)$/i;
export const FORWARD_MARKER = /^(-{2,}\s*(original message|forwarded message)\s*-{2,}|begin forwarded message:?|on .{5,120} wrote:|_{8,})$/i;
export const SIGN_OFF =
  /^((kind(est)?|best|warm(est)?|many|with (best|kind))\s+(regards|wishes|thanks)|regards|thanks|thank you|many thanks|cheers|best|all the best|yours (sincerely|faithfully)|sincerely|take care|speak soon|--)[\s,.!]*$/i;
export const STUDENT_HEADING = /^(the )?(student|mentee|client|personal)( s)?( details| information| info| contact details| particulars)?$|^about the (student|mentee)$/;
const BULLET = /^\s*(?:[-*•·▪◦‣–]|\d{1,2}[.)])\s+/;

export interface Line {
  no: number;
  text: string;
  isBullet: boolean;
  header: { name: string; value: string } | null;
  inSignature: boolean;
  /** 'other' after a heading like "Referrer details"; 'otherSoft' for the lines straight after "Referred by: …". */
  section: 'student' | 'other' | 'otherSoft' | null;
  label: { label: Label; text: string; value: string } | null;
}

function cleanLine(raw: string): string {
  return raw
    .slice(0, MAX_LINE_CHARS)
    .replace(/^(\s*>)+ ?/, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/\s+$/, '');
}

/** "Label: value", "Label - value", "Label | value", or a line that is only a label. */
function splitLabel(text: string): { label: Label; text: string; value: string } | null {
  const body = text.replace(BULLET, '').trim();
  const colon = /^([^:：]{1,60}?)\s*[:：]\s*(.*)$/.exec(body);
  if (colon) {
    const label = classifyLabel(colon[1]!);
    if (label) return { label, text: colon[1]!.trim(), value: colon[2]!.trim() };
  }
  const dash = /^(.{1,50}?)\s+[-–—|]\s+(.+)$/.exec(body) ?? /^(.{1,50}?)\s*\|\s*(.+)$/.exec(body);
  if (dash) {
    const label = classifyLabel(dash[1]!);
    if (label) return { label, text: dash[1]!.trim(), value: dash[2]!.trim() };
  }
  if (body.split(/\s+/).length <= 6) {
    const label = classifyLabel(body.replace(/[:?]$/, ''));
    if (label) return { label, text: body.replace(/[:?]$/, '').trim(), value: '' };
  }
  return null;
}

/** "Name: Jane Smith    ID: U1234567" holds two labelled values. */
export function splitInlinePairs(entry: { label: Label; text: string; value: string }): { label: Label; text: string; value: string }[] {
  const out = [];
  let current = entry;
  for (let guard = 0; guard < 8; guard++) {
    const next = /(?:\s{2,}|\s*\|\s*|\s*;\s*|,\s+|\s+\/\s+)([A-Za-z][A-Za-z .'’/()-]{0,40}?)\s*[:：]\s*/g;
    let split = false;
    for (let m = next.exec(current.value); m; m = next.exec(current.value)) {
      const label = classifyLabel(m[1]!);
      if (!label) continue;
      out.push({ ...current, value: current.value.slice(0, m.index).trim() });
      current = { label, text: m[1]!.trim(), value: current.value.slice(m.index + m[0].length).trim() };
      split = true;
      break;
    }
    if (!split) break;
  }
  out.push(current);
  return out;
}

export function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let section: Line['section'] = null;
  let inSignature = false;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const cleaned = cleanLine(raw);
    const trimmed = cleaned.trim();
    const line: Line = { no: i + 1, text: trimmed, isBullet: BULLET.test(cleaned), header: null, inSignature: false, section: null, label: null };
    lines.push(line);
    if (!trimmed) {
      if (section === 'otherSoft') section = null;
      return;
    }
    const header = HEADER.exec(trimmed);
    if (header) {
      line.header = { name: header[1]!.toLowerCase(), value: header[2]!.trim() };
      inSignature = false;
      section = null;
      return;
    }
    if (FORWARD_MARKER.test(trimmed)) {
      inSignature = false;
      section = null;
      return;
    }
    if (SIGN_OFF.test(trimmed)) {
      inSignature = true;
      line.inSignature = true;
      return;
    }
    const normalised = normaliseLabel(trimmed.replace(/[:]$/, ''));
    if (STUDENT_HEADING.test(normalised)) {
      section = 'student';
      inSignature = false;
      return;
    }
    const label = trimmed.includes('\t') ? null : splitLabel(cleaned);
    if (label?.label.student) {
      inSignature = false;
      section = 'student';
    } else if (label?.label.kind === 'other') {
      section = label.value ? 'otherSoft' : 'other';
    } else if (label && !label.value && !GENERIC.has(label.label.kind)) {
      // A new heading such as "Support needs:" ends the referrer's section.
      if (section === 'other' || section === 'otherSoft') section = null;
    } else if (label && section === 'otherSoft' && !GENERIC.has(label.label.kind)) {
      section = null;
    }
    line.label = label;
    line.inSignature = inSignature;
    line.section = section;
  });
  return lines;
}
