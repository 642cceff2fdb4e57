import { describe, expect, it } from 'vitest';
import { createSignedRecord, currentVersion, edit, isComplete, sign } from '../../../shared/domain/signing';
import { DEFAULT_STRATEGIES, ILP_SIGNERS, IlpContent, IlpGoal, LearningPlan, goalStatusLabels, goalsDue, reviewDue } from '../../../shared/schemas/ilp';

const created = Date.UTC(2026, 10, 23, 9, 15);

const goal: IlpGoal = {
  id: 'goal-0001',
  what: 'Hand in the first essay on time',
  why: 'Late penalties last year',
  measure: 'Submitted by the deadline without an extension',
  targetDate: '2026-12-11',
  strategies: ['Time management', 'Planning'],
  status: 'in-progress',
  reviewNotes: '',
};
const ilp: IlpContent = {
  studentName: 'Sam Student',
  mentorName: 'Morgan Mentor',
  strengths: 'Curious, asks good questions',
  barriers: 'Starting work; large reading lists',
  goals: [
    goal,
    { ...goal, id: 'goal-0002', what: 'Use the library quiet room twice a week', targetDate: '2026-11-20', strategies: ['Organisation'] },
    { ...goal, id: 'goal-0003', what: 'Join a society', targetDate: '2026-11-01', status: 'achieved' },
    { ...goal, id: 'goal-0004', what: 'Agree a revision programme', targetDate: '' },
  ],
  reviews: [{ on: '2026-11-02', outcome: 'Settled into the course' }],
  nextReviewOn: '2026-12-14',
};

describe('the Individual Learning Plan', () => {
  it('refuses a goal without saying what the goal is', () => {
    const result = IlpContent.safeParse({ ...ilp, goals: [{ ...goal, what: '   ' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['goals', 0, 'what'], message: 'What the goal is is required' });
    expect(IlpGoal.safeParse({ ...goal, what: undefined }).success).toBe(false);
  });

  it('reads back exactly what was signed: nothing is filled in by defaults', () => {
    expect(IlpContent.parse(ilp)).toEqual(ilp);
    const { reviews: _r, ...withoutReviews } = ilp;
    expect(IlpContent.safeParse(withoutReviews).success).toBe(false);
  });

  it('refuses two goals with the same id, since sessions point at goals by id', () => {
    expect(IlpContent.safeParse({ ...ilp, goals: [goal, { ...goal, what: 'Another' }] }).success).toBe(false);
  });

  it('refuses a status, target date or review date that is not one of ours', () => {
    expect(IlpGoal.safeParse({ ...goal, status: 'done' }).success).toBe(false);
    expect(IlpGoal.safeParse({ ...goal, targetDate: '11/12/2026' }).success).toBe(false);
    expect(IlpContent.safeParse({ ...ilp, nextReviewOn: '2026-02-30' }).success).toBe(false);
  });

  it('offers the usual mentoring strategies, and labels every goal status', () => {
    expect(DEFAULT_STRATEGIES).toContain('Time management');
    expect(DEFAULT_STRATEGIES).toContain('Signposting to other services');
    expect(DEFAULT_STRATEGIES).toHaveLength(9);
    expect(Object.keys(goalStatusLabels).sort()).toEqual(['achieved', 'dropped', 'in-progress', 'not-started']);
  });

  it('lists open goals whose target date has come, soonest first; achieved goals and goals without a date never fall due', () => {
    expect(goalsDue(ilp, '2026-11-23').map((g) => g.id)).toEqual(['goal-0002']);
    expect(goalsDue(ilp, '2026-12-11').map((g) => g.id)).toEqual(['goal-0002', 'goal-0001']);
  });

  it('is due for review from its planned review date', () => {
    expect(reviewDue(ilp, '2026-12-13')).toBe(false);
    expect(reviewDue(ilp, '2026-12-14')).toBe(true);
    expect(reviewDue({ nextReviewOn: '' }, '2030-01-01')).toBe(false);
  });

  it('is stored as a signed record; marking a goal achieved after signing becomes an amendment listing what changed', () => {
    const record = createSignedRecord(ilp, created);
    const hash = currentVersion(record).hash;
    const signature = (role: 'student' | 'mentor') => ({
      role, signerName: role, signedAt: created, contentHash: hash, strokes: [[{ x: 1, y: 1 }, { x: 20, y: 20 }]], width: 300, height: 100,
    });
    const byStudent = sign(record, signature('student'), created);
    if (!byStudent.ok) throw new Error(byStudent.message);
    const byBoth = sign(byStudent.record, signature('mentor'), created);
    if (!byBoth.ok) throw new Error(byBoth.message);
    const plan = LearningPlan.parse({ id: 'ilp-000001', createdAt: created, record: byBoth.record });
    expect(isComplete(currentVersion(plan.record), ILP_SIGNERS)).toBe(true);

    const reviewed = edit(plan.record, { ...ilp, goals: [{ ...goal, status: 'achieved' as const }, ...ilp.goals.slice(1)] }, created + 1000);
    expect(reviewed.versions).toHaveLength(2);
    expect(currentVersion(reviewed).changes).toEqual([{ path: 'goals.0.status', old: 'in-progress', new: 'achieved' }]);
    expect(isComplete(currentVersion(reviewed), ILP_SIGNERS)).toBe(false);
  });
});
