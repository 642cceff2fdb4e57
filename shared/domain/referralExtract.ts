import { normaliseYearOfStudy, parseFunding, parseUkDate, type FundingValue } from './csvImport';
import { isValidPhone } from './phone';

/**
 * Reads a pasted referral email (from a provider office, a university disability service, a needs
 * assessor…) and picks out what it can for the mentor to confirm. It guesses; it never decides:
 * every value comes with the line it was read from and how sure the guess is.
 *
 * The hard part is telling the student's details from everyone else's: the sender's address in
 * forwarded headers, the office's phone in a signature, the referrer's or emergency contact's
 * details in their own section. Labelled lines are trusted most; loose text only fills gaps.
 */

export interface ReferralFields {
  fullName: string;
  preferredName: string;
  pronouns: string;
  email: string;
  phone: string;
  studentNumber: string;
  institution: string;
  course: string;
  yearOfStudy: string;
  allocatedHours: number;
  /** YYYY-MM-DD */
  hoursDeadline: string;
  funding: FundingValue;
  supportNeeds: string;
}
export type ReferralField = keyof ReferralFields;
export type ReferralConfidence = 'high' | 'medium';
export type ReferralFinding = {
  [K in ReferralField]: { field: K; value: ReferralFields[K]; line: number; confidence: ReferralConfidence };
}[ReferralField];

export interface ReferralExtraction {
  fields: Partial<ReferralFields>;
  /** What was taken, in the order of the pasted text; `line` is 1-based. */
  found: ReferralFinding[];
  /** Things the mentor should check, in plain words. */
  warnings: string[];
}

/** Longer pastes are cut: a referral is a page or two, and the rules stay fast on hostile input. */
export const MAX_REFERRAL_CHARS = 100_000;
const MAX_LINE_CHARS = 2_000;

const fieldLabels: Record<ReferralField, string> = {
  fullName: 'name',
  preferredName: 'preferred name',
  pronouns: 'pronouns',
  email: 'email',
  phone: 'phone number',
  studentNumber: 'student number',
  institution: 'institution',
  course: 'course',
  yearOfStudy: 'year of study',
  allocatedHours: 'hours',
  hoursDeadline: 'hours deadline',
  funding: 'funding',
  supportNeeds: 'support needs',
};
const MAX_LENGTH: Partial<Record<ReferralField, number>> = {
  fullName: 160,
  preferredName: 80,
  pronouns: 40,
  studentNumber: 40,
  institution: 160,
  course: 160,
  yearOfStudy: 40,
  supportNeeds: 4000,
};

// ---------------------------------------------------------------------------------------------
// Labels

type LabelKind = ReferralField | 'firstName' | 'lastName' | 'contact' | 'courseYear' | 'other';
interface Label {
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

function normaliseLabel(raw: string): string {
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
function classifyLabel(raw: string): Label | null {
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
const GENERIC = new Set<LabelKind>(['fullName', 'firstName', 'lastName', 'preferredName', 'pronouns', 'email', 'phone', 'contact', 'institution']);
const CONTACT_KINDS = new Set<LabelKind>(['email', 'phone', 'contact']);

// ---------------------------------------------------------------------------------------------
// Lines

const HEADER = /^(from|sent|to|cc|bcc|date|subject|reply-to|importance)\s*:\s*(.*)$/i;
const FORWARD_MARKER = /^(-{2,}\s*(original message|forwarded message)\s*-{2,}|begin forwarded message:?|on .{5,120} wrote:|_{8,})$/i;
const SIGN_OFF =
  /^((kind(est)?|best|warm(est)?|many|with (best|kind))\s+(regards|wishes|thanks)|regards|thanks|thank you|many thanks|cheers|best|all the best|yours (sincerely|faithfully)|sincerely|take care|speak soon|--)[\s,.!]*$/i;
const STUDENT_HEADING = /^(the )?(student|mentee|client|personal)( s)?( details| information| info| contact details| particulars)?$|^about the (student|mentee)$/;
const BULLET = /^\s*(?:[-*•·▪◦‣–]|\d{1,2}[.)])\s+/;
const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+'’-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}/g;
/** Shared mailboxes ("disability.services@…", "referrals@…") are an office's, never a student's. */
const ROLE_ADDRESS = /^(no-?reply|donotreply|disability|disabilities|disabilityservices?|dsa|referrals?|mentoring|admin|info|enquiries|office|support|studentsupport|wellbeing|accessibility|inclusion|team|hello|contact)([._-].*)?$/i;
const PHONE_RUN = /\+?\(?\d[\d ()\-.]{6,20}\d/g;

interface Line {
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
function splitInlinePairs(entry: { label: Label; text: string; value: string }): { label: Label; text: string; value: string }[] {
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

// ---------------------------------------------------------------------------------------------
// Values

interface Candidate<K extends ReferralField = ReferralField> {
  field: K;
  value: ReferralFields[K];
  line: number;
  /** 3: labelled as the student's; 2: labelled; 1: read from loose text. */
  priority: 1 | 2 | 3;
  confidence: ReferralConfidence;
  warning?: string;
}

const NAME_PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'bin', 'binti', 'al', 'el', 'ap', 'y', 'ten', 'ter']);
const NOT_NAME_WORDS =
  /\b(referral|refer|mentoring|mentor|support|specialist|dsa|new|student|urgent|request|allocation|hours|study|skills|nmh|needs|assessment|university|college|re|fw|fwd|update|confidential|access|work|the|and|for|information|details|form|week|dear|hi|hello|team|service|services|office|disability|allowance|funding|course|year|thanks|regards|please|attached|draft)\b/i;

function looksLikeName(s: string, strict: boolean): boolean {
  if (s.length < 2 || s.length > 80) return false;
  if (!/^[\p{L}][\p{L}\p{M}'’.\- ]*[\p{L}\p{M}.]$/u.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 6) return false;
  if (!strict) return true;
  if (words.length < 2 || words.length > 5) return false;
  if (NOT_NAME_WORDS.test(s)) return false;
  return words.every((w) => NAME_PARTICLES.has(w.toLowerCase()) || /^[\p{Lu}]/u.test(w) || /^(o|d|l)['’]/i.test(w));
}

function titleCase(word: string): string {
  return word
    .toLowerCase()
    .replace(/(^|['’\-.])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/^Mc(\p{L})/u, (_, ch: string) => `Mc${ch.toUpperCase()}`);
}

interface CleanName {
  name: string;
  preferred?: string;
  pronouns?: string;
  studentNumber?: string;
  recased: boolean;
}

const ID_LIKE = /^[A-Za-z]{0,3}[-/]?\d{4,12}[A-Za-z]?$/;

/** A name as written in a referral, with any "(known as …)", "(she/her)" or ID around it taken off. */
function cleanName(raw: string, strict: boolean): CleanName | null {
  let s = raw.trim();
  const extra: Omit<CleanName, 'name' | 'recased'> = {};
  s = s.replace(/\(([^)]{0,60})\)/g, (_, inner: string) => {
    const v = inner.trim();
    const pronouns = /^(she|he|they|ze|xe|zie|any)\s*\/\s*[a-z]+(\s*\/\s*[a-z]+)?$/i.exec(v);
    const preferred = /^(?:known as|prefers?(?: to be called)?|preferred(?: name)?:?|goes by|aka|likes to be called)\s+['"“‘]?(.+?)['"”’]?$/i.exec(v);
    if (pronouns) extra.pronouns = v.replace(/\s+/g, '');
    else if (preferred) extra.preferred = preferred[1]!.trim();
    else if (ID_LIKE.test(v)) extra.studentNumber = v;
    return ' ';
  });
  s = s.replace(/\s+["“]([^"”]{1,30})["”]\s+/, (_, nick: string) => {
    extra.preferred ??= nick.trim();
    return ' ';
  });
  s = s.replace(/\s+/g, ' ').trim();
  // "Jane Smith – 2nd year BSc", "Jane Smith, U1234567": keep the name.
  const tail = /^(.*?)\s*(?:\s[-–—]\s|,\s*)(.*)$/.exec(s);
  if (tail && looksLikeName(tail[1]!, false)) {
    const [, head, rest] = tail as unknown as [string, string, string];
    if (ID_LIKE.test(rest)) {
      extra.studentNumber ??= rest;
      s = head;
    } else if (s.includes(',') && looksLikeName(rest, false) && (head.split(' ').length === 1 || head === head.toUpperCase())) {
      s = `${rest} ${head}`; // "SMITH, Jane" or "Smith, Jane"
    } else {
      s = head;
    }
  }
  s = s.replace(/^(mr|mrs|ms|miss|mx|dr|prof)\.?\s+/i, '');
  if (!looksLikeName(s, strict)) return null;
  let recased = false;
  const words = s.split(' ').map((w) => {
    if (w.length > 1 && w === w.toUpperCase() && /\p{Lu}/u.test(w)) {
      recased = true;
      return titleCase(w);
    }
    return w;
  });
  return { name: words.join(' '), recased, ...extra };
}

const DATE_IN_TEXT = new RegExp(
  [
    String.raw`\b\d{4}-\d{1,2}-\d{1,2}\b`,
    String.raw`\b\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?(?:\d{4}|\d{2})\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?(?: of)?[ -][A-Za-z]{3,9}\.?,?[ -](?:\d{4}|\d{2})\b`,
    String.raw`\b[A-Za-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b`,
  ].join('|'),
  'g',
);
const DATE_LIKE = new RegExp(DATE_IN_TEXT.source);
const MONTH_YEAR = /\b(?:(end|close) of )?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?) (\d{4})\b/i;

type DateFind = { iso: string; approximate: boolean } | { invalid: string } | null;

/** The first date in a piece of text; "end of July 2027" is read as the last day of that month. */
function findDate(text: string): DateFind {
  DATE_IN_TEXT.lastIndex = 0;
  for (let m = DATE_IN_TEXT.exec(text); m; m = DATE_IN_TEXT.exec(text)) {
    const iso = parseUkDate(m[0]);
    if (iso) return { iso, approximate: false };
    // "Friday 31 July" without a year, or a day that does not exist.
    if (/\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]/.test(m[0]) || /\d{4}/.test(m[0])) return { invalid: m[0] };
  }
  const my = MONTH_YEAR.exec(text);
  if (my) {
    const month = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(my[2]!.slice(0, 3).toLowerCase()) + 1;
    const year = Number(my[3]);
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (month > 0) return { iso: `${year}-${String(month).padStart(2, '0')}-${lastDay}`, approximate: true };
  }
  return null;
}

type HoursFind = { hours: number } | { problem: string } | null;

/** "30 hours", "30", "up to 30.5 hrs (£… per hour)"; a range or a weekly figure is left to the mentor. */
function findHours(value: string): HoursFind {
  const v = value.replace(/£\s?\d[\d,.]*/g, ' ');
  if (/\b\d+(?:\.\d+)?\s*(?:-|–|to)\s*\d+(?:\.\d+)?\s*(?:hours|hrs)\b/i.test(v)) return { problem: 'range' };
  const withUnit = /(?<![\d./])(\d{1,4}(?:\.\d{1,2})?)\s*(?:hours|hrs|hr|h)\b(?!\s*(?:per|a|each|every)\s+(?:week|fortnight|month|session))/i.exec(v);
  if (withUnit) return { hours: Number(withUnit[1]) };
  if (/\bper\s+(week|fortnight|month|session)\b/i.test(v)) return { problem: 'weekly' };
  const bare = /^\s*(?:up to |approx\.? |about )?(\d{1,4}(?:\.\d{1,2})?)(?![\d/.-])/i.exec(v);
  if (bare) return { hours: Number(bare[1]) };
  return null;
}

/**
 * isValidPhone accepts any number of a possible length; a UK mobile is always 11 digits, so a
 * 10-digit "07…" in a referral is a typo to flag, not a number to keep.
 */
function isPlausiblePhone(candidate: string): boolean {
  if (!isValidPhone(candidate)) return false;
  const digits = candidate.replace(/\D/g, '');
  const national = candidate.trim().startsWith('+44') ? `0${digits.slice(2)}` : digits;
  return !national.startsWith('07') || national.length === 11;
}

function findPhones(text: string): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const m of text.matchAll(PHONE_RUN)) {
    const candidate = m[0].trim();
    if (DATE_LIKE.test(candidate)) continue;
    if (isPlausiblePhone(candidate)) valid.push(candidate.replace(/\s+/g, ' '));
    else if (candidate.replace(/\D/g, '').length >= 9) invalid.push(candidate);
  }
  return { valid, invalid };
}

function findEmails(text: string): string[] {
  if (!text.includes('@')) return [];
  const found: string[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const email = m[0].replace(/[.’']+$/, '');
    if (!found.some((f) => f.toLowerCase() === email.toLowerCase())) found.push(email);
  }
  return found;
}

function findStudentNumber(value: string): string | null {
  const m = /(?<![\p{L}\d])([A-Za-z]{0,4}[-/]?\d[A-Za-z0-9/-]{2,30})(?![\p{L}\d])/u.exec(value);
  return m ? m[1]! : null;
}

const COURSE_YEAR_TAIL =
  /^(.*?)[\s,;(–—-]+((?:year|yr)\s*\d|\d(?:st|nd|rd|th)\s+year|(?:first|second|third|fourth|final|foundation|placement)\s+year|level\s*\d)\)?\s*$/i;

// ---------------------------------------------------------------------------------------------
// Reading the text

interface State {
  candidates: Candidate[];
  warnings: string[];
  excludedEmails: Set<string>;
  fromEmails: Set<string>;
  needs: { label: string; text: string; line: number }[];
}

function add<K extends ReferralField>(state: State, candidate: Candidate<K>) {
  const max = MAX_LENGTH[candidate.field];
  if (typeof candidate.value === 'string') {
    if (!candidate.value.trim()) return;
    if (max && candidate.value.length > max) return;
  }
  state.candidates.push(candidate as unknown as Candidate);
}

function labelPriority(line: Line, label: Label): 0 | 2 | 3 {
  if (label.student) return 3;
  if (!GENERIC.has(label.kind)) return 2;
  if (line.inSignature || line.section === 'other') return 0;
  if (line.section === 'otherSoft' && CONTACT_KINDS.has(label.kind)) return 0;
  return 2;
}

/** Takes one labelled value ("Student name: Jane Smith") into candidates. */
function readLabelled(state: State, line: number, kind: LabelKind, value: string, priority: 2 | 3, labelText: string) {
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

function readLines(text: string): Line[] {
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

/** Values in tab-separated lines: "Name<TAB>Jane Smith", or a heading row with a row of values under it. */
function readTabbed(state: State, lines: Line[]) {
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
function readLabelledLines(state: State, lines: Line[]) {
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

function readLooseText(state: State, lines: Line[]) {
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

// ---------------------------------------------------------------------------------------------
// Choosing

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
