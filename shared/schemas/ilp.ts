import { z } from 'zod';
import { Id, IsoDate, Timestamp, requiredText, text } from './common';
import { SignerRole, signedRecordSchema } from './signature';

/**
 * The Individual Learning Plan: what the student is good at, what gets in the way, and the goals
 * they are working towards with the strategies chosen for each. Student and mentor sign it; a
 * review or a change of goal after signing makes an amendment (shared/domain/signing.ts).
 *
 * No defaults or transforms beyond trimming here: re-parsing old signed content must give back
 * exactly what was signed.
 */

export const GoalStatus = z.enum(['not-started', 'in-progress', 'achieved', 'dropped']);
export type GoalStatus = z.infer<typeof GoalStatus>;
export const goalStatusLabels: Record<GoalStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  achieved: 'Achieved',
  dropped: 'No longer pursued',
};
/** Goals still being worked on: these can fall due and are offered when recording a session. */
export const OPEN_GOAL_STATUSES: readonly GoalStatus[] = ['not-started', 'in-progress'];

/**
 * The strategies offered when the mentor picks how a goal will be met, in our own words. The
 * provider edits the list in Settings; a goal keeps whatever wording was chosen when it was set.
 */
export const DEFAULT_STRATEGIES: readonly string[] = [
  'Motivation and confidence',
  'Time management',
  'Planning',
  'Organisation',
  'Target setting',
  'Revision programmes',
  'Signposting to other services',
  'Reassurance',
  'Debriefing',
];

const optionalDate = z.union([z.literal(''), IsoDate]);

export const IlpGoal = z.strictObject({
  /** Stable across amendments, so sessions can say which goals they worked on. */
  id: Id,
  what: requiredText(500, 'What the goal is'),
  why: text(1000),
  /** How the student and mentor will know the goal is met. */
  measure: text(1000),
  /** Empty while no date is agreed yet. */
  targetDate: optionalDate,
  strategies: z.array(requiredText(120, 'A strategy')).max(20, 'At most 20 strategies per goal'),
  status: GoalStatus,
  reviewNotes: text(4000),
});
export type IlpGoal = z.infer<typeof IlpGoal>;

export const IlpReview = z.strictObject({
  on: IsoDate,
  outcome: text(4000),
});
export type IlpReview = z.infer<typeof IlpReview>;

export const IlpContent = z
  .strictObject({
    studentName: text(160),
    mentorName: text(120),
    strengths: text(4000),
    barriers: text(4000),
    goals: z.array(IlpGoal).max(30, 'At most 30 goals: close or drop some before adding more'),
    reviews: z.array(IlpReview).max(200),
    /** Empty while no review is planned. */
    nextReviewOn: optionalDate,
  })
  .superRefine((ilp, ctx) => {
    const seen = new Set<string>();
    ilp.goals.forEach((goal, i) => {
      if (seen.has(goal.id)) ctx.addIssue({ code: 'custom', path: ['goals', i, 'id'], message: 'Two goals share one id' });
      seen.add(goal.id);
    });
  });
export type IlpContent = z.infer<typeof IlpContent>;

/** Stored with the student's other records (one file per student), so it names no student id. */
export const LearningPlan = z.strictObject({
  id: Id,
  createdAt: Timestamp,
  record: signedRecordSchema(IlpContent),
});
export type LearningPlan = z.infer<typeof LearningPlan>;

/** Both the student and the mentor sign the plan. */
export const ILP_SIGNERS: readonly SignerRole[] = ['student', 'mentor'];

/**
 * Open goals whose target date is `today` or earlier, soonest first: what to bring up at the next
 * session. Goals without a target date never fall due.
 */
export function goalsDue(ilp: Pick<IlpContent, 'goals'>, today: string): IlpGoal[] {
  return ilp.goals
    .filter((g) => OPEN_GOAL_STATUSES.includes(g.status) && g.targetDate !== '' && g.targetDate <= today)
    .sort((a, b) => a.targetDate.localeCompare(b.targetDate));
}

/** The plan is due for review on or after its planned review date. */
export function reviewDue(ilp: Pick<IlpContent, 'nextReviewOn'>, today: string): boolean {
  return ilp.nextReviewOn !== '' && ilp.nextReviewOn <= today;
}

/** A goal as the mentor edits it: a new goal has no id yet and the backend gives it one. */
export const IlpGoalDraft = IlpGoal.extend({ id: Id.optional() });
export type IlpGoalDraft = z.infer<typeof IlpGoalDraft>;

/** The plan as the mentor edits it: the backend keeps the names and gives new goals their ids. */
export const IlpDraft = z.strictObject({
  strengths: text(4000),
  barriers: text(4000),
  goals: z.array(IlpGoalDraft).max(30, 'At most 30 goals: close or drop some before adding more'),
  reviews: z.array(IlpReview).max(200),
  nextReviewOn: optionalDate,
});
export type IlpDraft = z.infer<typeof IlpDraft>;
