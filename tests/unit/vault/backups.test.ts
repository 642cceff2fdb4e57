import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseRetained } from '../../../electron/main/backend/vault/retention';
import { newVault, removeDir, student } from '../helpers';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('which saves are kept as backups', () => {
  it('keeps the last 20 saves and the last save of each of the last 30 days', () => {
    const now = Date.UTC(2026, 10, 23, 12);
    // 40 days of saves, 3 a day, 8 hours apart.
    const saves = Array.from({ length: 120 }, (_, i) => ({ seq: i + 1, at: now - (119 - i) * 8 * HOUR }));
    const kept = chooseRetained(saves, now, { recent: 20, dailyDays: 30 }, (at) => new Date(at).toISOString().slice(0, 10));
    const recent = [...kept].filter(([, k]) => k.includes('recent')).map(([s]) => s);
    const daily = [...kept].filter(([, k]) => k.includes('daily')).map(([s]) => s);
    expect(recent).toEqual(Array.from({ length: 20 }, (_, i) => 120 - i));
    expect(daily.length).toBe(31); // today plus 30 days back, one each
    // Each daily copy is the last save of its day.
    for (const seq of daily) {
      const day = new Date(saves[seq - 1]!.at).toISOString().slice(0, 10);
      const later = saves.filter((s) => s.seq > seq && new Date(s.at).toISOString().slice(0, 10) === day);
      expect(later).toEqual([]);
    }
    expect(Math.min(...daily)).toBeGreaterThan(0);
    expect(kept.has(1)).toBe(false);
  });
});

describe('backups in a vault', () => {
  it('lists earlier saves by date, newest first, and restoring one brings back that state and can itself be undone', async () => {
    const v = await newVault();
    dirs.push(v.dir);
    v.clock.set(Date.UTC(2027, 0, 20, 9));
    const amara = await v.call('students:create', student('Amara Okafor'));
    v.clock.advance(DAY);
    await v.call('students:update', { id: amara.id, draft: student('Amara Okafor', { preferredName: 'Ama' }) });
    v.clock.advance(DAY);
    await v.call('students:create', student('Idris Mensah'));

    const backups = await v.call('vault:listBackups', {});
    expect(backups.map((b) => b.takenAt)).toEqual([...backups.map((b) => b.takenAt)].sort((a, b) => b - a));
    // The copy from before Idris was added, after Amara's preferred name: one day before the last save.
    const target = backups.find((b) => b.takenAt === Date.UTC(2027, 0, 21, 9));
    expect(target).toBeDefined();
    await v.call('vault:restoreBackup', { id: target!.id });
    let list = await v.call('students:list', {});
    expect(list.map((s) => [s.fullName, s.preferredName])).toEqual([['Amara Okafor', 'Ama']]);

    // The state before the restore is itself a backup now: undo the restore.
    const afterRestore = await v.call('vault:listBackups', {});
    const beforeRestore = afterRestore.find((b) => b.documents > target!.documents);
    await v.call('vault:restoreBackup', { id: beforeRestore!.id });
    list = await v.call('students:list', {});
    expect(list.map((s) => s.fullName).sort()).toEqual(['Amara Okafor', 'Idris Mensah']);
    // The audit log records the restores.
    const audit = await v.call('audit:list', { limit: 5 });
    expect(audit.entries.filter((e) => e.note?.startsWith('restored')).length).toBe(2);
    expect((await v.call('audit:verify', {})).ok).toBe(true);
  });

  it('old saves beyond the policy are deleted along with files nothing refers to', async () => {
    const v = await newVault();
    dirs.push(v.dir);
    const s = await v.call('students:create', student('Amara Okafor'));
    for (let i = 0; i < 60; i++) {
      v.clock.advance(60_000);
      await v.call('students:update', { id: s.id, draft: student('Amara Okafor', { preferredName: `A${i}` }) });
    }
    const manifests = await readdir(join(v.dir, 'manifests'));
    // 20 recent + head (+ the day's last save is the head's predecessor or the head itself).
    expect(manifests.length).toBeLessThanOrEqual(22);
    const backups = await v.call('vault:listBackups', {});
    expect(backups.length).toBeLessThanOrEqual(21);
    expect((await v.call('vault:verify', {})).ok).toBe(true);
    const keyring = JSON.parse(await readFile(join(v.dir, 'keyring.json'), 'utf8'));
    expect(keyring.passphrase.kdf).toMatchObject({ alg: 'scrypt', N: 1024, r: 8, p: 1 });
  });
});

describe('erasing a student', () => {
  it('needs the full name typed, removes the student, and makes them unreadable in every backup', async () => {
    const v = await newVault();
    dirs.push(v.dir);
    const s = await v.call('students:create', student('Quillon Zephyrine', { email: 'quillon@example.ac.uk' }));
    await v.call('students:update', { id: s.id, draft: student('Quillon Zephyrine', { preferredName: 'Q' }) });
    expect((await v.fails('students:delete', { id: s.id, confirmName: 'Quillon' })).code).toBe('CONFIRMATION_MISMATCH');
    expect(await v.call('students:list', {})).toHaveLength(1);

    await v.call('students:delete', { id: s.id, confirmName: 'Quillon Zephyrine' });
    expect(await v.call('students:list', {})).toEqual([]);
    expect((await v.fails('students:get', { id: s.id })).code).toBe('NOT_FOUND');

    // Every backup from before the deletion restores without the student.
    for (const b of await v.call('vault:listBackups', {})) {
      await v.call('vault:restoreBackup', { id: b.id });
      expect(await v.call('students:list', {})).toEqual([]);
    }
    // The audit log keeps that it happened, not what was there.
    const audit = await v.call('audit:list', { limit: 500, recordId: s.id });
    expect(audit.entries[0]).toMatchObject({ action: 'delete', note: 'student and all their records erased' });
    const shown = JSON.stringify(audit.entries);
    expect(shown).not.toContain('Quillon');
    expect(shown).not.toContain('quillon@');
    expect(shown).toContain('(erased)');
    expect((await v.call('audit:verify', {})).ok).toBe(true);
  });
});
