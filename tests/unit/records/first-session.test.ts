import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../../shared/domain/canonical';
import { currentVersion } from '../../../shared/domain/signing';
import { defaultMentoringGuidelines } from '../../../shared/schemas/handbook';
import type { FirstSessionDraft, FirstSessionRecord } from '../../../shared/schemas/firstSession';
import type { Signature } from '../../../shared/schemas/signature';
import { readRecordFromPdf } from '../../../electron/main/backend/documents';
import { PASSPHRASE, newVault, openBackend, removeDir } from '../helpers';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

const tenAm = Date.UTC(2026, 10, 23, 10, 0);
const minutes = (n: number) => n * 60_000;

function drawn(role: 'student' | 'mentor', signerName: string, hash: string, signedAt: number): Signature {
  return { role, signerName, signedAt, contentHash: hash, width: 400, height: 150, strokes: [[{ x: 10, y: 100 }, { x: 60, y: 40 }, { x: 120, y: 110 }, { x: 200, y: 50 }]] };
}

const hashOf = (r: FirstSessionRecord) => contentHash(currentVersion(r.record).content);

async function setUp() {
  const v = await newVault();
  dirs.push(v.dir, `${v.dir}-exports`);
  v.clock.set(tenAm);
  const settings = await v.call('settings:get', {});
  await v.call('settings:save', { ...settings, mentorName: 'Priya Shah', providerName: 'Brightpath Mentoring' });
  const student = await v.call('students:create', {
    fullName: 'Łukasz Nowak',
    studentNumber: 'S0000077',
    email: 'lukasz@example.ac.uk',
    phone: '07700 900123',
    emergencyContact: { name: 'Anna Nowak', relationship: 'sister', phone: '07700 900456' },
  });
  return { v, student };
}

function draftOf(record: FirstSessionRecord, change: Partial<FirstSessionDraft> = {}): FirstSessionDraft {
  const c = currentVersion(record.record).content;
  return {
    heldOn: c.heldOn,
    guidelinesDone: c.guidelines.map((g) => g.tick.done),
    topics: Object.fromEntries(Object.entries(c.topics).map(([k, t]) => [k, t.done])) as FirstSessionDraft['topics'],
    expectations: c.expectations,
    strengths: c.strengths,
    challenges: c.challenges,
    notes: c.notes,
    ...change,
  };
}

describe('the first session record', () => {
  it('starts from the provider’s 22 guidelines with nothing ticked, and only once per student', async () => {
    const { v, student } = await setUp();
    const record = await v.call('firstSession:start', { studentId: student.id });
    const content = currentVersion(record.record).content;
    expect(content.guidelines.map((g) => g.text)).toEqual(defaultMentoringGuidelines);
    expect(content.guidelines).toHaveLength(22);
    expect(content.guidelines.every((g) => !g.tick.done && g.tick.at === null)).toBe(true);
    expect(content).toMatchObject({ studentName: 'Łukasz Nowak', mentorName: 'Priya Shah', heldOn: '2026-11-23' });
    expect((await v.fails('firstSession:start', { studentId: student.id })).message).toMatch(/already has a first session record/);
  });

  it('uses the provider’s own guidelines when Settings has them', async () => {
    const { v, student } = await setUp();
    const settings = await v.call('settings:get', {});
    await v.call('settings:save', { ...settings, mentoringGuidelines: ['Our first rule.', 'Our second rule.'] });
    const record = await v.call('firstSession:start', { studentId: student.id });
    expect(currentVersion(record.record).content.guidelines.map((g) => g.text)).toEqual(['Our first rule.', 'Our second rule.']);
  });

  it('stamps each tick with the time it was ticked, keeps that time on later saves, and clears it when unticked', async () => {
    const { v, student } = await setUp();
    let record = await v.call('firstSession:start', { studentId: student.id });
    const ticks = draftOf(record).guidelinesDone.map((_, i) => i < 2);
    record = await v.call('firstSession:save', { studentId: student.id, draft: draftOf(record, { guidelinesDone: ticks }) });
    v.clock.set(tenAm + minutes(12));
    record = await v.call('firstSession:save', {
      studentId: student.id,
      draft: draftOf(record, { guidelinesDone: ticks.map((t, i) => t || i === 2), topics: { ...draftOf(record).topics, confidentiality: true }, strengths: 'Organised, curious' }),
    });
    const c = currentVersion(record.record).content;
    expect(c.guidelines.slice(0, 4).map((g) => g.tick.at)).toEqual([tenAm, tenAm, tenAm + minutes(12), null]);
    expect(c.topics.confidentiality).toEqual({ done: true, at: tenAm + minutes(12) });
    expect(c.strengths).toBe('Organised, curious');
    v.clock.set(tenAm + minutes(20));
    record = await v.call('firstSession:save', { studentId: student.id, draft: draftOf(record, { guidelinesDone: ticks.map(() => false) }) });
    expect(currentVersion(record.record).content.guidelines.every((g) => g.tick.at === null)).toBe(true);
  });

  it('copies the contact details from the profile when they are ticked as checked', async () => {
    const { v, student } = await setUp();
    let record = await v.call('firstSession:start', { studentId: student.id });
    record = await v.call('firstSession:save', { studentId: student.id, draft: draftOf(record, { topics: { ...draftOf(record).topics, contactDetails: true } }) });
    expect(currentVersion(record.record).content.contactDetails).toEqual({
      email: 'lukasz@example.ac.uk',
      phone: '07700 900123',
      preferredContact: 'email',
      emergencyContact: { name: 'Anna Nowak', relationship: 'sister', phone: '07700 900456' },
    });
  });

  it('will not tick “service agreement signed” until this year’s agreement is signed by both, then records which one', async () => {
    const { v, student } = await setUp();
    let record = await v.call('firstSession:start', { studentId: student.id });
    const withAgreement = () => draftOf(record, { topics: { ...draftOf(record).topics, agreement: true } });
    const refused = await v.fails('firstSession:save', { studentId: student.id, draft: withAgreement() });
    expect(refused.message).toMatch(/service agreement for 2026\/27 is not signed by both/);

    const agreement = await v.call('agreements:create', { studentId: student.id });
    const agreementHash = contentHash(currentVersion(agreement.record).content);
    await v.call('agreements:sign', { studentId: student.id, agreementId: agreement.id, signature: drawn('student', 'Łukasz Nowak', agreementHash, tenAm) });
    await v.call('agreements:sign', { studentId: student.id, agreementId: agreement.id, signature: drawn('mentor', 'Priya Shah', agreementHash, tenAm) });
    record = await v.call('firstSession:save', { studentId: student.id, draft: withAgreement() });
    expect(currentVersion(record.record).content.agreement).toEqual({ academicYear: '2026/27', hash: agreementHash });
  });

  it('is frozen once signed: a later change is an amendment to sign again, the signed version stays, and it survives a restart', async () => {
    const { v, student } = await setUp();
    let record = await v.call('firstSession:start', { studentId: student.id });
    record = await v.call('firstSession:save', { studentId: student.id, draft: draftOf(record, { expectations: 'Help planning essays' }) });
    const hash = hashOf(record);
    await v.call('firstSession:sign', { studentId: student.id, signature: drawn('student', 'Łukasz Nowak', hash, tenAm) });
    record = await v.call('firstSession:sign', { studentId: student.id, signature: drawn('mentor', 'Priya Shah', hash, tenAm) });
    expect(currentVersion(record.record).signatures.map((s) => s.role)).toEqual(['student', 'mentor']);

    record = await v.call('firstSession:save', { studentId: student.id, draft: draftOf(record, { expectations: 'Help planning essays and revision' }) });
    expect(record.record.versions).toHaveLength(2);
    expect(record.record.versions[0]!.content.expectations).toBe('Help planning essays');
    expect(record.record.versions[1]).toMatchObject({ amends: 0, signatures: [], changes: [{ path: 'expectations', old: 'Help planning essays', new: 'Help planning essays and revision' }] });
    const stale = await v.fails('firstSession:sign', { studentId: student.id, signature: drawn('student', 'Łukasz Nowak', hash, tenAm) });
    expect(stale.message).toMatch(/changed/);

    const again = await openBackend(v.dir);
    await again.call('vault:unlock', { passphrase: PASSPHRASE });
    expect((await again.call('firstSession:get', { studentId: student.id }))?.record.versions).toHaveLength(2);
    const history = await again.call('audit:list', { recordId: student.id, limit: 50 });
    expect(history.entries.map((e) => e.changes?.[0]?.new)).toEqual(expect.arrayContaining(['started', 'signed by the student', 'signed by the mentor', 'amended']));
    // The audit log says what happened, never what the record says.
    expect(JSON.stringify(history.entries)).not.toContain('planning essays');
  });

  it('exports a PDF with every guideline, the tick times, both signatures and the hash, whose record reads back', async () => {
    const { v, student } = await setUp();
    let record = await v.call('firstSession:start', { studentId: student.id });
    record = await v.call('firstSession:save', {
      studentId: student.id,
      draft: draftOf(record, { guidelinesDone: draftOf(record).guidelinesDone.map(() => true), strengths: 'Determined; good at maths', challenges: 'Deadlines' }),
    });
    const hash = hashOf(record);
    v.clock.set(tenAm + minutes(52));
    await v.call('firstSession:sign', { studentId: student.id, signature: drawn('student', 'Łukasz Nowak', hash, tenAm + minutes(50)) });
    await v.call('firstSession:sign', { studentId: student.id, signature: drawn('mentor', 'Priya Shah', hash, tenAm + minutes(51)) });
    const { path, fileName } = await v.call('firstSession:exportPdf', { studentId: student.id });
    expect(fileName).toBe('First session - Łukasz Nowak - 2026-11-23.pdf');
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('First session record');
    expect(text).toContain('Łukasz Nowak');
    expect(text).toContain('22. Mentoring lasts for a set period');
    expect(text).toContain('ticked 23/11/2026, 10:00');
    expect(text).toContain('Determined; good at maths');
    expect(text).toContain('The law requires information to be shared');
    expect(text).toContain(hash.slice(0, 12));
    const imported = await readRecordFromPdf(await readFile(path));
    expect(imported.meta).toMatchObject({ kind: 'first-session', studentRef: 'S0000077', hash });
    expect(imported.record).toMatchObject({ kind: 'first-session', hash, content: currentVersion(record.record).content });
    expect((imported.record as { signatures: unknown[] }).signatures).toHaveLength(2);
  });
});
