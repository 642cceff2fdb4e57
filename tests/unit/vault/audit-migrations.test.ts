import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../../electron/main/backend/clock';
import { AuditLog, hashEntry } from '../../../electron/main/backend/audit/auditLog';
import { Vault } from '../../../electron/main/backend/vault/vault';
import type { Migration } from '../../../electron/main/backend/vault/migrations';
import { PASSPHRASE, TEST_KDF, newVault, openBackend, removeDir, student, tempDir } from '../helpers';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

/** An in-memory page store, to tamper with the log directly. */
function memoryStorage() {
  const docs = new Map<string, unknown>();
  return {
    docs,
    get: async (id: string) => structuredClone(docs.get(id)),
    list: (prefix: string) => [...docs.keys()].filter((k) => k.startsWith(prefix)),
    apply(puts: { id: string; data: unknown }[]) {
      for (const p of puts) docs.set(p.id, structuredClone(p.data));
    },
  };
}

async function logWith(entries: number) {
  const storage = memoryStorage();
  const log = await AuditLog.load(storage);
  for (let i = 0; i < entries; i++) {
    const { puts, accept } = log.prepare([{ action: 'update', kind: 'student', recordId: `s${i % 7}`, changes: [{ field: 'preferredName', old: `a${i}`, new: `b${i}` }] }], 1_000 + i);
    storage.apply(puts);
    accept();
  }
  return { storage, log };
}

describe('the audit log', () => {
  it('records create, update and delete with the fields changed, old and new values, and when', async () => {
    const v = await newVault();
    dirs.push(v.dir);
    v.clock.set(Date.UTC(2027, 0, 5, 10, 30));
    const s = await v.call('students:create', student('Amara Okafor', { studentNumber: 'U123' }));
    await v.call('students:update', { id: s.id, draft: student('Amara Okafor', { studentNumber: 'U124', email: 'amara@example.ac.uk' }) });
    const { entries } = await v.call('audit:list', { limit: 10, recordId: s.id });
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(entries[0]!.changes).toEqual([
      { field: 'studentNumber', old: 'U123', new: 'U124' },
      { field: 'email', old: '', new: 'amara@example.ac.uk' },
    ]);
    expect(entries[0]!.at).toBe(Date.UTC(2027, 0, 5, 10, 30));
    expect(entries[1]!.changes.find((c) => c.field === 'fullName')).toEqual({ field: 'fullName', new: 'Amara Okafor' });
  });

  it('spans many pages and every entry links to the one before', async () => {
    const { log } = await logWith(600);
    const check = await log.check();
    expect(check).toMatchObject({ ok: true, entries: 600, firstBrokenSeq: null });
    const recent = await log.recent(3);
    expect(recent.map((e) => e.seq)).toEqual([599, 598, 597]);
    expect(recent[0]!.prev).toBe(recent[1]!.hash);
  });

  it.each([
    ['a value is edited', (entries: any[]) => { entries[10].changes[0].new = 'forged'; }, 266],
    ['an entry is removed', (entries: any[]) => { entries.splice(20, 1); }, 276],
    ['an entry is re-hashed after editing (the next link breaks)', (entries: any[]) => {
      const e = entries[30];
      e.changes[0].new = 'forged';
      const { hash: _h, ...rest } = e;
      e.hash = hashEntry(rest);
    }, 287],
  ])('reports the first broken link when %s', async (_label, tamper, expectedSeq) => {
    const { storage, log } = await logWith(300);
    // Entries 256.. are on the second page.
    const page = storage.docs.get('audit/00000001') as { entries: any[] };
    tamper(page.entries);
    const check = await log.check();
    expect(check.ok).toBe(false);
    expect(check.firstBrokenSeq).toBe(expectedSeq);
    expect(check.message).toMatch(new RegExp(`from entry ${expectedSeq}`));
  });

  it('is stored encrypted, in Mentor Desk envelopes, like every other record', async () => {
    const v = await newVault();
    dirs.push(v.dir);
    await v.call('students:create', student('Amara Okafor'));
    expect((await v.call('audit:verify', {})).ok).toBe(true);
    const raw = (await readdir(join(v.dir, 'objects'), { recursive: true })).filter((n) => n.endsWith('.mdv'));
    for (const name of raw) expect((await readFile(join(v.dir, 'objects', name))).subarray(0, 4).toString()).toBe('MDSK');
  });
});

describe('schema versions and migrations', () => {
  async function vaultAt(dir: string, version: number, migrations: Migration[] = []) {
    const clock = new AdjustableClock();
    return Vault.load({ dir, clock, kdf: TEST_KDF, schemaVersion: version, migrations });
  }

  it('runs migrations forward in order on unlock, once, and logs them', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const v1 = await vaultAt(dir, 1);
    await v1.create(PASSPHRASE);
    await v1.requireSession().commit({ puts: [{ id: 'settings', data: { mentorName: 'Ann', providerName: 'P', mentorEmail: '', autoLockMinutes: 10, region: 'england-and-wales' } }] });
    v1.lock('manual');

    const ran: number[] = [];
    const migrations: Migration[] = [
      { to: 3, description: 'split names', run: async (r) => { ran.push(3); const s = (await r.get('settings')) as any; return { puts: [{ id: 'settings', data: { ...s, providerName: `${s.providerName} Ltd` } }] }; } },
      { to: 2, description: 'rename field', run: async (r) => { ran.push(2); const s = (await r.get('settings')) as any; return { puts: [{ id: 'settings', data: { ...s, mentorName: s.mentorName.toUpperCase() } }] }; } },
    ];
    const v3 = await vaultAt(dir, 3, migrations);
    await v3.unlock(PASSPHRASE);
    expect(ran).toEqual([2, 3]);
    expect(v3.requireSession().store.schemaVersion).toBe(3);
    expect(await v3.requireSession().store.get('settings')).toMatchObject({ mentorName: 'ANN', providerName: 'P Ltd' });
    const notes = (await v3.requireSession().audit.recent(5)).map((e) => e.note);
    expect(notes).toContain('data migrated to version 2: rename field');
    expect(notes).toContain('data migrated to version 3: split names');
    v3.lock('manual');

    ran.length = 0;
    const again = await vaultAt(dir, 3, migrations);
    await again.unlock(PASSPHRASE);
    expect(ran).toEqual([]);
  });

  it('refuses a vault saved by a newer version instead of guessing', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const newer = await vaultAt(dir, 5);
    await newer.create(PASSPHRASE);
    newer.lock('manual');
    const older = await vaultAt(dir, 1);
    await expect(older.unlock(PASSPHRASE)).rejects.toThrow(/newer version of Mentor Desk/);
  });

  it('validates stored documents with their schema on load', async () => {
    const v = await newVault();
    dirs.push(v.dir);
    await v.call('settings:save', { mentorName: 'Ann', providerName: '', mentorEmail: '', autoLockMinutes: 10, region: 'scotland' });
    // Write a settings document that is well encrypted but malformed, as a buggy older version might.
    await v.call('vault:lock', {});
    const direct = await Vault.load({ dir: v.dir, clock: new AdjustableClock(), kdf: TEST_KDF });
    await direct.unlock(PASSPHRASE);
    await direct.requireSession().commit({ puts: [{ id: 'settings', data: { mentorName: 42 } }] });
    direct.lock('manual');
    const reopened = await openBackend(v.dir);
    // Settings are read on unlock, so the problem is met there, and a good backup is offered.
    const error = await reopened.fails('vault:unlock', { passphrase: PASSPHRASE });
    expect(error.code).toBe('VAULT_DAMAGED');
    expect(error.message).toMatch(/settings record does not match/);
    const status = await reopened.call('vault:status', {});
    expect(status.state).toBe('damaged');
    await reopened.call('vault:restoreBackup', { id: status.damage!.newestGoodBackup!.id });
    expect((await reopened.call('settings:get', {})).mentorName).toBe('Ann');
  });
});

