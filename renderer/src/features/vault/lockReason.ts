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

// The backend's text carries a fixed number of seconds; the screens show a live countdown instead.
export const RATE_LIMITED_MESSAGE =
  'Too many wrong attempts in a row. To slow down anyone guessing, Mentor Desk waits a little longer after each one.';
