import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '../../../shared/domain/canonical';
import {
  createSignedRecord,
  currentVersion,
  diffContent,
  edit,
  isComplete,
  isFrozen,
  maySignAfter,
  missingRoles,
  sign,
  verifyRecordIntegrity,
  type SigningResult,
} from '../../../shared/domain/signing';
import { Signature, signedRecordSchema, type SignedRecord, type SignerRole } from '../../../shared/schemas/signature';
import { z } from 'zod';

const created = Date.UTC(2026, 10, 23, 9, 15); // Monday 23 November 2026, 09:15 UTC
const MINUTE = 60_000;

type LearningPlan = { studentRef: string; goals: { title: string; targetDate: string }[]; notes?: string };
const plan: LearningPlan = {
  studentRef: 'S-0042',
  goals: [
    { title: 'Plan essay deadlines in a weekly planner', targetDate: '2026-12-04' },
    { title: 'Ask the library about a quiet study room', targetDate: '2027-01-15' },
  ],
  notes: 'Weekly sessions on Tuesdays',
};
const LearningPlanSchema = z.strictObject({
  studentRef: z.string(),
  goals: z.array(z.strictObject({ title: z.string(), targetDate: z.string() })),
  notes: z.string().optional(),
});

function signature(role: SignerRole, hash: string, overrides: Partial<Signature> = {}): Signature {
  return {
    role,
    signerName: role === 'student' ? 'Sam Student' : 'Morgan Mentor',
    signedAt: created + MINUTE,
    contentHash: hash,
    strokes: [[{ x: 10, y: 40 }, { x: 30, y: 20 }, { x: 60, y: 45 }], [{ x: 70, y: 30 }]],
    width: 400,
    height: 160,
    ...overrides,
  };
}

function signed<T>(result: SigningResult<T>): SignedRecord<T> {
  if (!result.ok) throw new Error(`expected the signature to be accepted, was refused: ${result.message}`);
  return result.record;
}

function signedByBoth(record: SignedRecord<LearningPlan>): SignedRecord<LearningPlan> {
  const hash = currentVersion(record).hash;
  const bySam = signed(sign(record, signature('student', hash), created + 11 * MINUTE));
  return signed(sign(bySam, signature('mentor', hash), created + 12 * MINUTE));
}

describe('canonical JSON and the content hash', () => {
  it('gives the same text and hash whatever order the keys were set in, at every depth', () => {
    const a = { b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'x' } };
    const b = { a: { c: 'x', d: [1, { x: 1, y: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[1,{"x":1,"y":2}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(contentHash(b)).toBe(contentHash(a));
  });

  it('matches an independent SHA-256 of {"a":1}', () => {
    expect(canonicalJson({ a: 1 })).toBe('{"a":1}');
    expect(contentHash({ a: 1 })).toBe(createHash('sha256').update('{"a":1}', 'utf8').digest('hex'));
  });

  it('hashes text as UTF-8, so names with accents and emoji hash as any other tool would', () => {
    const value = { name: 'Zoë Ó Súilleabháin 👋', note: 'line\nbreak "quoted"' };
    expect(contentHash(value)).toBe(createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex'));
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('changes when any nested value changes, however small', () => {
    const base = contentHash(plan);
    const variants: unknown[] = [
      { ...plan, studentRef: 'S-0043' },
      { ...plan, notes: 'Weekly sessions on Tuesdays ' },
      { ...plan, notes: undefined },
      { ...plan, goals: [{ ...plan.goals[0], targetDate: '2026-12-05' }, plan.goals[1]] },
      { ...plan, goals: [plan.goals[1], plan.goals[0]] },
      { ...plan, goals: [plan.goals[0]] },
      { ...plan, extra: null },
      { ...plan, goals: [...plan.goals, { title: '', targetDate: '' }] },
    ];
    const hashes = variants.map((v) => contentHash(v));
    for (const hash of hashes) expect(hash).not.toBe(base);
    expect(new Set(hashes).size).toBe(variants.length);
  });

  it('tells numbers, strings, booleans and null apart', () => {
    const hashes = [1, '1', true, 'true', null, 'null', 0, -1, 1.5].map((value) => contentHash({ value }));
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('leaves out absent fields, so an optional field set to undefined hashes as if it were missing', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(contentHash({ a: 1, b: undefined })).toBe(contentHash({ a: 1 }));
  });

  it('writes numbers as JSON does (-0 is 0, 1e21 stays exponential)', () => {
    expect(canonicalJson([-0, 1e21, 0.1, 100])).toBe('[0,1e+21,0.1,100]');
  });

  it('refuses what JSON would silently change: NaN, Infinity, functions, symbols, bigints, undefined in a list, dates, maps and loops', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    const refused: unknown[] = [
      { a: Number.NaN },
      { a: Number.POSITIVE_INFINITY },
      { a: { b: [Number.NEGATIVE_INFINITY] } },
      { a: () => 1 },
      { a: Symbol('x') },
      { a: 10n },
      [1, undefined],
      { when: new Date(created) },
      { m: new Map([['a', 1]]) },
      loop,
      undefined,
    ];
    for (const value of refused) expect(() => canonicalJson(value), String(value)).toThrow(TypeError);
    expect(() => canonicalJson({ goals: [{ targetDate: Number.NaN }] })).toThrow('"goals.0.targetDate"');
  });

  it('accepts the same object twice in one value (shared, not a loop)', () => {
    const goal = { title: 'x' };
    expect(canonicalJson({ a: goal, b: [goal] })).toBe('{"a":{"title":"x"},"b":[{"title":"x"}]}');
  });
});

describe('a signature', () => {
  const hash = contentHash(plan);

  it('is a vector drawing with a printed name, a role, a time and the hash it covers', () => {
    expect(Signature.safeParse(signature('student', hash)).success).toBe(true);
  });

  it('an empty pad is not a signature: no strokes, or only dots, are refused', () => {
    for (const strokes of [[], [[{ x: 10, y: 10 }]], [[{ x: 10, y: 10 }], [{ x: 20, y: 20 }]]]) {
      const result = Signature.safeParse(signature('student', hash, { strokes }));
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toContain('Draw a signature on the pad: an empty pad is not a signature');
    }
  });

  it('needs a printed name of 1 to 160 characters', () => {
    expect(Signature.safeParse(signature('student', hash, { signerName: '   ' })).success).toBe(false);
    expect(Signature.safeParse(signature('student', hash, { signerName: 'x'.repeat(161) })).success).toBe(false);
    expect(Signature.parse(signature('student', hash, { signerName: '  Sam Student ' })).signerName).toBe('Sam Student');
  });

  it('refuses points outside the pad, oversized drawings, bitmaps and anything unexpected', () => {
    const bad: unknown[] = [
      signature('student', hash, { strokes: [[{ x: 10, y: 10 }, { x: 401, y: 10 }]] }),
      signature('student', hash, { strokes: [[{ x: -1, y: 10 }, { x: 20, y: 10 }]] }),
      signature('student', hash, { strokes: [[{ x: 10, y: 10 }, { x: 20, y: Number.NaN }]] }),
      signature('student', hash, { strokes: Array.from({ length: 201 }, () => [{ x: 1, y: 1 }, { x: 2, y: 2 }]) }),
      signature('student', hash, { strokes: [Array.from({ length: 2001 }, (_, i) => ({ x: i / 10, y: 1 }))] }),
      signature('student', hash, { width: 0 }),
      signature('student', hash, { contentHash: 'abc' }),
      signature('student', hash, { contentHash: hash.toUpperCase() }),
      { ...signature('student', hash), image: 'data:image/png;base64,AAAA' },
      { ...signature('student', hash), strokes: [[{ x: 1, y: 1, time: 5 }, { x: 2, y: 2 }]] },
      { ...signature('student', hash), role: 'witness' },
    ];
    for (const value of bad) expect(Signature.safeParse(value).success).toBe(false);
  });
});

describe('signed means frozen', () => {
  it('signing freezes the record; an edit after signing makes an amendment that shows what changed and needs signing again; the original stays readable', () => {
    const draft = createSignedRecord(plan, created);
    expect(isFrozen(currentVersion(draft))).toBe(false);

    const agreed = signedByBoth(draft);
    const original = currentVersion(agreed);
    expect(isFrozen(original)).toBe(true);
    expect(isComplete(original, ['student', 'mentor'])).toBe(true);
    const originalAsSigned = structuredClone(original);

    const moved = { ...plan, goals: [{ ...plan.goals[0]!, targetDate: '2026-12-11' }, plan.goals[1]!] };
    const amended = edit(agreed, moved, created + 7 * 24 * 60 * MINUTE);

    expect(amended.versions).toHaveLength(2);
    const amendment = currentVersion(amended);
    expect(amendment.amends).toBe(0);
    expect(amendment.createdAt).toBe(created + 7 * 24 * 60 * MINUTE);
    expect(amendment.changes).toEqual([{ path: 'goals.0.targetDate', old: '2026-12-04', new: '2026-12-11' }]);
    expect(amendment.content).toEqual(moved);
    expect(amendment.hash).toBe(contentHash(moved));
    expect(amendment.signatures).toEqual([]);
    expect(isComplete(amendment, ['student', 'mentor'])).toBe(false);
    expect(missingRoles(amendment, ['student', 'mentor'])).toEqual(['student', 'mentor']);

    // The original: still there, still signed, still matching its hash, unchanged in every field.
    expect(amended.versions[0]).toEqual(originalAsSigned);
    expect(amended.versions[0]?.content.goals[0]?.targetDate).toBe('2026-12-04');
    expect(agreed.versions).toHaveLength(1);
    expect(verifyRecordIntegrity(amended)).toEqual([]);

    const reAgreed = signedByBoth(amended);
    expect(isComplete(currentVersion(reAgreed), ['student', 'mentor'])).toBe(true);
    expect(signedRecordSchema(LearningPlanSchema).safeParse(reAgreed).success).toBe(true);
  });

  it('a student who has signed freezes the record even before the mentor signs', () => {
    const draft = createSignedRecord(plan, created);
    const bySam = signed(sign(draft, signature('student', draft.versions[0]!.hash), created + MINUTE));
    expect(isFrozen(currentVersion(bySam))).toBe(true);
    expect(isComplete(currentVersion(bySam), ['student', 'mentor'])).toBe(false);
    expect(missingRoles(currentVersion(bySam), ['student', 'mentor'])).toEqual(['mentor']);

    const edited = edit(bySam, { ...plan, notes: 'Fortnightly sessions' }, created + 2 * MINUTE);
    expect(edited.versions).toHaveLength(2);
    expect(currentVersion(edited).changes).toEqual([{ path: 'notes', old: 'Weekly sessions on Tuesdays', new: 'Fortnightly sessions' }]);
  });

  it('an unsigned draft is edited in place: no amendment, a new hash', () => {
    const draft = createSignedRecord(plan, created);
    const edited = edit(draft, { ...plan, notes: 'Fortnightly' }, created + MINUTE);
    expect(edited.versions).toHaveLength(1);
    expect(currentVersion(edited).content.notes).toBe('Fortnightly');
    expect(currentVersion(edited).hash).toBe(contentHash({ ...plan, notes: 'Fortnightly' }));
    expect(currentVersion(edited).amends).toBeNull();
    expect(currentVersion(edited).changes).toEqual([]);
    expect(draft.versions[0]?.content.notes).toBe('Weekly sessions on Tuesdays');
  });

  it('editing an unsigned amendment again keeps one amendment, listing all changes since the signed version', () => {
    const agreed = signedByBoth(createSignedRecord(plan, created));
    const once = edit(agreed, { ...plan, notes: 'Fortnightly' }, created + 60 * MINUTE);
    const twice = edit(once, { ...plan, notes: 'Fortnightly', studentRef: 'S-0099' }, created + 61 * MINUTE);
    expect(twice.versions).toHaveLength(2);
    expect(currentVersion(twice).amends).toBe(0);
    expect(currentVersion(twice).changes).toEqual([
      { path: 'notes', old: 'Weekly sessions on Tuesdays', new: 'Fortnightly' },
      { path: 'studentRef', old: 'S-0042', new: 'S-0099' },
    ]);
  });

  it('an amendment edited back to what was signed is withdrawn, and an edit that changes nothing makes no amendment', () => {
    const agreed = signedByBoth(createSignedRecord(plan, created));
    expect(edit(agreed, structuredClone(plan), created + MINUTE)).toBe(agreed);
    const amended = edit(agreed, { ...plan, notes: 'Fortnightly' }, created + MINUTE);
    const undone = edit(amended, plan, created + 2 * MINUTE);
    expect(undone.versions).toHaveLength(1);
    expect(currentVersion(undone)).toEqual(currentVersion(agreed));
  });

  it('an amendment of an amendment points at the signed amendment, and every earlier version stays signed', () => {
    let record = signedByBoth(createSignedRecord(plan, created));
    record = signedByBoth(edit(record, { ...plan, notes: 'Second' }, created + 60 * MINUTE));
    record = edit(record, { ...plan, notes: 'Third' }, created + 120 * MINUTE);
    expect(record.versions.map((v) => v.amends)).toEqual([null, 0, 1]);
    expect(currentVersion(record).changes).toEqual([{ path: 'notes', old: 'Second', new: 'Third' }]);
    expect(record.versions.map((v) => v.content.notes)).toEqual(['Weekly sessions on Tuesdays', 'Second', 'Third']);
    expect(record.versions.map((v) => isComplete(v, ['student', 'mentor']))).toEqual([true, true, false]);
    expect(signedRecordSchema(LearningPlanSchema).safeParse(record).success).toBe(true);
  });

  it('stores exactly what was hashed: absent fields dropped, and later changes to the caller’s object do not reach the record', () => {
    const content: LearningPlan = { ...plan, notes: undefined, goals: plan.goals.map((g) => ({ ...g })) };
    const record = createSignedRecord(content, created);
    content.goals[0]!.title = 'Changed after saving';
    expect(currentVersion(record).content.goals[0]?.title).toBe('Plan essay deadlines in a weekly planner');
    expect('notes' in currentVersion(record).content).toBe(false);
    expect(currentVersion(record).hash).toBe(contentHash(currentVersion(record).content));
  });
});

describe('signing is refused', () => {
  it('when the document changed after it was shown for signing', () => {
    const draft = createSignedRecord(plan, created);
    const shownHash = currentVersion(draft).hash;
    const editedMeanwhile = edit(draft, { ...plan, notes: 'Edited on another screen' }, created + MINUTE);
    const result = sign(editedMeanwhile, signature('student', shownHash), created + 2 * MINUTE);
    expect(result).toMatchObject({ ok: false, reason: 'content-changed' });
    expect(!result.ok && result.message).toMatch(/^The document changed after it was shown for signing/);
    expect(currentVersion(editedMeanwhile).signatures).toEqual([]);
  });

  it('when a signed version was amended: a signature for the original does not sign the amendment', () => {
    const agreed = signedByBoth(createSignedRecord(plan, created));
    const amended = edit(agreed, { ...plan, notes: 'Fortnightly' }, created + 60 * MINUTE);
    const stale = sign(amended, signature('student', agreed.versions[0]!.hash), created + 61 * MINUTE);
    expect(stale).toMatchObject({ ok: false, reason: 'content-changed' });
  });

  it('when the same role signs the same version twice', () => {
    const draft = createSignedRecord(plan, created);
    const hash = currentVersion(draft).hash;
    const once = signed(sign(draft, signature('student', hash), created + MINUTE));
    const twice = sign(once, signature('student', hash, { signerName: 'Someone Else' }), created + 2 * MINUTE);
    expect(twice).toMatchObject({ ok: false, reason: 'already-signed', message: 'The student has already signed this version' });
    const mentorTwice = sign(signedByBoth(draft), signature('mentor', hash), created + 3 * MINUTE);
    expect(mentorTwice).toMatchObject({ ok: false, reason: 'already-signed', message: 'The mentor has already signed this version' });
  });

  it('when the pad was left empty', () => {
    const draft = createSignedRecord(plan, created);
    const result = sign(draft, signature('student', currentVersion(draft).hash, { strokes: [] }), created + MINUTE);
    expect(result).toMatchObject({ ok: false, reason: 'invalid-signature', message: 'Draw a signature on the pad: an empty pad is not a signature' });
  });

  it('when the signature is dated in the future', () => {
    const draft = createSignedRecord(plan, created);
    const result = sign(draft, signature('student', currentVersion(draft).hash, { signedAt: created + 10 * MINUTE }), created + 5 * MINUTE);
    expect(result).toMatchObject({ ok: false, reason: 'dated-in-future' });
  });

  it('when the stored content no longer matches its stored hash (edited outside the app)', () => {
    const draft = createSignedRecord(plan, created);
    const hash = currentVersion(draft).hash;
    const tampered: SignedRecord<LearningPlan> = { versions: [{ ...draft.versions[0]!, content: { ...plan, studentRef: 'S-9999' } }] };
    expect(sign(tampered, signature('student', hash), created + MINUTE)).toMatchObject({ ok: false, reason: 'content-changed' });
    expect(verifyRecordIntegrity(tampered)).toEqual(['Version 1 no longer matches the content its signatures cover']);
  });

  it('a refused signature leaves the record as it was', () => {
    const draft = createSignedRecord(plan, created);
    const before = structuredClone(draft);
    sign(draft, signature('student', '0'.repeat(64)), created + MINUTE);
    expect(draft).toEqual(before);
  });
});

describe('what changed', () => {
  it('lists each changed field by its path, with added and removed fields and list items', () => {
    const before = { a: 1, goals: [{ t: 'x', d: '2026-01-01' }], gone: 'bye', same: { deep: [1, 2] } };
    const after = { a: 2, goals: [{ t: 'x', d: '2026-02-01' }, { t: 'y', d: '2026-03-01' }], added: true, same: { deep: [1, 2] } };
    expect(diffContent(before, after)).toEqual([
      { path: 'a', old: 1, new: 2 },
      { path: 'added', new: true },
      { path: 'goals.0.d', old: '2026-01-01', new: '2026-02-01' },
      { path: 'goals.1', new: { t: 'y', d: '2026-03-01' } },
      { path: 'gone', old: 'bye' },
    ]);
    expect(diffContent(after, before)).toContainEqual({ path: 'goals.1', old: { t: 'y', d: '2026-03-01' } });
  });

  it('is empty when only the key order differs, or an absent field was written as undefined', () => {
    expect(diffContent({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1, e: undefined })).toEqual([]);
  });

  it('shows a field that changes kind (text to a list, a value to null) as one change', () => {
    expect(diffContent({ a: 'x', b: 1 }, { a: ['x'], b: null })).toEqual([
      { path: 'a', old: 'x', new: ['x'] },
      { path: 'b', old: 1, new: null },
    ]);
  });

  it('does not mistake inherited names such as "constructor" for fields', () => {
    expect(diffContent({}, { constructor: 'x' })).toEqual([{ path: 'constructor', new: 'x' }]);
  });
});

describe('a stored signed record', () => {
  const schema = signedRecordSchema(LearningPlanSchema);

  it('parses when well formed, and keeps no unknown keys', () => {
    const record = signedByBoth(createSignedRecord(plan, created));
    const parsed: SignedRecord<LearningPlan> = schema.parse(record);
    expect(parsed).toEqual(record);
    expect(schema.safeParse({ ...record, extra: 1 }).success).toBe(false);
    expect(schema.safeParse({ versions: [{ ...record.versions[0], extra: 1 }] }).success).toBe(false);
  });

  it('is refused when a signature covers another hash, a role signed twice, or the version chain is broken', () => {
    const record = signedByBoth(createSignedRecord(plan, created));
    const v0 = record.versions[0]!;
    const otherHash = contentHash({ other: true });
    const broken: unknown[] = [
      { versions: [] },
      { versions: [{ ...v0, signatures: [signature('student', otherHash)] }] },
      { versions: [{ ...v0, signatures: [signature('student', v0.hash), signature('student', v0.hash)] }] },
      { versions: [{ ...v0, amends: 0 }] },
      { versions: [{ ...v0, signatures: [] }, { ...v0, amends: 0, signatures: [] }] },
      { versions: [v0, { ...v0, amends: null, signatures: [] }] },
    ];
    for (const value of broken) expect(schema.safeParse(value).success).toBe(false);
  });
});

describe('a timesheet is signed after the session', () => {
  const end = Date.UTC(2026, 10, 23, 14, 30); // 14:30 in London (GMT in November)

  it('refuses the student before the recorded end time, naming that time', () => {
    expect(maySignAfter(end - MINUTE, end, 'Europe/London')).toBe("The student cannot sign before the session's recorded end time (14:30)");
  });

  it('allows signing from the end time on', () => {
    expect(maySignAfter(end, end, 'Europe/London')).toBeNull();
    expect(maySignAfter(end + 3 * 24 * 60 * MINUTE, end, 'Europe/London')).toBeNull();
  });

  it('names the date too when the session ends on another day', () => {
    expect(maySignAfter(end - 24 * 60 * MINUTE, end, 'Europe/London')).toBe(
      "The student cannot sign before the session's recorded end time (14:30 on 23/11/2026)",
    );
  });

  it('shows the time as the local clock reads it (British Summer Time)', () => {
    const summerEnd = Date.UTC(2026, 5, 10, 13, 30); // 14:30 BST
    expect(maySignAfter(summerEnd - MINUTE, summerEnd, 'Europe/London')).toContain('(14:30)');
  });
});
