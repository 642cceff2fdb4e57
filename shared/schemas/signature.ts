import { z } from 'zod';
import { Timestamp, requiredText } from './common';

/** Who may sign a record. A version carries at most one signature per role. */
export const SignerRole = z.enum(['student', 'mentor']);
export type SignerRole = z.infer<typeof SignerRole>;
export const signerRoleLabels: Record<SignerRole, string> = { student: 'Student', mentor: 'Mentor' };

/** Lower-case hex SHA-256 of a record's canonical JSON (see shared/domain/canonical.ts). */
export const ContentHash = z.string().regex(/^[0-9a-f]{64}$/, 'Not a content hash (64 lower-case hex characters)');

export const MAX_STROKES = 200;
export const MAX_POINTS_PER_STROKE = 2000;
/** Bigger than any screen a pad is drawn on; keeps hostile input from claiming a huge canvas. */
export const MAX_PAD_SIZE = 10_000;

/** A point on the pad in CSS pixels, from its top-left corner. */
export const StrokePoint = z.strictObject({ x: z.number(), y: z.number() });
export type StrokePoint = z.infer<typeof StrokePoint>;

const padSize = z.number().positive().max(MAX_PAD_SIZE);

/**
 * A drawn signature, kept as vector strokes (never a bitmap), so it stays small in the record and
 * sharp in a PDF. It covers one content hash: the version the signer was shown.
 */
export const Signature = z
  .strictObject({
    role: SignerRole,
    signerName: requiredText(160, 'Printed name'),
    signedAt: Timestamp,
    contentHash: ContentHash,
    strokes: z
      .array(z.array(StrokePoint).min(1).max(MAX_POINTS_PER_STROKE, `A stroke may hold at most ${MAX_POINTS_PER_STROKE} points`))
      .max(MAX_STROKES, `A signature may hold at most ${MAX_STROKES} strokes: clear the pad and sign again`),
    /** The pad's size in CSS pixels when it was signed: the strokes' coordinate space. */
    width: padSize,
    height: padSize,
  })
  .superRefine((signature, ctx) => {
    if (!signature.strokes.some((stroke) => stroke.length >= 2)) {
      ctx.addIssue({ code: 'custom', path: ['strokes'], message: 'Draw a signature on the pad: an empty pad is not a signature' });
    }
    signature.strokes.forEach((stroke, s) => {
      stroke.forEach((point, p) => {
        if (point.x < 0 || point.x > signature.width || point.y < 0 || point.y > signature.height) {
          ctx.addIssue({ code: 'custom', path: ['strokes', s, p], message: 'A point of the signature lies outside the pad' });
        }
      });
    });
  });
export type Signature = z.infer<typeof Signature>;

/** One field that differs between a signed version and its amendment. Absent old/new: the field was added/removed. */
export const ContentChange = z.strictObject({
  /** Dotted path from the content's root, array items by index: "goals.0.targetDate". Empty for the whole content. */
  path: z.string(),
  old: z.json().optional(),
  new: z.json().optional(),
});
export type ContentChange = z.infer<typeof ContentChange>;

/** One version of a signable record: its content, the hash signatures cover, and how it came about. */
export function signedVersionSchema<C extends z.ZodType>(content: C) {
  return z.strictObject({
    content,
    hash: ContentHash,
    signatures: z.array(Signature).max(SignerRole.options.length),
    createdAt: Timestamp,
    /** Index of the signed version this one amends; null for the first version. */
    amends: z.number().int().nonnegative().nullable(),
    /** What this version changes in the one it amends; empty for the first version. */
    changes: z.array(ContentChange),
  });
}

/**
 * A record that people sign: its versions, oldest first. Only the last version may be edited, and
 * only while nobody has signed it; every earlier version is signed and stays as it was.
 *
 * This checks the record's shape and its signatures against each version's stored hash. Whether
 * each stored hash still matches its content is `verifyRecordIntegrity` in shared/domain/signing.ts,
 * so the backend can say which version no longer matches rather than refusing the whole file.
 */
export function signedRecordSchema<C extends z.ZodType>(content: C) {
  return z.strictObject({ versions: z.array(signedVersionSchema(content)).min(1) }).superRefine((record, ctx) => {
    const last = record.versions.length - 1;
    record.versions.forEach((version, index) => {
      const expected = index === 0 ? null : index - 1;
      if (version.amends !== expected) {
        ctx.addIssue({ code: 'custom', path: ['versions', index, 'amends'], message: index === 0 ? 'The first version amends nothing' : `Version ${index + 1} must amend version ${index}` });
      }
      if (index < last && version.signatures.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['versions', index, 'signatures'], message: `Version ${index + 1} was amended without being signed` });
      }
      const roles = new Set<SignerRole>();
      version.signatures.forEach((signature, s) => {
        if (signature.contentHash !== version.hash) {
          ctx.addIssue({ code: 'custom', path: ['versions', index, 'signatures', s, 'contentHash'], message: `A signature on version ${index + 1} covers different content` });
        }
        if (roles.has(signature.role)) {
          ctx.addIssue({ code: 'custom', path: ['versions', index, 'signatures', s, 'role'], message: `Version ${index + 1} has two ${signerRoleLabels[signature.role].toLowerCase()} signatures` });
        }
        roles.add(signature.role);
      });
    });
  });
}

type AnySignedVersion = z.infer<ReturnType<typeof signedVersionSchema<z.ZodUnknown>>>;
export type SignedVersion<T> = Omit<AnySignedVersion, 'content'> & { content: T };
export type SignedRecord<T> = { versions: SignedVersion<T>[] };
