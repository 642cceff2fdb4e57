import { EventEmitter } from 'node:events';
import { dirname, join } from 'node:path';
import type { EventName, EventPayload } from '../../../shared/contract';
import { AppFailure, type Result } from '../../../shared/errors';
import type { LockReason } from '../../../shared/schemas/vault';
import { systemClock, type Clock } from './clock';
import { dispatch, type Handlers } from './dispatch';
import type { Keychain } from './keychain';
import { createContext } from './handlers/context';
import { recordHandlers } from './handlers/records';
import { caseloadHandlers } from './handlers/caseload';
import { agreementHandlers } from './handlers/agreements';
import { boundaryHandlers } from './handlers/boundaries';
import { surveyHandlers } from './handlers/surveys';
import { calendarHandlers } from './handlers/calendar';
import { sessionHandlers } from './handlers/sessions';
import { vaultHandlers } from './handlers/vault';
import type { ScryptParams } from './vault/crypto';
import { StoreDamage } from './vault/store';
import { Vault } from './vault/vault';

export type KdfParams = ScryptParams;

export interface BackendOptions {
  /** The folder that holds the encrypted vault (created if missing). */
  dataDir: string;
  clock?: Clock;
  /** The OS keychain for quick unlock; null where no real keychain backs it. */
  keychain?: Keychain | null;
  /** scrypt cost; defaults to the production cost. Tests may lower it. */
  kdf?: KdfParams;
  /** Where exported PDFs are written; defaults to an `exports` folder beside the vault folder. */
  exportDir?: string;
  /** Receives channel names and error codes only, never request content. */
  log?: (line: string) => void;
}

export interface Backend {
  /** Parses `input` with the channel's schema and runs its handler. Never throws. */
  call(channel: unknown, input: unknown): Promise<Result<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Checks auto-lock against the clock; the shell calls it every few seconds. */
  tick(): void;
  lock(reason: LockReason): void;
  close(): Promise<void>;
}

/**
 * The whole backend as plain Node: the Electron shell and the browser test harness both wrap
 * exactly this, so what the tests drive is what the app runs.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const clock = options.clock ?? systemClock;
  const vault = await Vault.load({ dir: options.dataDir, clock, keychain: options.keychain ?? null, ...(options.kdf ? { kdf: options.kdf } : {}) });
  const ctx = createContext(vault, clock, options.exportDir ?? join(dirname(options.dataDir), 'exports'));
  const events = new EventEmitter();
  let lastActivity = clock.now();

  const lock = (reason: LockReason) => {
    if (vault.lock(reason)) events.emit('vault:locked', { reason });
  };

  const handlers = guardDamage(vault, { ...vaultHandlers(ctx, lock), ...recordHandlers(ctx), ...caseloadHandlers(ctx), ...agreementHandlers(ctx), ...boundaryHandlers(ctx), ...surveyHandlers(ctx), ...calendarHandlers(ctx), ...sessionHandlers(ctx) });
  const log = options.log;

  return {
    async call(channel, input) {
      // Anything the user does counts as activity, except the status poll a locked screen makes.
      if (channel !== 'vault:status') lastActivity = clock.now();
      return dispatch(handlers, channel, input, log ? (e) => log(`${e.channel}: ${e.code}${e.detail ? ` (${e.detail})` : ''}`) : undefined);
    },
    on(event, listener) {
      const wrapped = (payload: unknown) => listener(payload as never);
      events.on(event, wrapped);
      return () => events.off(event, wrapped);
    },
    tick() {
      if (vault.state === 'unlocked' && clock.now() - lastActivity >= ctx.autoLockMinutes * 60_000) lock('idle');
    },
    lock,
    async close() {
      vault.lock('manual');
      await vault.drained;
      events.removeAllListeners();
    },
  };
}

/** A damaged file met by any handler turns the vault to "damaged" and tells the UI to offer a backup. */
function guardDamage(vault: Vault, handlers: Handlers): Handlers {
  const guarded = {} as Record<string, (req: unknown) => Promise<unknown>>;
  for (const [channel, handler] of Object.entries(handlers) as [string, (req: unknown) => Promise<unknown>][]) {
    guarded[channel] = async (req) => {
      try {
        return await handler(req);
      } catch (err) {
        if (err instanceof StoreDamage) throw await vault.reportDamage(err);
        throw err;
      }
    };
  }
  return guarded as Handlers;
}

export { AppFailure };
