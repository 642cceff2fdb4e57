import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultBoundaryItems } from '../../../shared/schemas/handbook';
import { readRecordFromPdf } from '../../../electron/main/backend/documents';
import { PASSPHRASE, newVault, openBackend, removeDir } from '../helpers';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

const monday = Date.UTC(2026, 10, 23, 9, 30);

async function setUp() {
  const v = await newVault();
  dirs.push(v.dir, `${v.dir}-exports`);
  v.clock.set(monday);
  const settings = await v.call('settings:get', {});
  await v.call('settings:save', { ...settings, mentorName: 'Priya Shah', providerName: 'Brightpath Mentoring' });
  const student = await v.call('students:create', { fullName: 'Zoë Adams', studentNumber: 'S0000101' });
  return { v, student };
}

const concern = {
  raisedOn: '2026-11-23',
  grounds: 'risk-to-self' as const,
  concern: 'Said she had thought about ending her life',
  informed: [{ who: 'Office safeguarding lead', on: '2026-11-23', how: 'phone' }],
  followUp: 'GP appointment booked',
  closed: false,
};

describe('boundaries', () => {
  it('the checklist starts from the provider’s list and records when each item was confirmed', async () => {
    const { v, student } = await setUp();
    expect((await v.call('boundaries:get', { studentId: student.id })).checklist).toEqual([]);
    const confirmed = defaultBoundaryItems.map((_, i) => i !== 2);
    const saved = await v.call('boundaries:saveChecklist', { studentId: student.id, confirmed });
    expect(saved.checklist.map((i) => i.text)).toEqual(defaultBoundaryItems);
    expect(saved.checklist.map((i) => i.confirmedAt)).toEqual(confirmed.map((c) => (c ? monday : null)));
    // A list of the wrong length (the provider's list changed meanwhile) is refused rather than guessed at.
    expect((await v.fails('boundaries:saveChecklist', { studentId: student.id, confirmed: [true] })).message).toMatch(/changed while you were working/);
  });

  it('logs a boundary event with what the mentor did, and needs a date when the office was told', async () => {
    const { v, student } = await setUp();
    const bad = await v.fails('boundaries:save', {
      studentId: student.id,
      entry: { type: 'event', entry: { on: '2026-11-20', kind: 'gift', description: 'Offered a box of chocolates', action: 'Declined politely and explained the policy', officeTold: true, officeToldOn: '' } },
    });
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toMatch(/when the office was told/);
    const saved = await v.call('boundaries:save', {
      studentId: student.id,
      entry: { type: 'event', entry: { on: '2026-11-20', kind: 'gift', description: 'Offered a box of chocolates', action: 'Declined politely and explained the policy', officeTold: false, officeToldOn: '' } },
    });
    const event = saved.events[0]!;
    v.clock.set(monday + 3600_000);
    const { on, kind, description, action } = event;
    const updated = await v.call('boundaries:save', { studentId: student.id, entry: { type: 'event', id: event.id, entry: { on, kind, description, action, officeTold: true, officeToldOn: '2026-11-23' } } });
    expect(updated.events).toHaveLength(1);
    expect(updated.events[0]).toMatchObject({ id: event.id, officeTold: true, officeToldOn: '2026-11-23', recordedAt: monday, updatedAt: monday + 3600_000 });
  });

  it('a confidentiality exception flags the student in the caseload until it is closed, and the audit log never holds the concern', async () => {
    const { v, student } = await setUp();
    const noOne = await v.fails('boundaries:save', { studentId: student.id, entry: { type: 'exception', entry: { ...concern, informed: [] } } });
    expect(noOne.message).toMatch(/who was informed/);
    const saved = await v.call('boundaries:save', { studentId: student.id, entry: { type: 'exception', entry: concern } });
    expect((await v.call('students:list', {})).find((s) => s.id === student.id)?.confidentiality).toBe('open');
    await v.call('boundaries:save', { studentId: student.id, entry: { type: 'exception', id: saved.exceptions[0]!.id, entry: { ...concern, closed: true } } });
    expect((await v.call('students:list', {})).find((s) => s.id === student.id)?.confidentiality).toBe('closed');
    const history = await v.call('audit:list', { recordId: student.id, limit: 50 });
    expect(history.entries.map((e) => e.changes?.[0]?.field)).toContain('confidentialityException');
    expect(JSON.stringify(history.entries)).not.toMatch(/ending her life|GP appointment/);

    const again = await openBackend(v.dir);
    await again.call('vault:unlock', { passphrase: PASSPHRASE });
    expect((await again.call('boundaries:get', { studentId: student.id })).exceptions[0]).toMatchObject({ concern: concern.concern, closed: true });
  });

  it('a conflict of interest is declared with its date and when the mentee was told', async () => {
    const { v, student } = await setUp();
    const saved = await v.call('boundaries:save', {
      studentId: student.id,
      entry: { type: 'conflict', entry: { declaredOn: '2026-11-23', description: 'I also tutor on the student’s course', menteeToldOn: '2026-11-24' } },
    });
    expect(saved.conflicts[0]).toMatchObject({ declaredOn: '2026-11-23', menteeToldOn: '2026-11-24' });
  });

  it('the PDF leaves confidentiality exceptions out unless the mentor includes them, and says so', async () => {
    const { v, student } = await setUp();
    await v.call('boundaries:saveChecklist', { studentId: student.id, confirmed: defaultBoundaryItems.map(() => true) });
    await v.call('boundaries:save', {
      studentId: student.id,
      entry: { type: 'event', entry: { on: '2026-11-20', kind: 'social-media', description: 'Sent a friend request', action: 'Did not accept; reminded of boundaries', officeTold: true, officeToldOn: '2026-11-21' } },
    });
    await v.call('boundaries:save', { studentId: student.id, entry: { type: 'exception', entry: concern } });

    const without = await v.call('boundaries:exportPdf', { studentId: student.id, includeConfidential: false });
    const text = execFileSync('pdftotext', [without.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Zoë Adams');
    expect(text).toContain('Sent a friend request');
    expect(text).toContain('Left out of this export on purpose');
    expect(text).not.toContain('ending her life');
    const record = (await readRecordFromPdf(await readFile(without.path))).record as { exceptions: unknown[]; includesConfidentialityExceptions: boolean };
    expect(record).toMatchObject({ includesConfidentialityExceptions: false, exceptions: [] });

    const withIt = await v.call('boundaries:exportPdf', { studentId: student.id, includeConfidential: true });
    const full = execFileSync('pdftotext', [withIt.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(full).toContain('Said she had thought about ending her life');
    expect(full).toContain('Office safeguarding lead, 23/11/2026 (phone)');
  });
});
