import { normaliseYearOfStudy } from '../csvImport/values';
import type { ReferralField } from './fields';
import { classifyLabel, normaliseLabel, type Label } from './labels';
import { FORWARD_MARKER, SIGN_OFF, splitInlinePairs, STUDENT_HEADING, type Line } from './lines';
import { add, labelPriority, readLabelled, type State } from './candidates';
import { cleanName, findDate, findEmails, findPhones, findStudentNumber, ID_LIKE, ROLE_ADDRESS } from './values';

/** Walking the lines for values: tables, labelled lines, then loose text to fill what labels left out. */

/** Values in tab-separated lines: "Name<TAB>Jane Smith", or a heading row with a row of values under it. */
export function readTabbed(state: State, lines: Line[]) {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text.includes('\t') || line.header) continue;
    const cells = line.text.split('\t').map((c) => c.trim()).filter(Boolean);
    if (cells.length < 2) continue;
    const labels = cells.map((c) => classifyLabel(c.replace(/[:]$/, '')));
    const labelCount = labels.filter(Boolean).length;
    if (labelCount >= 2 && labelCount === cells.length) {
      const next = lines.slice(i + 1).find((l) => l.text !== '');
      if (!next || !next.text.includes('\t')) continue;
      const values = next.text.split('\t').map((c) => c.trim());
      const heads = line.text.split('\t').map((c) => c.trim());
      heads.forEach((head, col) => {
        const label = classifyLabel(head.replace(/[:]$/, ''));
        const value = values[col] ?? '';
        if (label && value) readEntry(state, next, label, head, value);
      });
      next.label = null;
      continue;
    }
    for (let c = 0; c < cells.length - 1; c++) {
      const label = labels[c];
      if (label && !labels[c + 1]) {
        readEntry(state, line, label, cells[c]!, cells[c + 1]!);
        c++;
      }
    }
  }
}

function readEntry(state: State, line: Line, label: Label, labelText: string, value: string) {
  const priority = labelPriority(line, label);
  if (label.kind === 'other' || priority === 0) {
    for (const email of findEmails(value)) state.excludedEmails.add(email.toLowerCase());
    return;
  }
  readLabelled(state, line.no, label.kind, value, priority, labelText.replace(/[:]$/, '').trim());
}

/** Labelled lines, with values on the same line, on the next line, or (for support needs) running on. */
export function readLabelledLines(state: State, lines: Line[]) {
  const isBoundary = (l: Line) => !l.text || !!l.header || (!!l.label && !l.isBullet) || SIGN_OFF.test(l.text) || FORWARD_MARKER.test(l.text) || STUDENT_HEADING.test(normaliseLabel(l.text.replace(/:$/, '')));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.label) continue;
    for (const entry of splitInlinePairs(line.label)) {
      let value = entry.value;
      let j = i;
      if (!value) {
        // The value sits under its label: skip at most one blank line.
        let k = i + 1;
        if (lines[k] && !lines[k]!.text) k++;
        const next = lines[k];
        if (next && next.text && !next.label && !next.header && !SIGN_OFF.test(next.text) && !next.text.includes('\t')) {
          value = next.text;
          j = k;
        }
      }
      if (entry.label.kind === 'supportNeeds') {
        const more: string[] = [];
        while (lines[j + 1] && !isBoundary(lines[j + 1]!)) {
          j++;
          more.push(lines[j]!.text);
        }
        value = [value, ...more].filter(Boolean).join('\n');
        i = Math.max(i, j);
      }
      readEntry(state, line, entry.label, entry.text, value);
    }
  }
}

const SUBJECT_PREFIX = /^((re|fw|fwd|aw|wg|tr)\s*:\s*)+/i;

export function readLooseText(state: State, lines: Line[]) {
  const has = (field: ReferralField) => state.candidates.some((c) => c.field === field && c.priority >= 2);
  const prose = lines.filter((l) => l.text && !l.header && !l.label && !l.inSignature && !SIGN_OFF.test(l.text) && l.section !== 'other' && l.section !== 'otherSoft');

  for (const line of lines) {
    if (line.header?.name !== 'subject') continue;
    const subject = line.header.value.replace(SUBJECT_PREFIX, '');
    for (const segment of subject.split(/\s[-–—|:]\s|:\s|[(),]|\s(?:for|re|of)\s/i)) {
      const s = segment.trim();
      if (ID_LIKE.test(s)) add(state, { field: 'studentNumber', value: s, line: line.no, priority: 1, confidence: 'medium' });
      const clean = cleanName(s, true);
      if (clean) add(state, { field: 'fullName', value: clean.name, line: line.no, priority: 1, confidence: 'medium' });
    }
  }

  const nameAfter =
    /\b(?:refer(?:ring|red)?|referral (?:for|of)|introduc(?:e|ing)|support(?:ing)? for|student,?|named|called)\s+([\p{Lu}][\p{L}\p{M}'’-]+(?:\s+(?:[\p{Lu}][\p{L}\p{M}'’-]+|de|da|van|von|der|la|le|bin|al|el|ap)){1,4})/u;
  // "…for you: Jane Smith is in her first year"
  const nameIsA =
    /(?:^|[:.!]\s+)([\p{Lu}][\p{L}\p{M}'’-]+(?:\s+(?:[\p{Lu}][\p{L}\p{M}'’-]+|de|da|van|von|der|la|le|bin|al|el|ap)){1,4}) (?:is|has been|was) (?:a|an|in|currently|studying|now)\b/u;
  const institutionIn =
    /(University of(?: the)? [\p{Lu}][\p{L}'’-]+(?: [\p{Lu}][\p{L}'’-]+)*|(?:[\p{Lu}][\p{L}'’-]+ )+(?:University|College)(?: of [\p{Lu}][\p{L}'’-]+(?: [\p{Lu}][\p{L}'’-]+)*)?)/u;
  const courseIn =
    /\bstudying (?:for )?(?:an? |the )?((?:BA|BSc|BEng|MEng|MA|MSc|MRes|LLB|LLM|PhD|MPhil|PGCE|FdA|FdSc|HND|HNC|BMus|MBChB|MBBS|BDS|PGDip|PGCert|Foundation Degree)(?: ?\(Hons\))? (?:in )?[\p{Lu}][\p{L}&'’ -]*?)(?=\s+(?:at|in|and|with|who|from|since)\b|[.,;]|$)/u;
  const yearIn = /\b(first|second|third|fourth|final|foundation|1st|2nd|3rd|4th)[- ]year\b/i;
  const hoursIn = /(?<![\d.£])(\d{1,4}(?:\.\d{1,2})?)\s*(?:hours|hrs)\b(?!\s*(?:per|a|each|every)\s+(?:week|fortnight|month|session))/i;
  // Not a bare "by" or "until": "assessed by Dr Shah on 3 June 2026" is no deadline.
  const deadlineIn = /\b(?:used by|use by|expires?(?: on)?|expiry(?: date)?(?: is| of)?|deadline(?: is| of)?|valid until|available until|no later than|(?:run|last)s? until|funded until)\b(.{0,40})/i;
  // "…refer Sam Lee (student no. 1234567) for…": only the word straight after, so a later number is never taken.
  const numberIn = /\bstudent (?:no\.?|number|id|ref(?:erence)?)(?:\s*[:#]|\s+is)?\s*([^\s),;]+)/i;

  for (const line of prose) {
    const t = line.text;
    const aboutStudy = /\b(student|studying|studies|enrolled|attends|attending|year|course|programme)\b/i.test(t);
    const name = nameAfter.exec(t) ?? nameIsA.exec(t);
    if (name) {
      const clean = cleanName(name[1]!, true);
      if (clean) add(state, { field: 'fullName', value: clean.name, line: line.no, priority: 1, confidence: 'medium' });
    }
    if (aboutStudy) {
      const institution = institutionIn.exec(t);
      if (institution) add(state, { field: 'institution', value: institution[1]!.trim(), line: line.no, priority: 1, confidence: 'medium' });
      const course = courseIn.exec(t);
      if (course) add(state, { field: 'course', value: course[1]!.trim(), line: line.no, priority: 1, confidence: 'medium' });
      const year = yearIn.exec(t);
      if (year) add(state, { field: 'yearOfStudy', value: normaliseYearOfStudy(year[1]!), line: line.no, priority: 1, confidence: 'medium' });
    }
    if (/\b(allocat\w*|approved|agreed|awarded|dsa|mentoring|support)\b/i.test(t)) {
      const hours = hoursIn.exec(t);
      if (hours && Number(hours[1]) <= 2000) add(state, { field: 'allocatedHours', value: Number(hours[1]), line: line.no, priority: 1, confidence: 'medium' });
    }
    const number = numberIn.exec(t);
    const id = number && findStudentNumber(number[1]!);
    if (id) add(state, { field: 'studentNumber', value: id, line: line.no, priority: 1, confidence: 'medium' });
    const deadline = deadlineIn.exec(t);
    if (deadline) {
      const date = findDate(deadline[1]!);
      if (date && 'iso' in date) add(state, { field: 'hoursDeadline', value: date.iso, line: line.no, priority: 1, confidence: 'medium' });
    }
    for (const phone of findPhones(t).valid) {
      if (/^(\+44\s?\(?0?\)?\s?7|07)/.test(phone)) add(state, { field: 'phone', value: phone, line: line.no, priority: 1, confidence: 'medium' });
    }
  }

  // Any address left that is not a header's, the signature's, someone else's or an office's.
  if (!has('email')) {
    for (const line of lines) {
      if (line.header || line.inSignature || line.section === 'other' || line.section === 'otherSoft') continue;
      if (line.label && (line.label.label.kind === 'other' || labelPriority(line, line.label.label) === 0)) continue;
      for (const email of findEmails(line.text)) {
        const lower = email.toLowerCase();
        if (state.excludedEmails.has(lower) || ROLE_ADDRESS.test(lower.split('@')[0]!)) continue;
        add(state, { field: 'email', value: email, line: line.no, priority: 1, confidence: 'medium' });
      }
    }
  }

  // Funding named anywhere outside headers and signatures.
  if (!has('funding')) {
    const counted = lines.filter((l) => (!l.header || l.header.name === 'subject') && !l.inSignature && l.text);
    const dsa = counted.find((l) => /\b(DSA|Disabled Students['’]? Allowances?)\b/i.test(l.text));
    const atw = counted.find((l) => /\b(Access to Work)\b/i.test(l.text));
    if (dsa && !atw) add(state, { field: 'funding', value: 'dsa', line: dsa.no, priority: 1, confidence: 'medium' });
    if (atw && !dsa) add(state, { field: 'funding', value: 'access-to-work', line: atw.no, priority: 1, confidence: 'medium' });
  }
}
