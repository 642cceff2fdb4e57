import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../../shared/domain/canonical';
import { currentVersion } from '../../../shared/domain/signing';
import { DEFAULT_STRATEGIES, type IlpDraft, type LearningPlan } from '../../../shared/schemas/ilp';
import { readRecordFromPdf } from '../../../electron/main/backend/documents';
import { PASSPHRASE, openBackend } from '../helpers';
import { MENTOR_NAME, STUDENT_NAME, drawn, pdfText, removeDir, setUpStudent } from './sessions.fixtures';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

const goal = (what: string, extra: Partial<IlpDraft['goals'][number]> = {}): IlpDraft['goals'][number] => ({
  what, why: '', measure: '', targetDate: '', strategies: ['Planning'], status: 'not-started', reviewNotes: '', ...extra,
});

function draftOf(plan: LearningPlan, change: Partial<IlpDraft> = {}): IlpDraft {
  const { studentName: _s, mentorName: _m, ...rest } = currentVersion(plan.record).content;
  return { ...rest, ...change };
}

const hashOf = (plan: LearningPlan) => contentHash(currentVersion(plan.record).content);

async function signBoth(v: Awaited<ReturnType<typeof setUpStudent>>['v'], studentId: string, plan: LearningPlan): Promise<LearningPlan> {
  const hash = hashOf(plan);
  await v.call('ilp:sign', { studentId, signature: drawn('student', STUDENT_NAME, hash, v.clock.now()) });
  return v.call('ilp:sign', { studentId, signature: drawn('mentor', MENTOR_NAME, hash, v.clock.now()) });
}

describe('the Individual Learning Plan', () => {
  it('starts empty with the student’s and mentor’s names, only once per student, and Settings offer the strategies', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    expect(await v.call('ilp:get', { studentId })).toBeNull();
    const plan = await v.call('ilp:start', { studentId });
    expect(currentVersion(plan.record).content).toEqual({ studentName: STUDENT_NAME, mentorName: MENTOR_NAME, strengths: '', barriers: '', goals: [], reviews: [], nextReviewOn: '' });
    expect((await v.fails('ilp:start', { studentId })).message).toMatch(/already has a learning plan/);
    expect((await v.call('settings:get', {})).ilpStrategies).toEqual(DEFAULT_STRATEGIES);
  });

  it('gives new goals an id that stays the same through later edits, and edits an unsigned plan in place', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    let plan = await v.call('ilp:start', { studentId });
    plan = await v.call('ilp:save', { studentId, draft: draftOf(plan, { strengths: 'Determined', goals: [goal('Hand in essays on time')] }) });
    const id = currentVersion(plan.record).content.goals[0]!.id;
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    plan = await v.call('ilp:save', { studentId, draft: draftOf(plan, { goals: [...draftOf(plan).goals.map((g) => ({ ...g, status: 'in-progress' as const })), goal('Revise weekly')] }) });
    expect(plan.record.versions).toHaveLength(1);
    expect(currentVersion(plan.record).content.goals.map((g) => [g.id === id, g.status])).toEqual([[true, 'in-progress'], [false, 'not-started']]);
    const blank = await v.fails('ilp:save', { studentId, draft: draftOf(plan, { goals: [goal('')] }) });
    expect(blank.issues?.[0]).toMatchObject({ path: 'draft.goals.0.what' });
  });

  it('a review after signing is a new version to sign; the signed version is kept, and signed reviews cannot be rewritten', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    let plan = await v.call('ilp:start', { studentId });
    plan = await v.call('ilp:save', { studentId, draft: draftOf(plan, { goals: [goal('Hand in essays on time', { targetDate: '2027-01-15' })], nextReviewOn: '2027-01-20' }) });
    plan = await signBoth(v, studentId, plan);
    const firstHash = hashOf(plan);

    plan = await v.call('ilp:save', {
      studentId,
      draft: draftOf(plan, { reviews: [{ on: '2027-01-20', outcome: 'Two essays in on time; third due next week' }], nextReviewOn: '2027-03-20' }),
    });
    expect(plan.record.versions).toHaveLength(2);
    expect(plan.record.versions[0]).toMatchObject({ hash: firstHash, signatures: [{ role: 'student' }, { role: 'mentor' }] });
    expect(plan.record.versions[0]!.content.reviews).toEqual([]);
    expect(plan.record.versions[1]).toMatchObject({ amends: 0, signatures: [] });
    expect(plan.record.versions[1]!.changes.map((c) => c.path)).toEqual(['nextReviewOn', 'reviews.0']);
    // The old version's signature does not carry over to the review.
    expect((await v.fails('ilp:sign', { studentId, signature: drawn('student', STUDENT_NAME, firstHash, v.clock.now()) })).message).toMatch(/changed/);
    plan = await signBoth(v, studentId, plan);
    expect(plan.record.versions.map((x) => x.signatures.length)).toEqual([2, 2]);

    const rewritten = await v.fails('ilp:save', { studentId, draft: draftOf(plan, { reviews: [{ on: '2027-01-20', outcome: 'All fine' }] }) });
    expect(rewritten.issues).toEqual([{ path: 'reviews', message: 'Signed reviews cannot be changed' }]);
    const removed = await v.fails('ilp:save', { studentId, draft: draftOf(plan, { reviews: [] }) });
    expect(removed.message).toMatch(/add a new review instead/);

    const again = await openBackend(v.dir);
    await again.call('vault:unlock', { passphrase: PASSPHRASE });
    expect((await again.call('ilp:get', { studentId }))?.record.versions).toHaveLength(2);
    const history = await again.call('audit:list', { recordId: studentId, limit: 50 });
    expect(history.entries.map((e) => e.changes?.[0]?.new)).toEqual(expect.arrayContaining(['started', 'review added (amendment to sign)', 'signed by the student']));
    expect(JSON.stringify(history.entries)).not.toContain('third due next week');
  });

  it('exports the current version with its goals, reviews and both signatures, and the record reads back', async () => {
    const { v, studentId } = await setUpStudent(dirs);
    let plan = await v.call('ilp:start', { studentId });
    plan = await v.call('ilp:save', {
      studentId,
      draft: draftOf(plan, {
        strengths: 'Good at maths; asks for help once started',
        barriers: 'Starting long essays',
        goals: [
          goal('Hand in every essay on time this term', { why: 'Late penalties cost marks', measure: 'Three essays in by their deadlines', targetDate: '2027-01-15', strategies: ['Planning', 'Time management'], status: 'in-progress' }),
          goal('Build a weekly revision timetable', { strategies: ['Revision programmes'] }),
        ],
      }),
    });
    plan = await signBoth(v, studentId, plan);
    const { path, fileName } = await v.call('ilp:exportPdf', { studentId });
    expect(fileName).toBe('ILP - Zoë Adams - 2026-11-23.pdf');
    const text = pdfText(path);
    for (const expected of [
      'Individual Learning Plan', 'Zoë Adams', 'S0000142', 'Good at maths; asks for help once started', 'Starting long essays',
      'Goal 1: Hand in every essay on time this term', 'Late penalties cost marks', 'Three essays in by their deadlines', '15/01/2027', 'Planning; Time management', 'In progress',
      'Goal 2: Build a weekly revision timetable', 'Not started', 'No review held yet', 'Priya Shah', 'Student · signed', 'Mentor · signed', hashOf(plan),
    ]) {
      expect(text, expected).toContain(expected);
    }
    const imported = await readRecordFromPdf(await readFile(path));
    expect(imported.meta).toMatchObject({ kind: 'ilp', studentRef: 'S0000142', hash: hashOf(plan) });
    expect(imported.record).toMatchObject({ kind: 'ilp', version: 1, content: currentVersion(plan.record).content });
    expect((imported.record as { signatures: unknown[] }).signatures).toHaveLength(2);
  });
});
