import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, contract, type Channel } from '../../../shared/contract';
import { newVault, removeDir } from '../helpers';

/** Inputs no channel accepts: wrong types, unknown keys (schemas are strict), prototype tricks, huge strings. */
const hostile: unknown[] = [
  undefined,
  null,
  42,
  'students:list',
  [],
  { __proto__: { polluted: true }, extra: 1 },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { unexpectedKey: 'x'.repeat(10) },
];

/** For channels whose schema accepts `{}`, one more bad input with the right shape but a wrong field. */
const wrongField: Partial<Record<Channel, unknown>> = {
  'vault:create': { passphrase: 12345678901234 },
  'vault:unlock': { passphrase: 'x'.repeat(5000) },
  'vault:recover': { recoveryKey: 'AAAA', newPassphrase: '' },
  'vault:setQuickUnlock': { enabled: 'yes' },
  'vault:changePassphrase': { current: 'a', next: null },
  'vault:newRecoveryKey': { passphrase: '' },
  'vault:restoreBackup': { id: '../../etc/passwd' },
  'settings:save': { mentorName: 'A', providerName: 'B', mentorEmail: 'not-an-email', autoLockMinutes: 0, region: 'wales' },
  'audit:list': { limit: 100000 },
  'students:get': { id: '../students/x' },
  'students:create': { fullName: '', preferredName: '', studentNumber: '', email: 'nope' },
  'students:update': { id: 'short', draft: {} },
  'students:delete': { id: 'AAAAAAAAAAAAAAAA', confirmName: 7 },
  'students:search': { text: 'x', statuses: ['asleep'], limit: 100000 },
  'students:setStatus': { id: 'AAAAAAAAAAAAAAAA', status: 'active', on: '2026-13-01' },
  'students:recordConsent': { id: 'AAAAAAAAAAAAAAAA', givenOn: '2026-11-23', scope: '', method: 'telepathy' },
  'students:withdrawConsent': { id: 'AAAAAAAAAAAAAAAA', on: 'yesterday' },
  'students:importPreview': { csv: 'x'.repeat(5_000_001) },
  'students:import': { csv: 'a,b', mapping: { a: 'password' } },
  'referrals:create': { student: { fullName: '' }, receivedAt: -1 },
  'referrals:get': { studentId: '' },
  'referrals:logContact': { studentId: 'AAAAAAAAAAAAAAAA', contact: { at: 1, method: 'pigeon', outcome: 'spoke' } },
  'referrals:bookFirstSession': { studentId: 'AAAAAAAAAAAAAAAA', booking: { date: '2026-11-31', time: '9am' } },
};

let v: Awaited<ReturnType<typeof newVault>>;
beforeAll(async () => {
  v = await newVault();
});
afterAll(async () => {
  await removeDir(v.dir);
});

async function manifestCount() {
  return (await readdir(join(v.dir, 'manifests'))).length;
}

describe('every IPC channel refuses bad input before any handler runs', () => {
  it('the contract has schemas for each channel', () => {
    expect(channels.length).toBeGreaterThan(15);
    for (const c of channels) {
      expect(contract[c].req).toBeDefined();
      expect(contract[c].res).toBeDefined();
    }
  });

  it.each(channels)('%s', async (channel) => {
    const before = await manifestCount();
    const inputs = [...hostile.filter((h) => !contract[channel].req.safeParse(h).success)];
    if (wrongField[channel] !== undefined) inputs.push(wrongField[channel]);
    expect(inputs.length).toBeGreaterThan(4);
    for (const input of inputs) {
      const result = await v.backend.call(channel, input);
      expect(result.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toMatch(/Some details need correcting/);
      }
    }
    // Nothing was written, and the vault is still usable.
    expect(await manifestCount()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an unknown channel is refused', async () => {
    for (const name of ['students:drop', '__proto__', 'constructor', 'toString', 42, null]) {
      const result = await v.backend.call(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('field errors name the field so a form can show them next to it', async () => {
    const error = await v.fails('students:create', { fullName: '', preferredName: '', studentNumber: '', email: 'nope' });
    expect(error.issues).toEqual([
      { path: 'fullName', message: 'Full name is required' },
      { path: 'email', message: 'Enter a valid email address, like name@example.ac.uk' },
    ]);
  });
});
