import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, newVault, openBackend, removeDir, student, tempDir } from '../helpers';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

async function vault() {
  const v = await newVault();
  dirs.push(v.dir);
  return v;
}

describe('creating a vault', () => {
  it('refuses a weak passphrase with a reason and creates nothing', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const b = await openBackend(dir);
    const error = await b.fails('vault:create', { passphrase: 'password123' });
    expect(error.code).toBe('WEAK_PASSPHRASE');
    expect(error.message).toMatch(/at least 12 characters/);
    expect((await b.call('vault:status', {})).state).toBe('new');
  });

  it('shows a recovery key of seven groups of four characters, and opens unlocked', async () => {
    const v = await vault();
    expect(v.recoveryKey).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
    expect((await v.call('vault:status', {})).state).toBe('unlocked');
  });

  it('refuses to create a second vault over the first', async () => {
    const v = await vault();
    expect((await v.fails('vault:create', { passphrase: 'Another-Strong-Phrase-99' })).code).toBe('VAULT_EXISTS');
  });
});

describe('unlocking', () => {
  it('refuses a wrong passphrase with a clear message, then slows further attempts', async () => {
    const v = await vault();
    await v.call('vault:lock', {});
    for (let i = 0; i < 3; i++) {
      const error = await v.fails('vault:unlock', { passphrase: 'not my passphrase at all' });
      expect(error.code).toBe('WRONG_PASSPHRASE');
      expect(error.message).toMatch(/not right/);
    }
    const fourth = await v.fails('vault:unlock', { passphrase: 'still not my passphrase' });
    expect(fourth.retryAt).toBeGreaterThan(v.clock.now());
    // Even the right passphrase waits its turn…
    const early = await v.fails('vault:unlock', { passphrase: PASSPHRASE });
    expect(early.code).toBe('RATE_LIMITED');
    expect((await v.call('vault:status', {})).retryAt).toBe(fourth.retryAt);
    // …and works once the wait is over; the delay then resets.
    v.clock.advance(fourth.retryAt! - v.clock.now());
    expect((await v.call('vault:unlock', { passphrase: PASSPHRASE })).state).toBe('unlocked');
  });

  it('each further wrong attempt waits longer', async () => {
    const v = await vault();
    v.clock.set(Date.UTC(2026, 10, 23, 12));
    await v.call('vault:lock', {});
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const error = await v.fails('vault:unlock', { passphrase: 'wrong wrong wrong' });
      if (error.retryAt) {
        waits.push(error.retryAt - v.clock.now());
        v.clock.advance(error.retryAt - v.clock.now());
      }
    }
    expect(waits).toEqual([2000, 4000, 8000]);
  });

  it('keeps data across a restart: a new backend on the same folder unlocks and finds it', async () => {
    const v = await vault();
    await v.call('students:create', student('Siobhán Ní Bhriain'));
    const again = await openBackend(v.dir);
    expect((await again.call('vault:status', {})).state).toBe('locked');
    await again.call('vault:unlock', { passphrase: PASSPHRASE });
    expect((await again.call('students:list', {})).map((s) => s.fullName)).toEqual(['Siobhán Ní Bhriain']);
  });

  it('locking refuses record calls until unlocked again', async () => {
    const v = await vault();
    await v.call('vault:lock', {});
    expect((await v.fails('students:list', {})).code).toBe('LOCKED');
    expect((await v.call('vault:status', {})).lastLockReason).toBe('manual');
  });
});

describe('changing the passphrase', () => {
  it('needs the current passphrase; afterwards only the new one unlocks, and the data is unchanged', async () => {
    const v = await vault();
    await v.call('students:create', student('Łukasz Nowak'));
    expect((await v.fails('vault:changePassphrase', { current: 'wrong one here', next: 'Maple-Harbour-Violet-77' })).code).toBe('WRONG_PASSPHRASE');
    expect((await v.fails('vault:changePassphrase', { current: PASSPHRASE, next: 'weak' })).code).toBe('WEAK_PASSPHRASE');
    await v.call('vault:changePassphrase', { current: PASSPHRASE, next: 'Maple-Harbour-Violet-77' });
    const again = await openBackend(v.dir);
    expect((await again.fails('vault:unlock', { passphrase: PASSPHRASE })).code).toBe('WRONG_PASSPHRASE');
    await again.call('vault:unlock', { passphrase: 'Maple-Harbour-Violet-77' });
    expect((await again.call('students:list', {}))[0]?.fullName).toBe('Łukasz Nowak');
  });
});

describe('the recovery key', () => {
  it('unlocks and sets a new passphrase; typed in lower case with spaces it still works', async () => {
    const v = await vault();
    await v.call('students:create', student('Ñúñez García'));
    const again = await openBackend(v.dir);
    const typed = v.recoveryKey.toLowerCase().replace(/-/g, ' ');
    await again.call('vault:recover', { recoveryKey: typed, newPassphrase: 'Copper-Lantern-Meadow-31' });
    expect((await again.call('students:list', {}))[0]?.fullName).toBe('Ñúñez García');
    const third = await openBackend(v.dir);
    expect((await third.fails('vault:unlock', { passphrase: PASSPHRASE })).code).toBe('WRONG_PASSPHRASE');
    await third.call('vault:unlock', { passphrase: 'Copper-Lantern-Meadow-31' });
  });

  it('a wrong recovery key is refused and changes nothing', async () => {
    const v = await vault();
    await v.call('vault:lock', {});
    const wrong = v.recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await v.fails('vault:recover', { recoveryKey: wrong, newPassphrase: 'Copper-Lantern-Meadow-31' })).code).toBe('WRONG_RECOVERY_KEY');
    await v.call('vault:unlock', { passphrase: PASSPHRASE });
  });

  it('making a new recovery key retires the old one', async () => {
    const v = await vault();
    const { recoveryKey } = await v.call('vault:newRecoveryKey', { passphrase: PASSPHRASE });
    expect(recoveryKey).not.toBe(v.recoveryKey);
    await v.call('vault:lock', {});
    expect((await v.fails('vault:recover', { recoveryKey: v.recoveryKey, newPassphrase: 'Copper-Lantern-Meadow-31' })).code).toBe('WRONG_RECOVERY_KEY');
    await v.call('vault:recover', { recoveryKey, newPassphrase: 'Copper-Lantern-Meadow-31' });
  });
});
