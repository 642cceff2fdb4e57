import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PASSPHRASE, newVault, openBackend, removeDir, student } from '../helpers';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

/** A vault with a few saves, so there are backups to fall back on. */
async function vaultWithHistory() {
  const v = await newVault();
  dirs.push(v.dir);
  const a = await v.call('students:create', student('Amara Okafor'));
  v.clock.advance(60_000);
  await v.call('students:create', student('Zoë Fairbairn'));
  v.clock.advance(60_000);
  return { ...v, a };
}

async function newestManifest(dir: string): Promise<string> {
  const names = (await readdir(join(dir, 'manifests'))).filter((n) => n.endsWith('.mdv')).sort();
  return join(dir, 'manifests', names[names.length - 1]!);
}

async function objectFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const sub of await readdir(join(dir, 'objects'))) {
    for (const name of await readdir(join(dir, 'objects', sub))) out.push(join(dir, 'objects', sub, name));
  }
  return out;
}

async function reopen(dir: string) {
  const b = await openBackend(dir);
  await b.backend.call('vault:unlock', { passphrase: PASSPHRASE });
  return b;
}

describe('a damaged vault', () => {
  it.each([
    ['tampered (one byte flipped)', (bytes: Buffer) => { bytes[bytes.length - 5]! ^= 0x01; return bytes; }],
    ['truncated', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    ['foreign (not a Mentor Desk file)', () => Buffer.from('{"hello":"this is some other program\'s file"}')],
  ])('a %s current manifest is refused with a message and the newest good backup is offered', async (_label, damage) => {
    const v = await vaultWithHistory();
    const file = await newestManifest(v.dir);
    const original = await readFile(file);
    await writeFile(file, damage(Buffer.from(original)));
    const damagedBytes = await readFile(file);

    const b = await reopen(v.dir);
    const status = await b.call('vault:status', {});
    expect(status.state).toBe('damaged');
    expect(status.damage?.message).toMatch(/Mentor Desk|cut short|changed or damaged/);
    const offer = status.damage?.newestGoodBackup;
    expect(offer).not.toBeNull();
    // Records are refused while damaged; nothing is written over the damaged file.
    expect((await b.fails('students:list', {})).code).toBe('VAULT_DAMAGED');
    expect(await readFile(file)).toEqual(damagedBytes);

    await b.call('vault:restoreBackup', { id: offer!.id });
    expect((await b.call('vault:status', {})).state).toBe('unlocked');
    // The backup before the last save holds the first student.
    expect((await b.call('students:list', {})).map((s) => s.fullName)).toContain('Amara Okafor');
    // The damaged file was moved aside intact, not overwritten or deleted.
    const kept = await readdir(join(v.dir, 'quarantine'));
    expect(kept.length).toBe(1);
    expect(await readFile(join(v.dir, 'quarantine', kept[0]!))).toEqual(damagedBytes);
  });

  it('a damaged record file is refused when read, and restoring the offered backup brings back its earlier version', async () => {
    const v = await vaultWithHistory();
    await v.call('students:update', { id: v.a.id, draft: student('Amara Okafor', { email: 'amara@new.example.ac.uk' }) });
    // Find the file that holds Amara's current record by damaging one file at a time.
    let found = false;
    for (const f of await objectFiles(v.dir)) {
      const bytes = await readFile(f);
      const copy = Buffer.from(bytes);
      copy[copy.length - 1]! ^= 0xff;
      await writeFile(f, copy);
      const b = await reopen(v.dir);
      const opened = (await b.call('vault:status', {})).state === 'unlocked';
      const result = await b.backend.call('students:get', { id: v.a.id });
      if (!opened || result.ok || result.error.code !== 'VAULT_DAMAGED') {
        await writeFile(f, bytes);
        continue;
      }
      found = true;
      expect(result.error.message).toMatch(/damaged.*restore/i);
      const status = await b.call('vault:status', {});
      expect(status.state).toBe('damaged');
      const offer = status.damage?.newestGoodBackup;
      expect(offer).toBeTruthy();
      await b.call('vault:restoreBackup', { id: offer!.id });
      const restored = await b.call('students:get', { id: v.a.id });
      expect(restored.email).toBe('');
      expect((await b.call('vault:verify', {})).ok).toBe(true);
      expect(await readFile(join(v.dir, 'quarantine', (await readdir(join(v.dir, 'quarantine')))[0]!))).toEqual(copy);
      break;
    }
    expect(found).toBe(true);
  });

  it('a damaged keyring falls back to its copy; both damaged is reported, not guessed at', async () => {
    const v = await vaultWithHistory();
    await writeFile(join(v.dir, 'keyring.json'), 'garbage');
    const b = await reopen(v.dir);
    expect((await b.call('vault:status', {})).state).toBe('unlocked');
    // The primary was repaired from the copy.
    expect(JSON.parse(await readFile(join(v.dir, 'keyring.json'), 'utf8')).format).toBe('mentor-desk-keyring');
    await writeFile(join(v.dir, 'keyring.json'), 'garbage');
    await writeFile(join(v.dir, 'keyring.copy.json'), 'garbage');
    const c = await openBackend(v.dir);
    const status = await c.call('vault:status', {});
    expect(status.state).toBe('damaged');
    expect(status.damage?.message).toMatch(/key file/);
  });

  it('a file from another vault is refused (same names, different key)', async () => {
    const v = await vaultWithHistory();
    const other = await newVault();
    dirs.push(other.dir);
    await other.call('students:create', student('Someone Else'));
    await writeFile(await newestManifest(v.dir), await readFile(await newestManifest(other.dir)));
    const b = await reopen(v.dir);
    expect((await b.call('vault:status', {})).state).toBe('damaged');
  });
});
