import type { VaultStatus } from '../../../../shared/schemas/vault';
import type { Handlers } from '../dispatch';
import { readSettings } from '../records/settings';
import type { BackendContext } from './context';

type VaultHandlers = Pick<Handlers, `vault:${string}` & keyof Handlers>;

export async function vaultStatus(ctx: BackendContext): Promise<VaultStatus> {
  const { vault } = ctx;
  return {
    state: vault.state,
    quickUnlock: { available: vault.quickUnlockAvailable, enabled: await vault.quickUnlockEnabled() },
    retryAt: vault.retryAt,
    autoLockMinutes: ctx.autoLockMinutes,
    damage: vault.damageReport,
    lastLockReason: vault.state === 'locked' ? vault.lastLockReason : null,
  };
}

/** After any unlock, pick up the user's auto-lock setting. */
async function afterUnlock(ctx: BackendContext): Promise<VaultStatus> {
  if (ctx.vault.state === 'unlocked') ctx.autoLockMinutes = (await readSettings(ctx.session())).autoLockMinutes;
  return vaultStatus(ctx);
}

export function vaultHandlers(ctx: BackendContext, lock: (reason: 'manual') => void): VaultHandlers {
  const { vault } = ctx;
  return {
    'vault:status': () => vaultStatus(ctx),
    'vault:create': async ({ passphrase }) => vault.create(passphrase),
    'vault:unlock': async ({ passphrase }) => {
      await vault.unlock(passphrase);
      return afterUnlock(ctx);
    },
    'vault:recover': async ({ recoveryKey, newPassphrase }) => {
      await vault.recover(recoveryKey, newPassphrase);
      return afterUnlock(ctx);
    },
    'vault:quickUnlock': async () => {
      await vault.quickUnlock();
      return afterUnlock(ctx);
    },
    'vault:setQuickUnlock': async ({ enabled }) => {
      await vault.setQuickUnlock(enabled);
      return vaultStatus(ctx);
    },
    'vault:lock': async () => {
      lock('manual');
      return vaultStatus(ctx);
    },
    'vault:touch': async () => null,
    'vault:changePassphrase': async ({ current, next }) => {
      await vault.changePassphrase(current, next);
      return null;
    },
    'vault:newRecoveryKey': async ({ passphrase }) => ({ recoveryKey: await vault.newRecoveryKey(passphrase) }),
    'vault:listBackups': () => vault.listBackups(),
    'vault:restoreBackup': async ({ id }) => {
      await vault.restoreBackup(id);
      return afterUnlock(ctx);
    },
    'vault:confirmPassphrase': async ({ passphrase }) => {
      await vault.confirmPassphrase(passphrase);
      return null;
    },
    'vault:verify': async () => {
      const report = await ctx.session().store.verify();
      return { ok: report.problems.length === 0, ...report };
    },
  };
}
