import type { ColumnMapping, StudentField } from './fields';

/** Guessing which student field each column fills, from its heading. */

function normaliseHeading(heading: string): string {
  return heading
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\(s\)/g, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Headings as records systems write them, after `normaliseHeading`. */
const EXACT_HEADINGS: Record<string, StudentField> = {};
function headings(field: StudentField, names: string[]) {
  for (const name of names) EXACT_HEADINGS[name] = field;
}
headings('fullName', ['name', 'full name', 'student name', 'student full name', 'students name', 'name of student', 'legal name', 'student', 'mentee', 'mentee name', 'client name']);
headings('firstName', ['first name', 'firstname', 'forename', 'forenames', 'given name', 'given names', 'christian name', 'student first name', 'student forename', 'legal first name']);
headings('middleName', ['middle name', 'middle names', 'other names', 'middle initial']);
headings('lastName', ['last name', 'lastname', 'surname', 'family name', 'student surname', 'student last name', 'legal surname']);
headings('preferredName', ['preferred name', 'known as', 'chosen name', 'preferred first name', 'preferred forename']);
headings('pronouns', ['pronouns', 'pronoun', 'preferred pronouns']);
headings('studentNumber', ['student id', 'student number', 'student no', 'student ref', 'student reference', 'student reference number', 'id', 'id number', 'reg no', 'registration number', 'registration no', 'matriculation number', 'matric number', 'srn', 'university id', 'enrolment number', 'spr code', 'student code']);
headings('institution', ['institution', 'university', 'college', 'hei', 'he provider', 'institution name', 'university name', 'place of study', 'university college']);
headings('course', ['course', 'programme', 'program', 'course title', 'course name', 'programme title', 'programme name', 'programme of study', 'course of study', 'degree', 'degree programme', 'award']);
headings('yearOfStudy', ['year', 'year of study', 'study year', 'current year', 'year of course', 'year of programme', 'level', 'level of study', 'stage', 'year group']);
headings('funding', ['funding', 'funding body', 'funding source', 'funder', 'funded by', 'funding type', 'funding stream', 'sponsor']);
headings('allocatedHours', ['hours', 'dsa hours', 'allocated hours', 'hours allocated', 'support hours', 'mentoring hours', 'nmh hours', 'total hours', 'approved hours', 'hours approved', 'number of hours', 'no of hours', 'agreed hours']);
headings('hoursDeadline', ['deadline', 'hours deadline', 'expiry', 'expiry date', 'hours expiry', 'hours expire', 'use by', 'to be used by', 'valid until', 'support end date', 'hours end date', 'funding end date']);
headings('supportNeeds', ['support needs', 'needs', 'disability', 'disabilities', 'disability type', 'condition', 'conditions', 'reason for referral', 'recommendations', 'support required']);
headings('email', ['email', 'e mail', 'email address', 'e mail address', 'student email', 'student email address', 'university email', 'uni email', 'college email', 'personal email', 'contact email', 'term time email']);
headings('phone', ['phone', 'telephone', 'tel', 'mobile', 'mobile number', 'mobile phone', 'mobile no', 'phone number', 'telephone number', 'tel no', 'contact number', 'student mobile', 'student phone', 'term time phone', 'home phone']);
headings('preferredContact', ['preferred contact', 'preferred contact method', 'contact preference', 'contact method', 'preferred method of contact']);
headings('emergencyContactName', ['emergency contact', 'emergency contact name', 'next of kin', 'next of kin name', 'nok', 'nok name']);
headings('emergencyContactRelationship', ['emergency contact relationship', 'relationship', 'next of kin relationship', 'nok relationship']);
headings('emergencyContactPhone', ['emergency contact phone', 'emergency contact number', 'emergency phone', 'emergency contact telephone', 'emergency contact mobile', 'next of kin phone', 'next of kin number', 'nok phone']);
headings('mentorNotes', ['notes', 'comments', 'mentor notes']);

/**
 * Looser rules for headings not listed exactly; the first that matches wins, so order matters.
 * A null field marks headings that look like a field but are not ("Course code", "Year of entry").
 */
const CONTAINS_RULES: ReadonlyArray<[RegExp, StudentField | null]> = [
  [/\b(emergency|next of kin|nok)\b.*\b(phone|tel|telephone|mobile|number)\b/, 'emergencyContactPhone'],
  [/\b(emergency|next of kin|nok)\b.*\brelationship\b/, 'emergencyContactRelationship'],
  [/\b(emergency|next of kin|nok)\b/, 'emergencyContactName'],
  [/\bpreferred\b.*\bcontact\b|\bcontact\b.*\bpreference\b/, 'preferredContact'],
  [/\b(referrer|assessor|adviser|advisor|parent|guardian|gp)\b/, null],
  [/\be ?mail\b/, 'email'],
  [/\b(mobile|phone|telephone|tel)\b/, 'phone'],
  [/\b(surname|last name|family name)\b/, 'lastName'],
  [/\b(forenames?|first name|given names?)\b/, 'firstName'],
  [/\b(preferred|known as)\b.*\bname\b|\bknown as\b/, 'preferredName'],
  [/\bhours?\b.*\b(deadline|expir\w*|end|until|by)\b|\b(deadline|expiry)\b/, 'hoursDeadline'],
  [/\bhours\b/, 'allocatedHours'],
  [/\bfund(ing|er|ed)\b/, 'funding'],
  [/\b(date|start|end|code|entry|academic year|graduation|mode|attendance)\b/, null],
  [/\byear\b/, 'yearOfStudy'],
  [/\b(programme|course)\b/, 'course'],
  [/\b(university|institution)\b/, 'institution'],
  [/\bstudent (id|number|no|ref)\b|\b(reg|registration) (no|number)\b/, 'studentNumber'],
  [/\b(disabilit\w*|needs)\b/, 'supportNeeds'],
];

/**
 * Guesses which student field each column fills ('' for none). Each field goes to one column at
 * most: an exact heading beats a loose one, and between equals the leftmost column wins.
 */
export function suggestMapping(columns: string[]): ColumnMapping {
  const candidates: { column: string; index: number; field: StudentField; score: number }[] = [];
  columns.forEach((column, index) => {
    const key = normaliseHeading(column);
    const exact = EXACT_HEADINGS[key];
    if (exact) {
      candidates.push({ column, index, field: exact, score: 2 });
      return;
    }
    const field = CONTAINS_RULES.find(([pattern]) => pattern.test(key))?.[1];
    if (field) candidates.push({ column, index, field, score: 1 });
  });
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);

  const mapping: ColumnMapping = Object.fromEntries(columns.map((c) => [c, '']));
  const taken = new Set<StudentField>();
  for (const { column, field } of candidates) {
    if (taken.has(field)) continue;
    taken.add(field);
    mapping[column] = field;
  }
  return mapping;
}
