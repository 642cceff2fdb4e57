import { parseUkDate } from '../csvImport/values';
import { isValidPhone } from '../phone';

/** Picking names, emails, phones, student numbers, hours and dates out of a value as referrals write them. */

const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+'’-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}/g;
/** Shared mailboxes ("disability.services@…", "referrals@…") are an office's, never a student's. */
export const ROLE_ADDRESS = /^(no-?reply|donotreply|disability|disabilities|disabilityservices?|dsa|referrals?|mentoring|admin|info|enquiries|office|support|studentsupport|wellbeing|accessibility|inclusion|team|hello|contact)([._-].*)?$/i;
const PHONE_RUN = /\+?\(?\d[\d ()\-.]{6,20}\d/g;

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

export const ID_LIKE = /^[A-Za-z]{0,3}[-/]?\d{4,12}[A-Za-z]?$/;

/** A name as written in a referral, with any "(known as …)", "(she/her)" or ID around it taken off. */
export function cleanName(raw: string, strict: boolean): CleanName | null {
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
export function findDate(text: string): DateFind {
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
export function findHours(value: string): HoursFind {
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

export function findPhones(text: string): { valid: string[]; invalid: string[] } {
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

export function findEmails(text: string): string[] {
  if (!text.includes('@')) return [];
  const found: string[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const email = m[0].replace(/[.’']+$/, '');
    if (!found.some((f) => f.toLowerCase() === email.toLowerCase())) found.push(email);
  }
  return found;
}

export function findStudentNumber(value: string): string | null {
  const m = /(?<![\p{L}\d])([A-Za-z]{0,4}[-/]?\d[A-Za-z0-9/-]{2,30})(?![\p{L}\d])/u.exec(value);
  return m ? m[1]! : null;
}

export const COURSE_YEAR_TAIL =
  /^(.*?)[\s,;(–—-]+((?:year|yr)\s*\d|\d(?:st|nd|rd|th)\s+year|(?:first|second|third|fourth|final|foundation|placement)\s+year|level\s*\d)\)?\s*$/i;
