import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../../electron/main/backend/clock';
import { readEnvelopeHeader, decodeEnvelope } from '../../../electron/main/backend/vault/envelope';
import { DATA_KEY_ID } from '../../../electron/main/backend/vault/store';
import { Vault } from '../../../electron/main/backend/vault/vault';
import { studentKeyId } from '../../../electron/main/backend/records/students';
import { PASSPHRASE, TEST_KDF, newVault, removeDir } from '../helpers';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * Opens every encrypted file in the vault with every key that still exists, and returns the
 * plaintexts: what anyone with the passphrase could ever read again, backups included.
 */
async function everythingReadable(dir: string): Promise<{ texts: string[]; unreadable: number }> {
  const vault = await Vault.load({ dir, clock: new AdjustableClock(), kdf: TEST_KDF });
  await vault.unlock(PASSPHRASE);
  const session = vault.requireSession() as ReturnType<Vault['requireSession']> & { dataKey: Buffer };
  const texts: string[] = [];
  let unreadable = 0;
  for (const file of await filesUnder(dir)) {
    const bytes = await readFile(file);
    let header;
    try {
      header = readEnvelopeHeader(bytes).header;
    } catch {
      texts.push(bytes.toString('utf8')); // keyring.json and the like: plain, and must not hold the name either
      continue;
    }
    const key = header.keyId === DATA_KEY_ID ? session.dataKey : session.partitions.get(header.keyId);
    if (!key) {
      unreadable++;
      continue;
    }
    texts.push(decodeEnvelope(bytes, key, { kind: header.kind, name: header.name }).toString('utf8'));
  }
  vault.lock('manual');
  return { texts, unreadable };
}

describe('deleting a student (right to erasure)', () => {
  it('leaves nothing of them readable anywhere in the vault: records, caseload index, audit values, attachments, backups', async () => {
    const v = await newVault();
    dirs.push(v.dir);
    const keep = await v.call('students:create', { fullName: 'Amara Okafor', email: 'amara@example.ac.uk' });
    const gone = await v.call('referrals:create', {
      student: { fullName: 'Quillonbery Zephyrine', email: 'quillonbery@example.ac.uk', studentNumber: 'Q9081726' },
      receivedAt: v.clock.now(),
      pastedText: 'Student name: Quillonbery Zephyrine',
    });
    await v.call('students:update', { id: gone.id, draft: { fullName: 'Quillonbery Zephyrine', preferredName: 'Quill', email: 'quillonbery@example.ac.uk', studentNumber: 'Q9081726' } });
    await v.call('referrals:logContact', { studentId: gone.id, contact: { at: v.clock.now(), method: 'phone', outcome: 'spoke', note: 'Quillonbery will come on Thursday' } });
    // An attachment stored under the student's key (attachments arrive with later features).
    await (async () => {
      await v.call('vault:lock', {});
      const vault = await Vault.load({ dir: v.dir, clock: new AdjustableClock(), kdf: TEST_KDF });
      await vault.unlock(PASSPHRASE);
      await vault.requireSession().store.putBlob(Buffer.from('Quillonbery Zephyrine signed agreement'), studentKeyId(gone.id));
      vault.lock('manual');
      await v.call('vault:unlock', { passphrase: PASSPHRASE });
    })();

    const before = await everythingReadable(v.dir);
    expect(before.texts.some((t) => t.includes('Quillonbery'))).toBe(true); // the check can see it while it exists
    expect(before.unreadable).toBe(0);

    await v.call('students:delete', { id: gone.id, confirmName: 'Quillonbery Zephyrine' });

    const after = await everythingReadable(v.dir);
    const leaks = after.texts.filter((t) => /Quillonbery|Zephyrine|Q9081726|quillonbery@/i.test(t));
    expect(leaks).toEqual([]);
    // Its files still in older backups are there but sealed with a key that no longer exists.
    expect(after.unreadable).toBeGreaterThan(0);
    // The other student is untouched, and the deletion itself is on record.
    expect((await v.call('students:list', {})).map((s) => s.id)).toEqual([keep.id]);
    const audit = await v.call('audit:list', { limit: 50 });
    expect(audit.entries.filter((e) => e.recordId === gone.id).map((e) => e.action)).toContain('delete');
    expect((await v.call('audit:verify', {})).ok).toBe(true);
  });
});
