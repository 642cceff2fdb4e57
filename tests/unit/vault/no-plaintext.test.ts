import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/main/backend/index';
import { AdjustableClock } from '../../../electron/main/backend/clock';
import { TEST_KDF, removeDir, tempDir, wrap } from '../helpers';

/**
 * "Nothing confidential reaches the disk unencrypted." A vault is filled with records whose
 * names, emails and settings carry made-up words that occur nowhere else, and then every byte of
 * every file under the data folder (keyring, key tables, manifests, objects, backups, quarantine,
 * temp files) is searched for them: as UTF-8 in any letter case, UTF-16 (either byte order and
 * alignment), base64 and base64url at each of the three byte alignments, and hex. The same goes
 * for the passphrases and the recovery key, and for the backend's log lines.
 */
const STUDENT_WORDS = ['Quillonbery', 'Zephyrine', 'quillonbery.zephyrine@example.ac.uk'];
const SETTINGS_WORDS = ['Marrowvale', 'Thistlecombe', 'Brackenhollow'];
const PASSPHRASE = 'Vellichor-Ombrage-Sassafras-7!';
const NEXT_PASSPHRASE = 'Lamplighter-Quokka-Meridian-9?';
const RESET_PASSPHRASE = 'Saltmarsh-Whimbrel-Cobalt-3#';

/** Every form a secret could take on disk, as byte strings to look for. */
function encodingsOf(secret: string): { form: string; bytes: Buffer }[] {
  const utf8 = Buffer.from(secret, 'utf8');
  const forms: { form: string; bytes: Buffer }[] = [];
  for (const variant of new Set([secret, secret.toLowerCase(), secret.toUpperCase()])) {
    forms.push({ form: 'utf-8', bytes: Buffer.from(variant, 'utf8') });
    forms.push({ form: 'utf-16le', bytes: Buffer.from(variant, 'utf16le') });
    forms.push({ form: 'utf-16be', bytes: Buffer.from(variant, 'utf16le').swap16() });
  }
  // base64 of the secret starting at each byte offset mod 3: keep only the characters that come
  // from the secret's own bytes (the first group shares bits with whatever precedes it, the last
  // with whatever follows).
  for (let k = 0; k < 3; k++) {
    const encoded = Buffer.concat([Buffer.alloc(k, 0x20), utf8]).toString('base64');
    const start = [0, 2, 3][k]!;
    const end = Math.floor((k + utf8.length) / 3) * 4;
    const core = encoded.slice(start, end);
    forms.push({ form: `base64 (offset ${k})`, bytes: Buffer.from(core, 'latin1') });
    forms.push({ form: `base64url (offset ${k})`, bytes: Buffer.from(core.replace(/\+/g, '-').replace(/\//g, '_'), 'latin1') });
  }
  forms.push({ form: 'hex', bytes: Buffer.from(utf8.toString('hex'), 'latin1') });
  forms.push({ form: 'HEX', bytes: Buffer.from(utf8.toString('hex').toUpperCase(), 'latin1') });
  return forms;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

/** Every (file, secret, form) found; empty when the folder is clean. */
async function findLeaks(dir: string, secrets: string[]): Promise<string[]> {
  const needles = secrets.flatMap((secret) => encodingsOf(secret).map((e) => ({ secret, ...e })));
  const leaks: string[] = [];
  for (const file of await filesUnder(dir)) {
    const name = relative(dir, file);
    const bytes = await readFile(file);
    const lowered = Buffer.from(bytes.toString('latin1').toLowerCase(), 'latin1');
    for (const n of needles) {
      const inName = name.includes(n.bytes.toString('latin1'));
      const textual = n.form.startsWith('utf-8');
      const inBytes = bytes.includes(n.bytes) || (textual && lowered.includes(Buffer.from(n.bytes.toString('latin1').toLowerCase(), 'latin1')));
      if (inBytes || inName) leaks.push(`${name}: "${n.secret}" as ${n.form}${inName ? ' in the file name' : ''}`);
    }
  }
  return leaks;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await removeDir(d);
});

describe('nothing confidential reaches the disk unencrypted', () => {
  it('the search itself finds each form of a secret, so a clean result means something', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const secret = STUDENT_WORDS[0]!;
    const plants = [
      Buffer.from(`{"fullName":"${secret.toLowerCase()}"}`, 'utf8'),
      Buffer.from(`x${secret}`, 'utf16le'),
      Buffer.from(`a${secret}b`).toString('base64'),
      Buffer.from(`ab${secret}`).toString('base64'),
      Buffer.from(`${secret}!`).toString('base64url'),
      Buffer.from(secret).toString('hex'),
    ];
    for (const [i, plant] of plants.entries()) {
      const one = join(dir, `plant-${i}`);
      await writeFile(one, plant);
      expect((await findLeaks(dir, [secret])).length, `planted form ${i} not found`).toBeGreaterThan(0);
      await removeDir(one);
    }
    expect(await findLeaks(dir, [secret])).toEqual([]);
  });

  it('no record, setting, passphrase or recovery key is readable in any file, unlocked or locked', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const logs: string[] = [];
    const clock = new AdjustableClock();
    const { call, fails, backend } = wrap(await createBackend({ dataDir, clock, kdf: TEST_KDF, log: (l) => logs.push(l) }), clock);

    const { recoveryKey } = await call('vault:create', { passphrase: PASSPHRASE });
    await call('settings:save', {
      mentorName: `${SETTINGS_WORDS[0]} ${SETTINGS_WORDS[1]}`,
      providerName: `${SETTINGS_WORDS[2]} Mentoring Ltd`,
      mentorEmail: 'marrowvale@brackenhollow.example.org',
      autoLockMinutes: 15,
      region: 'scotland',
    });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const s = await call('students:create', {
        fullName: `Quillonbery Zephyrine ${i}`,
        preferredName: `Zephyrine${i}`,
        studentNumber: `QZ-${i}-Quillonbery`,
        email: i === 0 ? STUDENT_WORDS[2]! : `quillonbery${i}@example.ac.uk`,
      });
      ids.push(s.id);
      clock.advance(60_000);
    }
    await call('students:update', { id: ids[1]!, draft: { fullName: 'Quillonbery Zephyrine the Second', preferredName: 'Zeph', studentNumber: 'QZ-1b', email: 'zephyrine.q@example.ac.uk' } });
    await call('students:delete', { id: ids[2]!, confirmName: 'Quillonbery Zephyrine 2' });
    expect((await call('students:list', {})).length).toBe(4);
    const backups = await call('vault:listBackups', {});
    expect(backups.length).toBeGreaterThan(0);
    // The audit log's old and new values are opened in memory only.
    const audit = await call('audit:list', { limit: 100 });
    expect(JSON.stringify(audit)).toContain('Quillonbery Zephyrine the Second');

    // Damage one student's file so that it is quarantined on restore: quarantine is searched too.
    const files = await filesUnder(join(dataDir, 'objects'));
    const secretsNow = [...STUDENT_WORDS, ...SETTINGS_WORDS, PASSPHRASE, recoveryKey, recoveryKey.replace(/-/g, '')];
    expect(await findLeaks(dataDir, secretsNow)).toEqual([]);
    const target = await studentFile(files, ids[0]!);
    const bytes = await readFile(target);
    bytes[bytes.length - 1]! ^= 0xff;
    await writeFile(target, bytes);
    // Lock and unlock so the document is read from disk, not from the decrypted cache.
    await call('vault:lock', {});
    await call('vault:unlock', { passphrase: PASSPHRASE });
    expect((await fails('students:get', { id: ids[0]! })).code).toBe('VAULT_DAMAGED');
    const status = await call('vault:status', {});
    expect(status.state).toBe('damaged');
    const good = status.damage!.newestGoodBackup!;
    await call('vault:restoreBackup', { id: good.id });
    expect((await filesUnder(join(dataDir, 'quarantine'))).length).toBeGreaterThan(0);

    // The passphrase changed, then reset with the recovery key: every keyring version is checked.
    await call('vault:changePassphrase', { current: PASSPHRASE, next: NEXT_PASSPHRASE });
    await call('vault:lock', {});
    await call('vault:recover', { recoveryKey, newPassphrase: RESET_PASSPHRASE });
    const { recoveryKey: newRecoveryKey } = await call('vault:newRecoveryKey', { passphrase: RESET_PASSPHRASE });
    await call('students:create', { fullName: 'Quillonbery Zephyrine After', preferredName: '', studentNumber: '', email: '' });

    const secrets = [...STUDENT_WORDS, ...SETTINGS_WORDS, PASSPHRASE, NEXT_PASSPHRASE, RESET_PASSPHRASE, recoveryKey, recoveryKey.replace(/-/g, ''), newRecoveryKey, newRecoveryKey.replace(/-/g, '')];
    const unlockedLeaks = await findLeaks(dataDir, secrets);
    expect(unlockedLeaks).toEqual([]);

    await call('vault:lock', {});
    expect((await call('vault:status', {})).state).toBe('locked');
    expect(await findLeaks(dataDir, secrets)).toEqual([]);
    await backend.close();
    expect(await findLeaks(dataDir, secrets)).toEqual([]);

    // The folder really was searched: keyring, key tables, manifests, objects, quarantine.
    const names = (await filesUnder(dataDir)).map((f) => relative(dataDir, f));
    for (const expected of [/^keyring\.json$/, /^keyring\.copy\.json$/, /^partition-keys\.a\.mdv$/, /^manifests\//, /^objects\//, /^quarantine\//]) {
      expect(names.some((n) => expected.test(n)), `no file matching ${expected}`).toBe(true);
    }
    // On POSIX systems no other user of the computer may even read the encrypted files.
    if (process.platform !== 'win32') {
      const open = [];
      for (const f of [dataDir, ...(await filesUnder(dataDir))]) if (((await stat(f)).mode & 0o077) !== 0) open.push(`${relative(dataDir, f) || '.'} ${((await stat(f)).mode & 0o777).toString(8)}`);
      expect(open).toEqual([]);
    }
    // Log lines carry channels and codes only.
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(logs.join('\n').toLowerCase()).not.toContain(secret.toLowerCase());
  });
});

/** The one object file holding this student's document (its header names the student's key). */
async function studentFile(objectFiles: string[], id: string): Promise<string> {
  const found: string[] = [];
  for (const file of objectFiles) if ((await readFile(file)).includes(Buffer.from(`"keyId":"student:${id}"`))) found.push(file);
  expect(found.length, 'a student saved once has one document file').toBe(1);
  return found[0]!;
}
