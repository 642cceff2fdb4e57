import { add, type State } from './candidates';
import { fieldLabels, MAX_LENGTH, MAX_REFERRAL_CHARS, type ReferralExtraction, type ReferralField, type ReferralFields, type ReferralFinding } from './fields';
import { readLines } from './lines';
import { readLabelledLines, readLooseText, readTabbed } from './reading';
import { findEmails } from './values';

/**
 * Reads a pasted referral email (from a provider office, a university disability service, a needs
 * assessor…) and picks out what it can for the mentor to confirm. It guesses; it never decides:
 * every value comes with the line it was read from and how sure the guess is.
 *
 * The hard part is telling the student's details from everyone else's: the sender's address in
 * forwarded headers, the office's phone in a signature, the referrer's or emergency contact's
 * details in their own section. Labelled lines are trusted most; loose text only fills gaps.
 */

export { MAX_REFERRAL_CHARS } from './fields';
export type { ReferralConfidence, ReferralExtraction, ReferralField, ReferralFields, ReferralFinding } from './fields';

const sameValue = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' ? a.trim().toLowerCase().replace(/\s+/g, ' ') === b.trim().toLowerCase().replace(/\s+/g, ' ') : a === b;

function joinNameParts(state: State) {
  const parts = state.candidates.filter((c) => c.field === 'fullName' && typeof c.value === 'string' && /^(firstName|lastName):/.test(c.value));
  state.candidates = state.candidates.filter((c) => !parts.includes(c));
  const first = parts.find((c) => (c.value as string).startsWith('firstName:'));
  const last = parts.find((c) => (c.value as string).startsWith('lastName:'));
  if (first && last) {
    const name = `${(first.value as string).slice(10)} ${(last.value as string).slice(9)}`;
    add(state, { field: 'fullName', value: name, line: Math.min(first.line, last.line), priority: Math.max(first.priority, last.priority) as 2 | 3, confidence: 'high' });
  }
}

function choose(state: State): ReferralExtraction {
  const fields: Partial<ReferralFields> = {};
  const found: ReferralFinding[] = [];
  const warnings = [...state.warnings];
  const order = Object.keys(fieldLabels) as ReferralField[];
  for (const field of order) {
    const candidates = state.candidates.filter((c) => c.field === field);
    if (candidates.length === 0) continue;
    const best = candidates.reduce((a, b) => (b.priority > a.priority || (b.priority === a.priority && b.line < a.line) ? b : a));
    const rival = candidates.find((c) => c.priority >= 2 && best.priority >= 2 && !sameValue(c.value, best.value));
    if (rival) {
      warnings.push(`Line ${best.line} and line ${rival.line} give different ${fieldLabels[field]}s (“${best.value}” and “${rival.value}”); the one on line ${best.line} was used. Check which is right.`);
    }
    if (best.warning) warnings.push(best.warning);
    (fields as Record<string, unknown>)[field] = best.value;
    found.push({ field, value: best.value, line: best.line, confidence: best.confidence } as ReferralFinding);
  }
  found.sort((a, b) => a.line - b.line);
  return { fields, found, warnings };
}

function readNeeds(state: State) {
  const sections = state.needs.filter((n) => n.text.trim());
  if (sections.length === 0) return;
  let text = sections.length === 1 ? sections[0]!.text : sections.map((n) => `${n.label}: ${n.text}`).join('\n');
  const max = MAX_LENGTH.supportNeeds!;
  if (text.length > max) {
    text = text.slice(0, max);
    state.warnings.push(`The support needs were longer than ${max.toLocaleString('en-GB')} characters and were cut short; check the end.`);
  }
  state.candidates.push({ field: 'supportNeeds', value: text, line: sections[0]!.line, priority: 2, confidence: 'high' });
}

export function extractReferral(text: string): ReferralExtraction {
  try {
    if (typeof text !== 'string' || !text.trim()) {
      return { fields: {}, found: [], warnings: ['Nothing was pasted. Paste the text of the referral email.'] };
    }
    const state: State = { candidates: [], warnings: [], excludedEmails: new Set(), fromEmails: new Set(), needs: [] };
    if (text.length > MAX_REFERRAL_CHARS) {
      state.warnings.push(`Only the first ${MAX_REFERRAL_CHARS.toLocaleString('en-GB')} characters were read.`);
    }
    const lines = readLines(text.slice(0, MAX_REFERRAL_CHARS));
    for (const line of lines) {
      if (line.header && /^(from|to|cc|bcc|reply-to)$/.test(line.header.name)) {
        for (const email of findEmails(line.header.value)) {
          state.excludedEmails.add(email.toLowerCase());
          if (line.header.name === 'from' || line.header.name === 'reply-to') state.fromEmails.add(email.toLowerCase());
        }
      }
      if (line.inSignature) for (const email of findEmails(line.text)) state.excludedEmails.add(email.toLowerCase());
    }
    readTabbed(state, lines);
    readLabelledLines(state, lines);
    joinNameParts(state);
    readNeeds(state);
    readLooseText(state, lines);
    const result = choose(state);
    if (result.found.length === 0) {
      result.warnings.push('No referral details were recognised. Fill in the student’s details by hand.');
    }
    return result;
  } catch {
    return { fields: {}, found: [], warnings: ['The pasted text could not be read. Fill in the student’s details by hand.'] };
  }
}
