import type { ReferralField } from './fields';

/** What a label in a referral ("Student ID", "Tel/Mobile", "Referrer email") asks for, and whose it is. */

export type LabelKind = ReferralField | 'firstName' | 'lastName' | 'contact' | 'courseYear' | 'other';
export interface Label {
  kind: LabelKind;
  /** The label names the student ("Student email"), so it is trusted even in someone else's section. */
  student: boolean;
}

function table(entries: Record<string, LabelKind>, kind: LabelKind, names: string[]) {
  for (const name of names) entries[name] = kind;
}
const EXACT: Record<string, LabelKind> = {};
table(EXACT, 'fullName', ['name', 'names', 'full name', 'legal name', 'full legal name', 'name of student', 'name in full', 'mentee', 'client']);
table(EXACT, 'firstName', ['first name', 'first names', 'forename', 'forenames', 'given name', 'given names', 'christian name']);
table(EXACT, 'lastName', ['surname', 'last name', 'family name']);
table(EXACT, 'preferredName', ['preferred name', 'known as', 'chosen name', 'prefers to be called', 'goes by', 'preferred first name', 'name known by']);
table(EXACT, 'pronouns', ['pronouns', 'pronoun', 'preferred pronouns']);
table(EXACT, 'email', ['email', 'e mail', 'email address', 'e mail address', 'university email', 'uni email', 'college email', 'personal email', 'contact email', 'institutional email', 'email addr']);
table(EXACT, 'phone', ['tel', 'telephone', 'phone', 'mobile', 'mob', 'mobile no', 'mobile number', 'mobile phone', 'phone no', 'phone number', 'telephone number', 'telephone no', 'tel no', 'contact number', 'contact no', 'contact tel', 'contact phone', 'mobile tel']);
table(EXACT, 'studentNumber', ['id', 'id no', 'id number', 'reg no', 'registration no', 'registration number', 'matriculation number', 'matric no', 'matric number', 'srn', 'university id', 'uni id', 'enrolment number', 'enrolment no', 'spr code', 'student id number']);
table(EXACT, 'institution', ['university', 'institution', 'college', 'hei', 'he provider', 'higher education provider', 'place of study', 'university college', 'institution name', 'name of institution', 'university name', 'uni', 'provider of study', 'education provider']);
table(EXACT, 'course', ['course', 'programme', 'program', 'course title', 'course name', 'programme title', 'programme name', 'programme of study', 'course of study', 'degree', 'degree programme', 'subject', 'award', 'qualification', 'area of study']);
table(EXACT, 'yearOfStudy', ['year', 'year of study', 'study year', 'current year', 'year of course', 'year of programme', 'level', 'level of study', 'stage', 'year group', 'current year of study', 'yr']);
table(EXACT, 'funding', ['funding', 'funding body', 'funding source', 'funding stream', 'funder', 'funded by', 'funding type', 'sponsor', 'source of funding', 'funding route']);
table(EXACT, 'supportNeeds', [
  'support needs', 'needs', 'reason for referral', 'referral reason', 'reason for the referral', 'disability', 'disabilities', 'condition', 'conditions',
  'diagnosis', 'diagnoses', 'needs assessment recommendations', 'recommendations', 'na recommendations', 'recommended support', 'support recommended',
  'presenting needs', 'support required', 'support requirements', 'area of support', 'areas of support', 'nature of disability', 'nature of need',
  'impact of disability', 'impact on study', 'impact on studies', 'areas of difficulty', 'difficulties', 'additional needs', 'specific needs',
  'summary of needs', 'mentoring needs', 'disability condition', 'disability needs', 'disability/condition',
]);
table(EXACT, 'contact', ['contact', 'contact details', 'contact info', 'contact information']);
/** Labels that only name the student with "Student" in front: "Student number", never plain "Number". */
const STUDENT_ONLY: Record<string, LabelKind> = { number: 'studentNumber', no: 'studentNumber', ref: 'studentNumber', reference: 'studentNumber', 'reference number': 'studentNumber', 'ref no': 'studentNumber', '': 'fullName' };

/** Someone other than the student: their details must not be taken as the student's. */
const OTHER_PERSON =
  /\b(referrer\w*|referring|referred by|assessor|assessment centre|adviser|advisor|coordinator|co ordinator|officer|case ?worker|key ?worker|sent by|from|emergency|next of kin|nok|parent|guardian|gp|doctor|mentor|provider|office|manager|team|agency|company|your|my|our|crn|customer reference|invoice|purchase order)\b/;
const DEADLINE_LABEL = /\b(deadline|expiry|expires?|expiry date|use by|used by|valid until|valid to|end date|support ends?|hours end|until)\b/;
const HOURS_LABEL = /\b(hours?|hrs|allocation)\b/;
const NOT_HOURS_LABEL = /\b(per|week|weekly|remaining|used|left|rate|cost|charge|price|fee)\b/;
const STUDENT_PREFIX = /^(the )?(student|students|mentee|client)\b ?/;

export function normaliseLabel(raw: string): string {
  return raw
    .replace(/^\s*\d{1,2}[.)]\s+/, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\(s\)/g, '')
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9/&]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim();
}

function classifyOne(label: string): Label | null {
  let rest = label;
  let student = false;
  const prefix = STUDENT_PREFIX.exec(rest);
  if (prefix) {
    student = true;
    rest = rest.slice(prefix[0].length).trim();
  }
  const exact = EXACT[rest] ?? (student ? STUDENT_ONLY[rest] : undefined);
  if (exact) return { kind: exact, student };
  if (OTHER_PERSON.test(rest)) return { kind: 'other', student: false };
  // "Course end date" is when the course ends, not when the hours run out.
  if (DEADLINE_LABEL.test(rest)) return /\b(course|programme|degree|study|birth)\b/.test(rest) ? null : { kind: 'hoursDeadline', student };
  if (HOURS_LABEL.test(rest) && !NOT_HOURS_LABEL.test(rest)) return { kind: 'allocatedHours', student };
  return null;
}

/** What a label ("Student ID/Student number", "Tel/Mobile", "Course & year") asks for, or null. */
export function classifyLabel(raw: string): Label | null {
  const label = normaliseLabel(raw);
  // A label holds no figures: "42 hours of mentoring" is a value.
  if (!label || label.length > 60 || /\d/.test(label)) return null;
  const whole = classifyOne(label);
  if (whole) return whole;
  const parts = label.split(/\/| or | and | & |&/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return null;
  // "Student ID/Student number" shares its "student" with every part.
  const student = STUDENT_PREFIX.test(label);
  const kinds = parts.map((p) => classifyOne(student && !STUDENT_PREFIX.test(p) ? `student ${p}` : p));
  if (kinds.some((k) => k === null)) return null;
  const set = new Set(kinds.map((k) => k!.kind));
  if (set.size === 1) return { kind: kinds[0]!.kind, student };
  if (set.has('other')) return { kind: 'other', student: false };
  if ([...set].every((k) => k === 'email' || k === 'phone' || k === 'contact')) return { kind: 'contact', student };
  if (set.size === 2 && set.has('course') && set.has('yearOfStudy')) return { kind: 'courseYear', student };
  return { kind: kinds[0]!.kind, student };
}

/** Fields whose plain labels ("Name", "Email") could belong to anyone, so context decides. */
export const GENERIC = new Set<LabelKind>(['fullName', 'firstName', 'lastName', 'preferredName', 'pronouns', 'email', 'phone', 'contact', 'institution']);
export const CONTACT_KINDS = new Set<LabelKind>(['email', 'phone', 'contact']);
