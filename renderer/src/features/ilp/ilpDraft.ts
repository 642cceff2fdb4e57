import { GoalStatus, goalStatusLabels, type GoalStatus as GoalStatusType, type IlpContent, type IlpDraft, type IlpGoalDraft } from '../../../../shared/schemas/ilp';

/** What the mentor edits: the plan's content without the names the backend keeps. */
export function draftOf(content: IlpContent): IlpDraft {
  return {
    strengths: content.strengths,
    barriers: content.barriers,
    goals: content.goals.map((goal) => ({ ...goal, strategies: [...goal.strategies] })),
    reviews: content.reviews.map((review) => ({ ...review })),
    nextReviewOn: content.nextReviewOn,
  };
}

/** A new goal: the backend gives it its id on saving. */
export function emptyGoal(): IlpGoalDraft {
  return { what: '', why: '', measure: '', targetDate: '', strategies: [], status: 'not-started', reviewNotes: '' };
}

export const goalStatusColors: Record<GoalStatusType, string> = {
  'not-started': 'gray',
  'in-progress': 'blue',
  achieved: 'teal',
  dropped: 'orange',
};

export const GOAL_STATUS_OPTIONS = GoalStatus.options.map((value) => ({ value, label: goalStatusLabels[value] }));

/** How many goals are at each status, in the order the statuses are listed. */
export function countByStatus(goals: readonly { status: GoalStatusType }[]): { status: GoalStatusType; count: number }[] {
  return GoalStatus.options.map((status) => ({ status, count: goals.filter((g) => g.status === status).length }));
}

/** The provider's strategies, plus any a goal already uses that the list no longer has (a goal keeps its wording). */
export function strategyOptions(provided: readonly string[], used: readonly string[]): string[] {
  return [...new Set([...provided, ...used])];
}

const CHANGED: Record<string, string> = {
  strengths: 'strengths',
  barriers: 'barriers',
  goals: 'goals',
  reviews: 'reviews',
  nextReviewOn: 'next review date',
  studentName: 'student’s name',
  mentorName: 'mentor’s name',
};

/** "goals, reviews": the parts of the plan an amendment changed, in the mentor's words. */
export function changedParts(paths: readonly string[]): string {
  return [...new Set(paths.map((p) => CHANGED[p.split('.')[0] ?? ''] ?? p))].join(', ');
}
