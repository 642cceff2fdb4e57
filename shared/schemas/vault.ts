import { z } from 'zod';
import { Timestamp } from './common';

/** A passphrase as typed; strength is judged by shared/domain/passphrase. */
export const Passphrase = z.string().min(1, 'Enter your passphrase').max(1024, 'That passphrase is too long');

/** Recovery keys are shown as groups of letters and digits; spaces, dashes and case are forgiven. */
export const RecoveryKeyInput = z.string().trim().min(1, 'Enter your recovery key').max(200);

export const VaultState = z.enum(['new', 'locked', 'unlocked', 'damaged']);
export type VaultState = z.infer<typeof VaultState>;

export const BackupKind = z.enum(['recent', 'daily']);
export const BackupInfo = z.strictObject({
  id: z.string().regex(/^[0-9]{1,16}$/),
  takenAt: Timestamp,
  kinds: z.array(BackupKind),
  /** Number of records in that copy, so a user can tell copies apart. */
  documents: z.number().int().nonnegative(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const Damage = z.strictObject({
  message: z.string(),
  /** The newest copy that opens and checks out, if any. */
  newestGoodBackup: BackupInfo.nullable(),
});
export type Damage = z.infer<typeof Damage>;

export const LockReason = z.enum(['manual', 'idle', 'suspend', 'screen-locked']);
export type LockReason = z.infer<typeof LockReason>;

export const VaultStatus = z.strictObject({
  state: VaultState,
  /** Quick unlock through the OS keychain: `available` only where a real keychain backs it. */
  quickUnlock: z.strictObject({ available: z.boolean(), enabled: z.boolean() }),
  /** While wrong passphrases are being slowed down: when the next attempt is accepted. */
  retryAt: Timestamp.nullable(),
  autoLockMinutes: z.number().int().min(1).max(240),
  damage: Damage.nullable(),
  lastLockReason: LockReason.nullable(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const VerifyReport = z.strictObject({
  ok: z.boolean(),
  checked: z.number().int().nonnegative(),
  problems: z.array(z.strictObject({ document: z.string(), message: z.string() })),
});
export type VerifyReport = z.infer<typeof VerifyReport>;
