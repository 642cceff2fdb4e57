import { normaliseYearOfStudy, parseFunding } from '../csvImport/values';
import { MAX_LENGTH, type ReferralConfidence, type ReferralField, type ReferralFields } from './fields';
import { CONTACT_KINDS, GENERIC, type Label, type LabelKind } from './labels';
import type { Line } from './lines';
import { cleanName, COURSE_YEAR_TAIL, findDate, findEmails, findHours, findPhones, findStudentNumber } from './values';

/** Every value read becomes a candidate for its field; the choosing happens once all the text is read. */

export interface Candidate<K extends ReferralField = ReferralField> {
  field: K;
  value: ReferralFields[K];
  line: number;
  /** 3: labelled as the student's; 2: labelled; 1: read from loose text. */
  priority: 1 | 2 | 3;
  confidence: ReferralConfidence;
  warning?: string;
}

export interface State {
  candidates: Candidate[];
  warnings: string[];
  excludedEmails: Set<string>;
  fromEmails: Set<string>;
  needs: { label: string; text: string; line: number }[];
}

export function add<K extends ReferralField>(state: State, candidate: Candidate<K>) {
  const max = MAX_LENGTH[candidate.field];
  if (typeof candidate.value === 'string') {
    if (!candidate.value.trim()) return;
    if (max && candidate.value.length > max) return;
  }
  state.candidates.push(candidate as unknown as Candidate);
}

export function labelPriority(line: Line, label: Label): 0 | 2 | 3 {
  if (label.student) return 3;
  if (!GENERIC.has(label.kind)) return 2;
  if (line.inSignature || line.section === 'other') return 0;
  if (line.section === 'otherSoft' && CONTACT_KINDS.has(label.kind)) return 0;
  return 2;
}

/** Takes one labelled value ("Student name: Jane Smith") into candidates. */
export function readLabelled(state: State, line: number, kind: LabelKind, value: string, priority: 2 | 3, labelText: string) {
  const v = value.trim();
  if (!v) return;
  const quoted = `“${v.length > 40 ? `${v.slice(0, 40)}…` : v}”`;
  switch (kind) {
    case 'fullName':
    case 'firstName':
    case 'lastName': {
      const clean = cleanName(v, false);
      if (!clean) return;
      if (kind !== 'fullName') {
        state.candidates.push({ field: 'fullName', value: `${kind}:${clean.name}`, line, priority, confidence: 'high' });
        return;
      }
      const single = !clean.name.includes(' ');
      add(state, {
        field: 'fullName',
        value: clean.name,
        line,
        priority,
        confidence: clean.recased || single ? 'medium' : 'high',
        ...(clean.recased ? { warning: `The name on line ${line} was written in capitals; check the spelling of “${clean.name}”.` } : {}),
      });
      if (clean.preferred) add(state, { field: 'preferredName', value: clean.preferred, line, priority, confidence: 'high' });
      if (clean.pronouns) add(state, { field: 'pronouns', value: clean.pronouns, line, priority, confidence: 'high' });
      if (clean.studentNumber) add(state, { field: 'studentNumber', value: clean.studentNumber, line, priority: 1, confidence: 'medium' });
      return;
    }
    case 'preferredName': {
      const clean = cleanName(v, false);
      if (clean) add(state, { field: 'preferredName', value: clean.name, line, priority, confidence: 'high' });
      return;
    }
    case 'pronouns':
      add(state, { field: 'pronouns', value: v.replace(/\s*\/\s*/g, '/'), line, priority, confidence: 'high' });
      return;
    case 'email':
    case 'phone':
    case 'contact': {
      if (kind !== 'phone') {
        const emails = findEmails(v).filter((e) => priority === 3 || !state.fromEmails.has(e.toLowerCase()));
        if (emails[0]) add(state, { field: 'email', value: emails[0], line, priority, confidence: 'high' });
        else if (kind === 'email' && v.includes('@')) state.warnings.push(`The email on line ${line} (${quoted}) does not look like an email address; it was left out.`);
      }
      if (kind !== 'email') {
        const phones = findPhones(v);
        if (phones.valid[0]) add(state, { field: 'phone', value: phones.valid[0], line, priority, confidence: 'high' });
        else if (phones.invalid[0]) {
          state.warnings.push(`The phone number on line ${line} (“${phones.invalid[0]}”) is not a valid number; it was left out. Check it with the referrer.`);
        }
      }
      return;
    }
    case 'studentNumber': {
      const id = findStudentNumber(v);
      if (id) add(state, { field: 'studentNumber', value: id, line, priority, confidence: 'high' });
      return;
    }
    case 'institution':
      add(state, { field: 'institution', value: v.replace(/[.;]$/, ''), line, priority, confidence: 'high' });
      return;
    case 'course':
    case 'courseYear': {
      const split = COURSE_YEAR_TAIL.exec(v);
      const course = (split ? split[1]! : v).replace(/[\s,;.]+$/, '');
      add(state, { field: 'course', value: course, line, priority, confidence: 'high' });
      if (split) add(state, { field: 'yearOfStudy', value: normaliseYearOfStudy(split[2]!), line, priority, confidence: 'high' });
      return;
    }
    case 'yearOfStudy':
      // "Year: 2026/27" is the academic year, not the year of study.
      if (/^\d{4}\s*[/-]\s*\d{2,4}$/.test(v)) return;
      add(state, { field: 'yearOfStudy', value: normaliseYearOfStudy(v), line, priority, confidence: 'high' });
      return;
    case 'allocatedHours': {
      const hours = findHours(v);
      if (!hours) return;
      if ('problem' in hours) {
        state.warnings.push(
          hours.problem === 'range'
            ? `The hours on line ${line} (${quoted}) are a range; enter the allocated hours yourself.`
            : `The hours on line ${line} (${quoted}) are a weekly or per-session figure; enter the total allocation yourself.`,
        );
        return;
      }
      if (hours.hours > 2000) return;
      add(state, { field: 'allocatedHours', value: hours.hours, line, priority, confidence: 'high' });
      // "Hours: 30 (to be used by 31/07/2027)"
      const date = findDate(v);
      if (date && 'iso' in date) add(state, { field: 'hoursDeadline', value: date.iso, line, priority: 1, confidence: 'medium' });
      return;
    }
    case 'hoursDeadline': {
      const date = findDate(v);
      if (!date) return;
      if ('invalid' in date) {
        state.warnings.push(`The date on line ${line} (“${date.invalid}”) is not a real date; it was left out.`);
        return;
      }
      add(state, {
        field: 'hoursDeadline',
        value: date.iso,
        line,
        priority,
        confidence: date.approximate ? 'medium' : 'high',
        ...(date.approximate ? { warning: `Line ${line} gives only a month for the deadline; the last day of that month was used.` } : {}),
      });
      return;
    }
    case 'funding': {
      const funding = parseFunding(v);
      if (funding) add(state, { field: 'funding', value: funding, line, priority, confidence: funding === 'other' ? 'medium' : 'high' });
      return;
    }
    case 'supportNeeds':
      state.needs.push({ label: labelText, text: v, line });
      return;
    case 'other':
      for (const email of findEmails(v)) state.excludedEmails.add(email.toLowerCase());
      return;
  }
}
