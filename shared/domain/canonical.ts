import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * One text for one value, whoever builds it: object keys sorted, absent (undefined) properties
 * left out, numbers as JSON writes them. A signature covers the hash of this text, so two
 * records that hold the same data must give the same text whatever order their keys were set in.
 *
 * Anything JSON would silently change or drop is refused rather than hashed: NaN and Infinity
 * (JSON writes null), functions, symbols, bigints, undefined inside an array (JSON writes null),
 * and objects that are not plain (a Date, Map or class instance would lose or reshape its data).
 */
export function canonicalJson(value: unknown): string {
  return write(value, '', new Set());
}

/** Lower-case hex SHA-256 of the value's canonical JSON (UTF-8): what a signature covers. */
export function contentHash(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));
}

function write(value: unknown, path: string, open: Set<object>): string {
  const where = path === '' ? 'the value' : `"${path}"`;
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`Cannot hash ${where}: ${value} is not a finite number`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`Cannot hash ${where}: JSON has no form for a value of type ${typeof value}`);
  }
  const object = value as object;
  if (open.has(object)) throw new TypeError(`Cannot hash ${where}: it contains itself`);
  open.add(object);
  try {
    if (Array.isArray(object)) {
      const items = object.map((item: unknown, index) => {
        const at = join(path, String(index));
        if (item === undefined) throw new TypeError(`Cannot hash "${at}": an array may not hold undefined`);
        return write(item, at, open);
      });
      return `[${items.join(',')}]`;
    }
    const proto: unknown = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`Cannot hash ${where}: only plain objects, arrays, strings, numbers, booleans and null can be hashed`);
    }
    const record = object as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(record[key], join(path, key), open)}`);
    return `{${members.join(',')}}`;
  } finally {
    open.delete(object);
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
