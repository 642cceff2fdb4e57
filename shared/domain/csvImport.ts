import Papa from 'papaparse';
import { isValidPhone } from './phone';

/**
 * Importing a caseload from the CSV an institution's records system exports: read the file,
 * guess which column is which from its headings, then check every row before anything is saved.
 * The student schema is passed in (`validateRows`), so this module only knows field names.
 */

export const MAX_IMPORT_ROWS = 10_000;

/** The student fields a column can fill, plus name parts that are joined into `fullName`. */
export const studentFieldLabels = {
  fullName: 'Full name',
  firstName: 'First name (joined into full name)',
  middleName: 'Middle name (joined into full name)',
  lastName: 'Last name (joined into full name)',
  preferredName: 'Preferred name',
  pronouns: 'Pronouns',
  studentNumber: 'Student number',
  institution: 'Institution',
  course: 'Course',
  yearOfStudy: 'Year of study',
  funding: 'Funding',
  allocatedHours: 'Allocated hours',
  hoursDeadline: 'Hours deadline',
  supportNeeds: 'Support needs',
  email: 'Email',
  phone: 'Phone',
  preferredContact: 'Preferred contact',
  emergencyContactName: 'Emergency contact name',
  emergencyContactRelationship: 'Emergency contact relationship',
  emergencyContactPhone: 'Emergency contact phone',
  mentorNotes: 'Notes',
} as const;
export type StudentField = keyof typeof studentFieldLabels;
export type ColumnMapping = Record<string, StudentField | ''>;

/** Mirrors the student schema's funding options; kept here so this module does not depend on the schema. */
export type FundingValue = 'dsa' | 'access-to-work' | 'institution' | 'self-funded' | 'other';

export interface ParsedCsv {
  /** Trimmed headings, made unique ("Email", "Email (2)") so a mapping can name each one. */
  columns: string[];
  /** Data rows; `rows[i]` is spreadsheet row `i + 2`. Blank rows are kept so those numbers stay true. */
  rows: string[][];
  errors: string[];
}

// ---------------------------------------------------------------------------------------------
// Reading the file

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter the heading row uses most, outside quotes. Spreadsheets set to a European locale save with ";". */
function guessDelimiter(headerLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = counts.get(d) ?? 0;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

const isBlankRow = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

export function parseCsv(text: string): ParsedCsv {
  const errors: string[] = [];
  let body = text.replace(/^\uFEFF/, '');
  // Excel may write a first line "sep=;" naming the delimiter; it does not show it as a row.
  let delimiter: string | undefined;
  const sepLine = /^sep=(.)[ \t]*\r?\n/i.exec(body);
  if (sepLine) {
    delimiter = sepLine[1];
    body = body.slice(sepLine[0].length);
  }
  const firstLine = /^[^\r\n]*\S[^\r\n]*/m.exec(body)?.[0] ?? '';
  delimiter ??= guessDelimiter(firstLine);

  const result = Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    // Header row, the allowed rows, and one more to know the file was longer.
    preview: MAX_IMPORT_ROWS + 2,
  });
  const data = result.data.filter((row): row is string[] => Array.isArray(row));

  // Leading blank lines before the headings are dropped; trailing ones are not rows.
  while (data.length > 0 && isBlankRow(data[0]!)) data.shift();
  while (data.length > 0 && isBlankRow(data[data.length - 1]!)) data.pop();

  if (data.length === 0) {
    return { columns: [], rows: [], errors: ['The file is empty. Export the students again and choose that file.'] };
  }

  const columns = uniqueHeadings(data[0]!);
  let rows = data.slice(1).map((row) => {
    const cells = row.map((cell) => cell ?? '');
    // Excel writes trailing empty cells ("a,b,c,,"); only non-empty extras matter to validateRows.
    while (cells.length > columns.length && cells[cells.length - 1]!.trim() === '') cells.pop();
    while (cells.length < columns.length) cells.push('');
    return cells;
  });

  for (const error of result.errors) {
    if (error.code === 'MissingQuotes') {
      const at = typeof error.row === 'number' ? `Row ${error.row + 1}` : 'A row';
      errors.push(
        `${at} opens a quote (") that never closes, so the rest of the file may have been read as one value. Open the file in a spreadsheet, check that row and save it as CSV again.`,
      );
    } else if (error.code === 'InvalidQuotes') {
      const at = typeof error.row === 'number' ? `Row ${error.row + 1}` : 'A row';
      errors.push(`${at} has a quote (") in an unexpected place. Check that row in a spreadsheet and save it as CSV again.`);
    }
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    rows = rows.slice(0, MAX_IMPORT_ROWS);
    errors.push(
      `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} students; only the first ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} were read. Split it into smaller files and import each.`,
    );
  }
  if (rows.every(isBlankRow)) errors.push('The file has headings but no students under them.');
  if (body.includes('\uFFFD')) {
    errors.push(
      'Some characters could not be read (accented names may look wrong). In Excel, save the file as "CSV UTF-8" and import it again.',
    );
  }
  return { columns, rows, errors };
}

function uniqueHeadings(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((cell, i) => {
    const heading = (cell ?? '').replace(/\s+/g, ' ').trim() || `Column ${i + 1}`;
    const count = (seen.get(heading.toLowerCase()) ?? 0) + 1;
    seen.set(heading.toLowerCase(), count);
    return count === 1 ? heading : `${heading} (${count})`;
  });
}

// ---------------------------------------------------------------------------------------------
// Guessing the mapping

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

// ---------------------------------------------------------------------------------------------
// Reading values as mentors and records systems write them

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return null;
  const index = MONTHS.findIndex((m) => m.startsWith(lower) || (lower === 'sept' && m === 'september'));
  return index === -1 ? null : index + 1;
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * A date written the UK way ("31/07/2027", "31.7.27", "31 July 2027", "Friday 31st Jul 2027") or as
 * "2027-07-31", to `YYYY-MM-DD`. Null when it is not one, or names a day that does not exist.
 */
export function parseUkDate(value: string): string | null {
  const v = value
    .trim()
    .replace(/^(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\.?,?\s+/i, '')
    .replace(/,/g, ' ')
    .replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4}|\d{2})$/.exec(v);
  if (m) return isoDate(fullYear(m[3]!), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?(?: of)?[ -]([a-z]{3,9}\.?)[ -](\d{4}|\d{2})$/i.exec(v);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? isoDate(fullYear(m[3]!), month, Number(m[1])) : null;
  }
  m = /^([a-z]{3,9}\.?) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/i.exec(v);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? isoDate(Number(m[3]), month, Number(m[2])) : null;
  }
  return null;
}

/** "30", "30.5", "30 hrs", "30 hours", "30,5" to a number of hours; null when it is not one. */
export function parseHours(value: string): number | null {
  const m = /^(?:up to |approx\.? |about |c\.? ?)?(\d{1,4}(?:[.,]\d{1,2})?)\s*(h|hr|hrs|hour|hours)?\.?$/i.exec(value.trim());
  if (!m) return null;
  const hours = Number(m[1]!.replace(',', '.'));
  return Number.isFinite(hours) ? hours : null;
}

/** How funders are written, to the schema's options. Null for an empty value; 'other' for one not recognised. */
export function parseFunding(value: string): FundingValue | null {
  const v = value.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/['’]/g, '').trim();
  if (!v) return null;
  if (/\b(access to work|atw)\b/.test(v)) return 'access-to-work';
  if (/\b(dsa|disabled students? allowances?|student finance|sfe|saas|sfw|sfni|student awards agency|nhs dsa|nhs bursary)\b/.test(v)) return 'dsa';
  if (/\bself\b|self[- ]funded|\bprivate(ly)?\b/.test(v)) return 'self-funded';
  if (/\b(institution|university|college|internal|school|faculty|department)\b/.test(v)) return 'institution';
  return 'other';
}

/** "2", "2nd", "second year", "Year 2" all become "Year 2"; anything else is kept as written. */
export function normaliseYearOfStudy(value: string): string {
  const v = value.trim().replace(/\s+/g, ' ');
  const words: Record<string, number> = { first: 1, one: 1, second: 2, two: 2, third: 3, three: 3, fourth: 4, four: 4, fifth: 5, five: 5, sixth: 6, six: 6 };
  let m = /^(?:year |yr |y)?(\d)(?:st|nd|rd|th)?(?: year)?$/i.exec(v);
  if (m) return `Year ${m[1]}`;
  m = /^(?:year )?(first|second|third|fourth|fifth|sixth|one|two|three|four|five|six)(?: year)?$/i.exec(v);
  if (m) return `Year ${words[m[1]!.toLowerCase()]}`;
  if (/^final( year)?$/i.test(v)) return 'Final year';
  if (/^foundation( year)?$/i.test(v)) return 'Foundation year';
  return v;
}

/**
 * A phone number as spreadsheets mangle it: Excel drops the leading 0 of "07700 900123" and the
 * "+" of "+44…" when it treats the cell as a number. Restores them only when that gives a real number.
 */
export function repairPhone(value: string): string {
  const v = value.trim();
  // A UK number is 11 digits with its leading 0; 10 digits starting 1–9 is one that lost it.
  if (/^[1-9]\d{9}$/.test(v) && isValidPhone(`0${v}`)) return `0${v}`;
  if (/^44\d{10}$/.test(v) && isValidPhone(`+${v}`)) return `+${v}`;
  return v;
}

function parsePreferredContact(value: string): 'email' | 'phone' | 'text' | null {
  const v = value.trim().toLowerCase();
  if (/^e-?mail/.test(v)) return 'email';
  if (/^(text|sms|text message|whatsapp)/.test(v)) return 'text';
  if (/^(phone|telephone|call|mobile|tel)/.test(v)) return 'phone';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Checking rows

export type DraftParseResult<D> =
  | { success: true; data: D }
  | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };

export interface RowCheck<D> {
  good: { row: number; draft: D }[];
  bad: { row: number; reasons: string[] }[];
}

const fieldLabelOfPath: Record<string, string> = {
  fullName: 'Full name',
  preferredName: 'Preferred name',
  pronouns: 'Pronouns',
  studentNumber: 'Student number',
  institution: 'Institution',
  course: 'Course',
  yearOfStudy: 'Year of study',
  funding: 'Funding',
  allocatedHours: 'Hours',
  hoursDeadline: 'Hours deadline',
  supportNeeds: 'Support needs',
  email: 'Email',
  phone: 'Phone',
  preferredContact: 'Preferred contact',
  'emergencyContact.name': 'Emergency contact name',
  'emergencyContact.relationship': 'Emergency contact relationship',
  'emergencyContact.phone': 'Emergency contact phone',
  emergencyContact: 'Emergency contact',
  mentorNotes: 'Notes',
};

function labelOfPath(path: ReadonlyArray<PropertyKey>): string {
  const key = path.map(String).join('.');
  return fieldLabelOfPath[key] ?? (key || 'Row');
}

const quote = (s: string) => `“${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;

/**
 * Checks every row against the student schema (`parseDraft`, e.g. `(input) => StudentDraft.safeParse(input)`).
 * Row numbers are as a spreadsheet shows them: the headings are row 1, the first student row 2.
 * Blank rows are skipped. A student number or email seen on an earlier row makes the later row bad.
 */
export function validateRows<D>(
  rows: string[][],
  columns: string[],
  mapping: ColumnMapping,
  parseDraft: (input: unknown) => DraftParseResult<D>,
): RowCheck<D> {
  const good: RowCheck<D>['good'] = [];
  const bad: RowCheck<D>['bad'] = [];
  const fieldColumns = columns.map((column) => mapping[column] ?? '');
  const seenNumbers = new Map<string, number>();
  const seenEmails = new Map<string, number>();

  rows.forEach((cells, index) => {
    const row = index + 2;
    if (isBlankRow(cells)) return;
    const reasons: string[] = [];
    // Fields whose value we could not read: the schema's own message for them would only repeat ours, less clearly.
    const unreadable = new Set<string>();
    const value: Partial<Record<StudentField, string>> = {};
    fieldColumns.forEach((field, i) => {
      const cell = (cells[i] ?? '').trim();
      if (field && cell && value[field] === undefined) value[field] = cell;
    });
    const extra = cells.slice(columns.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      reasons.push(
        `row ${row}: has more values than there are column headings, so the values may have shifted columns. A value probably contains a comma without quotes; fix the row in a spreadsheet and export it again.`,
      );
    }

    const input: Record<string, unknown> = {};
    const fullName = value.fullName ?? [value.firstName, value.middleName, value.lastName].filter(Boolean).join(' ');
    input.fullName = fullName;
    for (const field of ['preferredName', 'pronouns', 'studentNumber', 'institution', 'course', 'supportNeeds', 'email', 'mentorNotes'] as const) {
      if (value[field] !== undefined) input[field] = value[field];
    }
    if (value.yearOfStudy !== undefined) input.yearOfStudy = normaliseYearOfStudy(value.yearOfStudy);
    if (value.phone !== undefined) input.phone = repairPhone(value.phone);
    if (value.allocatedHours !== undefined) {
      const hours = parseHours(value.allocatedHours);
      if (hours === null) {
        unreadable.add('allocatedHours');
        reasons.push(`row ${row}: Hours: ${quote(value.allocatedHours)} is not a number of hours. Write it like 30 or 30.5.`);
      }
      input.allocatedHours = hours;
    }
    if (value.hoursDeadline !== undefined) {
      const date = parseUkDate(value.hoursDeadline);
      if (date === null) {
        unreadable.add('hoursDeadline');
        reasons.push(`row ${row}: Hours deadline: ${quote(value.hoursDeadline)} is not a date. Write it like 31/07/2027.`);
      }
      input.hoursDeadline = date ?? '';
    }
    if (value.funding !== undefined) input.funding = parseFunding(value.funding) ?? undefined;
    if (value.preferredContact !== undefined) {
      const contact = parsePreferredContact(value.preferredContact);
      if (contact) input.preferredContact = contact;
    }
    if (value.emergencyContactName !== undefined || value.emergencyContactRelationship !== undefined || value.emergencyContactPhone !== undefined) {
      const phone = value.emergencyContactPhone ?? '';
      input.emergencyContact = {
        name: value.emergencyContactName ?? '',
        relationship: value.emergencyContactRelationship ?? '',
        phone: repairPhone(phone),
      };
    }
    for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];

    const numberKey = (value.studentNumber ?? '').replace(/\s+/g, '').toLowerCase();
    if (numberKey) {
      const first = seenNumbers.get(numberKey);
      if (first !== undefined) reasons.push(`row ${row}: Student number ${value.studentNumber} is also on row ${first}. Is this the same student twice?`);
      else seenNumbers.set(numberKey, row);
    }
    const emailKey = (value.email ?? '').toLowerCase();
    if (emailKey) {
      const first = seenEmails.get(emailKey);
      if (first !== undefined) reasons.push(`row ${row}: Email ${value.email} is also on row ${first}. Is this the same student twice?`);
      else seenEmails.set(emailKey, row);
    }

    const parsed = parseDraft(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (unreadable.has(String(issue.path[0]))) continue;
        reasons.push(`row ${row}: ${labelOfPath(issue.path)}: ${issue.message}`);
      }
    }
    if (reasons.length > 0 || !parsed.success) bad.push({ row, reasons });
    else good.push({ row, draft: parsed.data });
  });
  return { good, bad };
}
