import type { VaultStatus } from '../../../../shared/schemas/vault';
import { plural } from '../../app/format';

/** Why the vault is locked, in the mentor's words; null when there is nothing worth saying. */
export function describeLockReason(status: VaultStatus): string | null {
  switch (status.lastLockReason) {
    case 'idle':
      return `Locked after ${plural(status.autoLockMinutes, 'minute')} without activity, to keep your records private.`;
    case 'suspend':
      return 'Locked because the computer went to sleep.';
    case 'screen-locked':
      return 'Locked because the computer’s screen was locked.';
    case 'manual':
    case null:
      return null;
  }
}
