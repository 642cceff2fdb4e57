import { z } from 'zod';
import { IsoDate, Timestamp, requiredText, text } from './common';
import { SurveyStatus, SurveyWindow } from './calendar';

export { SurveyStatus };

/**
 * Student surveys: the provider's Rate your Support survey and the end-of-year mentoring survey,
 * with questions the provider edits in Settings. Each student's survey entries live in that
 * student's own document, so erasing a student erases their answers.
 */

/** A survey's id: lower case, also the link to nothing else (the calendar rule is `windowRuleId`). */
export const SurveyId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'A survey id is lower-case letters, digits and hyphens');
/** A question's id: it names the CSV column `q_<id>`, so it must stay the same once answers exist. */
export const QuestionId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'A question id is lower-case letters, digits, hyphens and underscores');
/** "2026/27": the second year must follow the first. */
export const AcademicYearLabel = z
  .string()
  .regex(/^\d{4}\/\d{2}$/, 'Write the academic year like 2026/27')
  .refine((y) => (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5)), 'The academic year runs over two years in a row, like 2026/27');

export const TEXT_ANSWER_MAX = 2000;

export const RatingScale = z
  .strictObject({
    min: z.number().int().min(0, 'A scale starts at 0 or 1').max(1, 'A scale starts at 0 or 1'),
    max: z.number().int().min(2, 'A scale has at least two points').max(10, 'A scale has at most 10 points'),
    minLabel: text(60).default(''),
    maxLabel: text(60).default(''),
  });
export type RatingScale = z.infer<typeof RatingScale>;

export const SurveyQuestion = z
  .strictObject({
    id: QuestionId,
    kind: z.enum(['rating', 'text']),
    text: requiredText(300, 'The question'),
    scale: RatingScale.optional(),
  })
  .refine((q) => q.kind !== 'rating' || q.scale !== undefined, { message: 'A rating question needs a scale', path: ['scale'] });
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

export const SurveyDefinition = z.strictObject({
  id: SurveyId,
  title: requiredText(120, 'A survey title'),
  /** The calendar rule (Settings → calendar) whose window says when the survey opens and is due. */
  windowRuleId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a valid deadline id'),
  questions: z
    .array(SurveyQuestion)
    .min(1, 'A survey needs at least one question')
    .max(40, 'At most 40 questions')
    .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'Two questions have the same id'),
});
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;

export const SurveyDefinitions = z
  .array(SurveyDefinition)
  .max(20, 'At most 20 surveys')
  .refine((list) => new Set(list.map((s) => s.id)).size === list.length, 'Two surveys have the same id');

const five = (minLabel: string, maxLabel: string): RatingScale => ({ min: 1, max: 5, minLabel, maxLabel });

/** Our own wording; the provider edits the questions in Settings. */
export const defaultSurveys: SurveyDefinition[] = [
  {
    id: 'rate-your-support',
    title: 'Rate your Support',
    windowRuleId: 'rate-your-support',
    questions: [
      { id: 'helpful', kind: 'rating', text: 'How helpful has mentoring been overall?', scale: five('Not helpful', 'Very helpful') },
      { id: 'arranging', kind: 'rating', text: 'How easy is it to arrange sessions with your mentor?', scale: five('Very hard', 'Very easy') },
      { id: 'helped-most', kind: 'text', text: 'What has helped most?' },
      { id: 'could-be-better', kind: 'text', text: 'What could be better?' },
    ],
  },
  {
    id: 'mentoring-survey',
    title: 'End-of-year mentoring survey',
    windowRuleId: 'mentoring-survey',
    questions: [
      { id: 'overall', kind: 'rating', text: 'Overall, how useful has mentoring been this year?', scale: five('Not useful', 'Very useful') },
      { id: 'organising', kind: 'rating', text: 'How much has mentoring helped you plan and organise your studies?', scale: five('Not at all', 'A great deal') },
      { id: 'confidence', kind: 'rating', text: 'How much has mentoring helped your confidence with your course?', scale: five('Not at all', 'A great deal') },
      { id: 'listened', kind: 'rating', text: 'How well did your mentor listen to what you needed?', scale: five('Not well', 'Very well') },
      { id: 'recommend', kind: 'rating', text: 'How likely are you to recommend mentoring to another student?', scale: five('Not likely', 'Very likely') },
      { id: 'made-a-difference', kind: 'text', text: 'What difference has mentoring made for you?' },
      { id: 'change', kind: 'text', text: 'What would you change about mentoring?' },
    ],
  },
];

export const SentHow = z.enum(['email', 'in person', 'link', 'other']);
export type SentHow = z.infer<typeof SentHow>;
const OptionalDate = z.union([z.literal(''), IsoDate]);

/** An answer as stored: a point on the question's scale, or the student's own words. */
export const SurveyAnswer = z.union([z.number().int().min(0).max(10), z.string().max(TEXT_ANSWER_MAX)]);
export const SurveyAnswers = z.record(QuestionId, SurveyAnswer);
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

/** One student's copy of one survey in one academic year. */
export const SurveyEntry = z.strictObject({
  surveyId: SurveyId,
  academicYear: AcademicYearLabel,
  status: SurveyStatus,
  sentOn: OptionalDate.default(''),
  sentHow: z.union([z.literal(''), SentHow]).default(''),
  returnedOn: OptionalDate.default(''),
  answers: SurveyAnswers.default({}),
  /** How the answers arrived: typed in by the mentor, or imported from the survey tool's CSV. */
  source: z.enum(['typed', 'csv', '']).default(''),
  updatedAt: Timestamp,
});
export type SurveyEntry = z.infer<typeof SurveyEntry>;

// ── What the channels return ──

export const SurveyRow = z.strictObject({
  studentId: z.string(),
  name: z.string(),
  studentNumber: z.string(),
  status: SurveyStatus,
  sentOn: z.string(),
  sentHow: z.string(),
  returnedOn: z.string(),
  hasAnswers: z.boolean(),
  /** Not returned while the window is open and before the due date: send it or chase it. */
  needsReminder: z.boolean(),
});
export type SurveyRow = z.infer<typeof SurveyRow>;

export const SurveyCounts = z.strictObject({
  invited: z.number().int(),
  notSent: z.number().int(),
  sent: z.number().int(),
  returned: z.number().int(),
  needReminder: z.number().int(),
});

export const SurveyOverview = z.strictObject({
  survey: SurveyDefinition,
  academicYear: z.string(),
  today: IsoDate,
  /** Null when the survey's calendar rule is missing or switched off. */
  window: SurveyWindow.nullable(),
  rows: z.array(SurveyRow),
  counts: SurveyCounts,
  /** Returned ÷ invited, 0 to 1 (0 when nobody is invited). */
  responseRate: z.number(),
});
export type SurveyOverview = z.infer<typeof SurveyOverview>;

export const RatingResult = z.strictObject({
  id: z.string(),
  kind: z.literal('rating'),
  text: z.string(),
  scale: RatingScale,
  /** One entry per point of the scale, lowest first. */
  distribution: z.array(z.strictObject({ value: z.number(), count: z.number().int() })),
  answered: z.number().int(),
  mean: z.number().nullable(),
});
export const TextResult = z.strictObject({ id: z.string(), kind: z.literal('text'), text: z.string(), answers: z.array(z.string()) });
export const QuestionResult = z.discriminatedUnion('kind', [RatingResult, TextResult]);
export type QuestionResult = z.infer<typeof QuestionResult>;

export const SurveyResults = z.strictObject({
  surveyId: z.string(),
  title: z.string(),
  academicYear: z.string(),
  invited: z.number().int(),
  returned: z.number().int(),
  responseRate: z.number(),
  questions: z.array(QuestionResult),
});
export type SurveyResults = z.infer<typeof SurveyResults>;

export const SurveyImportRequest = z.strictObject({
  surveyId: SurveyId,
  academicYear: AcademicYearLabel,
  csvText: z.string().max(5_000_000, 'That file is too large (over 5 MB). Split it and import each part.'),
});

export const SurveyImportProblem = z.strictObject({ row: z.number().int(), reasons: z.array(z.string()) });

export const SurveyImportPreview = z.strictObject({
  columns: z.array(z.string()),
  /** Which column answers which question (by question id). */
  questionColumns: z.array(z.strictObject({ column: z.string(), questionId: z.string(), questionText: z.string() })),
  /** The columns used to find the student. */
  matchColumns: z.strictObject({ studentNumber: z.string().nullable(), email: z.string().nullable() }),
  total: z.number().int(),
  good: z.number().int(),
  /** Good rows for students whose answers are already on file: importing replaces them. */
  replaces: z.number().int(),
  /** Rows with nothing to import (not returned, or another survey in a Mentor Desk export). */
  skipped: z.number().int(),
  sample: z.array(z.strictObject({ row: z.number().int(), studentName: z.string(), returnedOn: z.string(), answered: z.number().int() })),
  bad: z.array(SurveyImportProblem),
  fileErrors: z.array(z.string()),
});
export type SurveyImportPreview = z.infer<typeof SurveyImportPreview>;

export const SurveyImportResult = z.strictObject({ imported: z.number().int(), skipped: z.number().int(), bad: z.array(SurveyImportProblem), fileErrors: z.array(z.string()) });
export type SurveyImportResult = z.infer<typeof SurveyImportResult>;
