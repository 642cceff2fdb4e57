import { z } from 'zod';
import { Timestamp } from './common';

export const AuditAction = z.enum(['create', 'update', 'delete', 'vault']);

/** One changed field. Values are kept only for profile fields; other kinds record the field name alone. */
export const AuditChange = z.strictObject({
  field: z.string(),
  old: z.unknown().optional(),
  new: z.unknown().optional(),
});
export type AuditChange = z.infer<typeof AuditChange>;

export const AuditEntry = z.strictObject({
  seq: z.number().int().nonnegative(),
  at: Timestamp,
  action: AuditAction,
  kind: z.string(),
  recordId: z.string(),
  changes: z.array(AuditChange),
  /** A short human summary that never holds deleted content ("student deleted"). */
  note: z.string().optional(),
  /** sha-256 (hex) of the previous entry; the first entry links to 64 zeros. */
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditCheck = z.strictObject({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  /** The sequence number of the first entry whose link or content does not check out. */
  firstBrokenSeq: z.number().int().nonnegative().nullable(),
  message: z.string(),
});
export type AuditCheck = z.infer<typeof AuditCheck>;
