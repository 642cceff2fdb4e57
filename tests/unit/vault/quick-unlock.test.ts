import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/main/backend/index';
import { AdjustableClock } from '../../../electron/main/backend/clock';
import type { Keychain } from '../../../electron/main/backend/keychain';
import { PASSPHRASE, TEST_KDF, removeDir, tempDir, wrap } from '../helpers';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

/** Stands in for the OS keychain (which the Electron shell provides from safeStorage): XOR with a secret pad. */
function fakeKeychain(): Keychain & { broken: boolean } {
  const pad = Buffer.alloc(64, 0x5a);
  return {
    broken: false,
    encrypt: (plain) => Buffer.from(plain.map((b, i) => b ^ pad[i % pad.length]!)),
    decrypt(sealed) {
      if (this.broken) throw new Error('keychain locked');
      return Buffer.from(sealed.map((b, i) => b ^ pad[i % pad.length]!));
    },
  };
}

async function backend(dir: string, keychain: Keychain | null) {
  const clock = new AdjustableClock();
  return wrap(await createBackend({ dataDir: dir, clock, kdf: TEST_KDF, keychain }), clock);
}

describe('quick unlock through the system keychain', () => {
  it('is unavailable without a real keychain, and the passphrase still works', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const b = await backend(dir, null);
    await b.call('vault:create', { passphrase: PASSPHRASE });
    expect((await b.call('vault:status', {})).quickUnlock).toEqual({ available: false, enabled: false });
    expect((await b.fails('vault:setQuickUnlock', { enabled: true })).code).toBe('QUICK_UNLOCK_UNAVAILABLE');
    await b.call('vault:lock', {});
    expect((await b.fails('vault:quickUnlock', {})).code).toBe('QUICK_UNLOCK_UNAVAILABLE');
  });

  it('once enabled, unlocks without the passphrase after a restart; turning it off removes the key file', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const keychain = fakeKeychain();
    const b = await backend(dir, keychain);
    await b.call('vault:create', { passphrase: PASSPHRASE });
    await b.call('vault:setQuickUnlock', { enabled: true });
    await b.call('students:create', { fullName: 'Amara Okafor', preferredName: '', studentNumber: '', email: '' });
    // The stored key is only what the keychain sealed.
    expect((await readFile(join(dir, 'quick-unlock.bin'))).length).toBe(32);

    const again = await backend(dir, keychain);
    expect((await again.call('vault:status', {})).quickUnlock).toEqual({ available: true, enabled: true });
    await again.call('vault:quickUnlock', {});
    expect((await again.call('students:list', {}))[0]?.fullName).toBe('Amara Okafor');

    keychain.broken = true;
    await again.call('vault:lock', {});
    expect((await again.fails('vault:quickUnlock', {})).message).toMatch(/Use your passphrase/);
    await again.call('vault:unlock', { passphrase: PASSPHRASE });
    await again.call('vault:setQuickUnlock', { enabled: false });
    expect((await again.call('vault:status', {})).quickUnlock.enabled).toBe(false);
  });
});

describe('auto-lock', () => {
  it('locks after the idle time set in settings, says why, and drops access to records', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const b = await backend(dir, null);
    const locks: string[] = [];
    b.backend.on('vault:locked', ({ reason }) => locks.push(reason));
    await b.call('vault:create', { passphrase: PASSPHRASE });
    await b.call('settings:save', { mentorName: '', providerName: '', mentorEmail: '', autoLockMinutes: 3, region: 'england-and-wales' });
    b.clock.advance(2 * 60_000);
    b.backend.tick();
    expect((await b.call('vault:status', {})).state).toBe('unlocked');
    // Activity resets the timer.
    await b.call('vault:touch', {});
    b.clock.advance(2 * 60_000);
    b.backend.tick();
    expect(locks).toEqual([]);
    b.clock.advance(60_001);
    b.backend.tick();
    expect(locks).toEqual(['idle']);
    const status = await b.call('vault:status', {});
    expect(status).toMatchObject({ state: 'locked', lastLockReason: 'idle', autoLockMinutes: 3 });
    expect((await b.fails('students:list', {})).code).toBe('LOCKED');
  });

  it('locks when the system suspends or the screen locks (the shell reports these)', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const b = await backend(dir, null);
    const locks: string[] = [];
    b.backend.on('vault:locked', ({ reason }) => locks.push(reason));
    await b.call('vault:create', { passphrase: PASSPHRASE });
    b.backend.lock('suspend');
    b.backend.lock('suspend');
    await b.call('vault:unlock', { passphrase: PASSPHRASE });
    b.backend.lock('screen-locked');
    expect(locks).toEqual(['suspend', 'screen-locked']);
  });
});

describe('locking while a save is under way', () => {
  it('lets the save finish (or refuses it cleanly) before the keys are forgotten: nothing is written with a wiped key', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const b = await backend(dir, null);
    await b.call('vault:create', { passphrase: PASSPHRASE });
    const saved: string[] = [];
    for (let round = 0; round < 8; round++) {
      const pending = [0, 1, 2].map((i) => b.backend.call('students:create', { fullName: `Student ${round}-${i}` }));
      // Lock part-way through: at once, or after a few event-loop turns.
      for (let t = 0; t < round; t++) await new Promise((r) => setImmediate(r));
      b.backend.lock('idle');
      for (const result of await Promise.all(pending)) {
        if (result.ok) saved.push((result.data as { fullName: string }).fullName);
        else expect(result.error.code).toBe('LOCKED');
      }
      await b.call('vault:unlock', { passphrase: PASSPHRASE });
    }
    // Reopened from disk: every save that reported success is there, and every file checks out.
    const again = await backend(dir, null);
    await again.call('vault:unlock', { passphrase: PASSPHRASE });
    const names = (await again.call('students:list', {})).map((s) => s.fullName);
    expect(names.sort()).toEqual([...saved].sort());
    expect((await again.call('vault:verify', {})).problems).toEqual([]);
    expect((await again.call('audit:verify', {})).ok).toBe(true);
  });
});
