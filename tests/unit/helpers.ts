import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../electron/main/backend/index';
import { AdjustableClock } from '../../electron/main/backend/clock';
import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import type { AppError } from '../../shared/errors';

/** scrypt at N=2^10: the same code path as production (N=2^17), fast enough for many tests. */
export const TEST_KDF = { N: 2 ** 10, r: 8, p: 1 };
export const PASSPHRASE = 'Tulip-Kettle-Orbit-42';

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'mentor-desk-test-'));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** A backend plus typed helpers that fail the test on an unexpected error. */
export async function openBackend(dataDir: string, clock = new AdjustableClock()) {
  const backend = await createBackend({ dataDir, exportDir: `${dataDir}-exports`, clock, kdf: TEST_KDF });
  return wrap(backend, clock);
}

export function wrap(backend: Backend, clock: AdjustableClock) {
  async function call<C extends Channel>(channel: C, req: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await backend.call(channel, req);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.data as ResponseOf<C>;
  }
  async function fails<C extends Channel>(channel: C, req: unknown): Promise<AppError> {
    const result = await backend.call(channel, req);
    if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
    return result.error;
  }
  return { backend, clock, call, fails };
}

export async function newVault(dataDir?: string) {
  const dir = dataDir ?? (await tempDir());
  const b = await openBackend(dir);
  const { recoveryKey } = await b.call('vault:create', { passphrase: PASSPHRASE });
  return { ...b, dir, recoveryKey };
}

export const student = (fullName: string, extra: Partial<{ preferredName: string; studentNumber: string; email: string }> = {}) => ({
  fullName,
  preferredName: '',
  studentNumber: '',
  email: '',
  ...extra,
});
