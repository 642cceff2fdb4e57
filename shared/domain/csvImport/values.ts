import { isValidPhone } from '../phone';

/** Reading values as mentors and records systems write them. The referral extractor reads with these too. */

/** Mirrors the student schema's funding options; kept here so this module does not depend on the schema. */
export type FundingValue = 'dsa' | 'access-to-work' | 'institution' | 'self-funded' | 'other';

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

export function parsePreferredContact(value: string): 'email' | 'phone' | 'text' | null {
  const v = value.trim().toLowerCase();
  if (/^e-?mail/.test(v)) return 'email';
  if (/^(text|sms|text message|whatsapp)/.test(v)) return 'text';
  if (/^(phone|telephone|call|mobile|tel)/.test(v)) return 'phone';
  return null;
}
