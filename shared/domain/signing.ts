import { canonicalJson, contentHash } from './canonical';
import { Signature, signerRoleLabels, type ContentChange, type SignedRecord, type SignedVersion, type SignerRole } from '../schemas/signature';

/**
 * Signed means frozen. A signature covers the hash of one version's content. While nobody has
 * signed the current version it can be edited in place; once anyone has, an edit appends an
 * amendment that lists what changed and must be signed again, and the signed version stays as it
 * was. Every function here returns a new record and leaves its input untouched.
 */

export type SigningRefusal = {
  ok: false;
  reason: 'content-changed' | 'already-signed' | 'invalid-signature' | 'dated-in-future';
  message: string;
};
export type SigningResult<T> = { ok: true; record: SignedRecord<T> } | SigningRefusal;

/** How far a signature's time may run ahead of the backend's clock (the pad and the backend share one machine). */
export const SIGNED_AT_ALLOWANCE_MS = 60_000;

/** A new record whose first version holds `content`, unsigned. */
export function createSignedRecord<T>(content: T, now: number): SignedRecord<T> {
  const stored = normalise(content);
  return { versions: [{ content: stored, hash: contentHash(stored), signatures: [], createdAt: now, amends: null, changes: [] }] };
}

/** The version people see, edit and sign: always the last. */
export function currentVersion<T>(record: SignedRecord<T>): SignedVersion<T> {
  const version = record.versions[record.versions.length - 1];
  if (!version) throw new Error('A signed record has no versions');
  return version;
}

/** Anyone's signature freezes a version: from then on an edit makes an amendment. */
export function isFrozen(version: Pick<SignedVersion<unknown>, 'signatures'>): boolean {
  return version.signatures.length > 0;
}

/** Roles still to sign this version. */
export function missingRoles(version: Pick<SignedVersion<unknown>, 'signatures'>, requiredRoles: readonly SignerRole[]): SignerRole[] {
  return requiredRoles.filter((role) => !version.signatures.some((s) => s.role === role));
}

/** Everyone the document needs has signed this version. */
export function isComplete(version: Pick<SignedVersion<unknown>, 'signatures'>, requiredRoles: readonly SignerRole[]): boolean {
  return missingRoles(version, requiredRoles).length === 0;
}

/**
 * Adds a signature to the current version. Refused when the content the signer was shown is not
 * the current content (someone edited it meanwhile), when that role has already signed this
 * version, or when the signature itself is not valid (an empty pad, for one).
 */
export function sign<T>(record: SignedRecord<T>, signature: Signature, now: number): SigningResult<T> {
  const parsed = Signature.safeParse(signature);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid-signature', message: parsed.error.issues[0]?.message ?? 'The signature is not valid' };
  }
  const current = currentVersion(record);
  const hash = contentHash(current.content);
  if (parsed.data.contentHash !== hash || current.hash !== hash) {
    return {
      ok: false,
      reason: 'content-changed',
      message: 'The document changed after it was shown for signing: nothing was signed. Show the current version and sign again',
    };
  }
  if (current.signatures.some((s) => s.role === parsed.data.role)) {
    return {
      ok: false,
      reason: 'already-signed',
      message: `The ${signerRoleLabels[parsed.data.role].toLowerCase()} has already signed this version`,
    };
  }
  if (parsed.data.signedAt > now + SIGNED_AT_ALLOWANCE_MS) {
    return { ok: false, reason: 'dated-in-future', message: "The signature is dated in the future: check the computer's clock and sign again" };
  }
  const signed: SignedVersion<T> = { ...current, signatures: [...current.signatures, parsed.data] };
  return { ok: true, record: { versions: [...record.versions.slice(0, -1), signed] } };
}

/**
 * Applies new content. An unsigned current version is replaced in place (new hash). A signed one
 * stays as it is and gains an amendment after it, listing what changed, with no signatures yet.
 * Editing an unsigned amendment back to what its signed version says withdraws the amendment; an
 * edit that changes nothing returns the record as it was.
 */
export function edit<T>(record: SignedRecord<T>, newContent: T, now: number): SignedRecord<T> {
  const content = normalise(newContent);
  const hash = contentHash(content);
  const lastIndex = record.versions.length - 1;
  const current = currentVersion(record);
  if (hash === current.hash) return record;

  if (isFrozen(current)) {
    const amendment: SignedVersion<T> = { content, hash, signatures: [], createdAt: now, amends: lastIndex, changes: diffContent(current.content, content) };
    return { versions: [...record.versions, amendment] };
  }
  const earlier = record.versions.slice(0, -1);
  if (current.amends === null) return { versions: [{ ...current, content, hash }] };
  const amended = record.versions[current.amends];
  if (!amended) throw new Error(`Version ${lastIndex + 1} amends a version that does not exist`);
  const changes = diffContent(amended.content, content);
  if (changes.length === 0) return { versions: earlier };
  return { versions: [...earlier, { ...current, content, hash, changes }] };
}

/**
 * Every field that differs between two contents, as dotted paths ("goals.0.targetDate"). Objects
 * are compared key by key and arrays item by item (so an item inserted near the front shows the
 * items after it as changed). A field present on one side only has no `old` or no `new`.
 */
export function diffContent(a: unknown, b: unknown): ContentChange[] {
  const changes: ContentChange[] = [];
  diffInto(normalise(a) as Json, normalise(b) as Json, '', changes);
  return changes;
}

/** Versions whose stored content no longer hashes to the hash their signatures cover (edited outside the app). */
export function verifyRecordIntegrity(record: SignedRecord<unknown>): string[] {
  return record.versions.flatMap((version, index) =>
    contentHash(version.content) === version.hash ? [] : [`Version ${index + 1} no longer matches the content its signatures cover`],
  );
}

/**
 * A timesheet is signed after the session, not before: returns why signing is refused when `now`
 * is before `earliest` (the session's recorded end), or null when signing may go ahead. Times are
 * shown in `timeZone` (the computer's own when not given), with the date when it is another day.
 */
export function maySignAfter(now: number, earliest: number, timeZone?: string): string | null {
  if (now >= earliest) return null;
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(earliest);
  const day = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone });
  const when = day.format(now) === day.format(earliest) ? time : `${time} on ${day.format(earliest)}`;
  return `The student cannot sign before the session's recorded end time (${when})`;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The content exactly as it is hashed: a JSON copy without undefined fields (and never shared with the caller). */
function normalise<T>(content: T): T {
  return JSON.parse(canonicalJson(content)) as T;
}

function diffInto(a: Json, b: Json, path: string, out: ContentChange[]): void {
  if (a === b) return;
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const at = path === '' ? key : `${path}.${key}`;
      if (!Object.hasOwn(a, key)) out.push({ path: at, new: b[key] as Json });
      else if (!Object.hasOwn(b, key)) out.push({ path: at, old: a[key] as Json });
      else diffInto(a[key] as Json, b[key] as Json, at, out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
      const at = path === '' ? String(i) : `${path}.${i}`;
      if (i >= a.length) out.push({ path: at, new: b[i] as Json });
      else if (i >= b.length) out.push({ path: at, old: a[i] as Json });
      else diffInto(a[i] as Json, b[i] as Json, at, out);
    }
    return;
  }
  out.push({ path, old: a, new: b });
}

function isObject(value: Json): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
