// PLACEHOLDER SIGNATURE — implementation lands shortly (the vault is being written now).
import type { EventName, EventPayload } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import type { LockReason } from '../../../shared/schemas/vault';
import type { Clock } from './clock';
import type { Keychain } from './keychain';

export interface KdfParams { N: number; r: number; p: number }

export interface BackendOptions {
  /** The folder that holds the encrypted vault (created if missing). */
  dataDir: string;
  clock?: Clock;
  /** The OS keychain for quick unlock; null where no real keychain backs it. */
  keychain?: Keychain | null;
  /** scrypt cost; defaults to the production cost. Tests may lower it. */
  kdf?: KdfParams;
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

export declare function createBackend(options: BackendOptions): Promise<Backend>;
