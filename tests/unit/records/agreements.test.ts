import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../../shared/domain/canonical';
import { currentVersion } from '../../../shared/domain/signing';
import type { Signature } from '../../../shared/schemas/signature';
import { readRecordFromPdf } from '../../../electron/main/backend/documents';
import { safeFilePart } from '../../../electron/main/backend/documents/exportFile';
import { PASSPHRASE, newVault, removeDir } from '../helpers';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

const autumn = Date.UTC(2026, 10, 23, 10, 0);

function drawn(role: 'student' | 'mentor', signerName: string, hash: string, signedAt: number): Signature {
  return { role, signerName, signedAt, contentHash: hash, width: 400, height: 150, strokes: [[{ x: 10, y: 100 }, { x: 60, y: 40 }, { x: 120, y: 110 }, { x: 200, y: 50 }]] };
}

async function setUp() {
  const v = await newVault();
  dirs.push(v.dir, `${v.dir}-exports`);
  v.clock.set(autumn);
  const settings = await v.call('settings:get', {});
  await v.call('settings:save', { ...settings, mentorName: 'Priya Shah', providerName: 'Brightpath Mentoring' });
  const student = await v.call('students:create', { fullName: 'Siobhán Ní Bhriain', preferredName: 'Shiv', studentNumber: 'S0000042', allocatedHours: 36, hoursDeadline: '2027-07-31' });
  return { v, student };
}

describe('service agreements', () => {
  it('a new agreement is filled from the provider’s template for the academic year the clock is in', async () => {
    const { v, student } = await setUp();
    const agreement = await v.call('agreements:create', { studentId: student.id });
    expect(agreement.academicYear).toBe('2026/27');
    const text = currentVersion(agreement.record).content.text;
    expect(text).toContain('Between Siobhán Ní Bhriain (the student) and Priya Shah of Brightpath Mentoring (the mentor).');
    expect(text).toContain('You have 36 hours of mentoring support, to be used by 31/07/2027.');
    expect(text).not.toMatch(/\{\{|\[\w+\]/);
    expect(await v.call('agreements:list', { studentId: student.id })).toEqual([
      expect.objectContaining({ id: agreement.id, academicYear: '2026/27', versions: 1, signedBy: [], complete: false }),
    ]);
  });

  it('signing freezes it: both sign, an edit then makes an amendment that needs signing again, the signed text stays', async () => {
    const { v, student } = await setUp();
    const agreement = await v.call('agreements:create', { studentId: student.id });
    const hash = contentHash(currentVersion(agreement.record).content);
    await v.call('agreements:sign', { studentId: student.id, agreementId: agreement.id, signature: drawn('student', 'Siobhán Ní Bhriain', hash, autumn) });
    // A second student signature on the same version is refused.
    const twice = await v.fails('agreements:sign', { studentId: student.id, agreementId: agreement.id, signature: drawn('student', 'Siobhán Ní Bhriain', hash, autumn) });
    expect(twice.message).toMatch(/already/i);
    const signed = await v.call('agreements:sign', { studentId: student.id, agreementId: agreement.id, signature: drawn('mentor', 'Priya Shah', hash, autumn) });
    expect((await v.call('agreements:list', { studentId: student.id }))[0]).toMatchObject({ complete: true, signedBy: ['student', 'mentor'] });

    const originalText = currentVersion(signed.record).content.text;
    const amended = await v.call('agreements:edit', { studentId: student.id, agreementId: agreement.id, text: `${originalText}\n\nSessions on Thursdays at 14:00.` });
    expect(amended.record.versions).toHaveLength(2);
    expect(amended.record.versions[0]!.content.text).toBe(originalText);
    expect(amended.record.versions[0]!.signatures).toHaveLength(2);
    expect(amended.record.versions[1]).toMatchObject({ amends: 0, signatures: [], changes: [{ path: 'text' }] });
    // A signature for the old version does not fit the amendment.
    const stale = await v.fails('agreements:sign', { studentId: student.id, agreementId: agreement.id, signature: drawn('student', 'Siobhán Ní Bhriain', hash, autumn) });
    expect(stale.message).toMatch(/changed/i);
    // And it all survives a restart.
    const again = await (await import('../helpers')).openBackend(v.dir);
    await again.call('vault:unlock', { passphrase: PASSPHRASE });
    expect((await again.call('agreements:get', { studentId: student.id, agreementId: agreement.id })).record.versions).toHaveLength(2);
  });

  it('exports a PDF whose text names the student, whose footer and metadata carry the content hash, and whose record reads back', async () => {
    const { v, student } = await setUp();
    const agreement = await v.call('agreements:create', { studentId: student.id });
    const hash = contentHash(currentVersion(agreement.record).content);
    await v.call('agreements:sign', { studentId: student.id, agreementId: agreement.id, signature: drawn('student', 'Siobhán Ní Bhriain', hash, autumn) });
    const { path, fileName } = await v.call('agreements:exportPdf', { studentId: student.id, agreementId: agreement.id });
    expect(fileName).toBe('Service agreement - Siobhán Ní Bhriain - 2026-27.pdf');
    expect(path).toBe(`${v.dir}-exports/${fileName}`);
    const bytes = await readFile(path);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Siobhán Ní Bhriain');
    expect(text).toContain(hash.slice(0, 12));
    const imported = await readRecordFromPdf(bytes);
    expect(imported.meta).toMatchObject({ kind: 'service-agreement', studentRef: 'S0000042', hash });
    expect(imported.record).toMatchObject({ kind: 'service-agreement', agreementId: agreement.id, hash, content: currentVersion(agreement.record).content });
    // A second export does not overwrite the first.
    expect((await v.call('agreements:exportPdf', { studentId: student.id, agreementId: agreement.id })).fileName).toBe('Service agreement - Siobhán Ní Bhriain - 2026-27 (2).pdf');
  });

  it('file names are safe whatever the student is called', () => {
    expect(safeFilePart('../../etc/passwd')).toBe('etc passwd');
    expect(safeFilePart('A:B*C?"D<E>F|G\u0000')).toBe('A B C D E F G');
    expect(safeFilePart('   ')).toBe('student');
  });
});

describe('a new academic year asks for a new agreement', () => {
  it('active students without an agreement signed by both for this year are listed on the home screen, and leave it once both sign', async () => {
    const { v, student } = await setUp();
    await v.call('referrals:create', { student: { fullName: 'Idris Mensah' }, receivedAt: autumn }); // referred: not yet due
    let home = await v.call('home:overview', {});
    expect(home.academicYear).toBe('2026/27');
    expect(home.agreementsDue.map((s) => s.fullName)).toEqual(['Siobhán Ní Bhriain']);

    const agreement = await v.call('agreements:create', { studentId: student.id });
    const hash = contentHash(currentVersion(agreement.record).content);
    await v.call('agreements:sign', { studentId: student.id, agreementId: agreement.id, signature: drawn('student', 'Siobhán Ní Bhriain', hash, autumn) });
    expect((await v.call('home:overview', {})).agreementsDue.map((s) => s.fullName)).toEqual(['Siobhán Ní Bhriain']); // one signature is not enough
    await v.call('agreements:sign', { studentId: student.id, agreementId: agreement.id, signature: drawn('mentor', 'Priya Shah', hash, autumn) });
    expect((await v.call('home:overview', {})).agreementsDue).toEqual([]);

    // September: a new academic year, so the continuing student needs a new agreement.
    v.clock.set(Date.UTC(2027, 8, 1, 9));
    home = await v.call('home:overview', {});
    expect(home.academicYear).toBe('2027/28');
    expect(home.agreementsDue.map((s) => s.fullName)).toEqual(['Siobhán Ní Bhriain']);
  });
});

describe('leaving signing mode', () => {
  it('asks for the passphrase: a wrong one is refused and slowed down like unlocking', async () => {
    const { v } = await setUp();
    const wrong = await v.fails('vault:confirmPassphrase', { passphrase: 'not the passphrase' });
    expect(wrong.code).toBe('WRONG_PASSPHRASE');
    expect(await v.call('vault:confirmPassphrase', { passphrase: PASSPHRASE })).toBeNull();
  });
});
