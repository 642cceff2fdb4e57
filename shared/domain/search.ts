/**
 * Caseload search that forgives how names are typed: a mentor looking for "Zoë O’Connor" types
 * "zoe oconnor", and a phone number or student ID may be typed with or without its spaces.
 *
 * Build the searchable text once per record (`buildSearchText`) and test each query against it
 * (`matchesPrepared`); `matchesQuery` does both for one-off checks.
 */

/** Letters that NFD does not split into a base letter and a mark. */
const FOLDS: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ı: 'i',
  þ: 'th',
};
const FOLDABLE = /[łøæœßđðıþ]/g;
/** Apostrophes vanish, so "oconnor", "o'connor" and "O’Connor" all meet. */
const APOSTROPHES = /['’‘`´ʼ]/g;
const MARKS = /\p{M}/gu;
const WHITESPACE = /\s+/g;
const DIGIT_TOKEN = /^\+?\d+$/;

/** Lower case, without accents or apostrophes, with runs of whitespace collapsed to one space. */
export function normaliseForSearch(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(FOLDABLE, (c) => FOLDS[c] ?? c)
    .replace(APOSTROPHES, '')
    .replace(WHITESPACE, ' ')
    .trim();
}

/** Separates fields so a query word never matches across the end of one field and the start of the next. */
const FIELD_SEPARATOR = '\n';

/**
 * The text one record is searched by: each field normalised, plus a digits-only copy of any field
 * holding digits (so "07700900123" finds "07700 900123"), plus the national form of a +44 number.
 */
export function buildSearchText(fields: string[]): string {
  const parts: string[] = [];
  for (const field of fields) {
    const normalised = normaliseForSearch(field);
    if (!normalised) continue;
    parts.push(normalised);
    const digits = normalised.replace(/\D/g, '');
    if (digits && digits !== normalised) parts.push(digits);
    if (/^(\+|00) ?44/.test(normalised) && digits.length >= 11) {
      parts.push(`0${digits.slice(normalised.startsWith('00') ? 4 : 2)}`);
    }
  }
  return parts.join(FIELD_SEPARATOR);
}

/** The ways a query can be read: word by word, and with runs of number groups joined ("07700 900 123"). */
function queryReadings(query: string): string[][] {
  const words = normaliseForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return [[]];
  const readings = [words.map(toSearchWord)];
  const joined: string[] = [];
  for (const word of words) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && DIGIT_TOKEN.test(previous) && DIGIT_TOKEN.test(word)) {
      joined[joined.length - 1] = previous + word.replace('+', '');
    } else {
      joined.push(word);
    }
  }
  if (joined.length !== words.length) readings.push(joined.map(toSearchWord));
  return readings;
}

/** A number typed as +44 7700… is looked for as 07700…, its national form. */
function toSearchWord(word: string): string {
  if (DIGIT_TOKEN.test(word)) {
    const digits = word.replace('+', '');
    if (word.startsWith('+44') && digits.length >= 11) return `0${digits.slice(2)}`;
    return digits;
  }
  return word;
}

let lastQuery = '';
let lastReadings: string[][] = [[]];

/** True when every word of the query appears in the record's prepared text. An empty query matches everything. */
export function matchesPrepared(prepared: string, query: string): boolean {
  // Filtering a caseload asks the same query of every record: read it once.
  if (query !== lastQuery) {
    lastReadings = queryReadings(query);
    lastQuery = query;
  }
  return lastReadings.some((words) => words.every((word) => prepared.includes(word)));
}

/** One-off form of `buildSearchText` + `matchesPrepared`. */
export function matchesQuery(haystackFields: string[], query: string): boolean {
  return matchesPrepared(buildSearchText(haystackFields), query);
}
