import type { FieldIssue } from '../errors';
import type { StudentStatus } from '../schemas/student';
import {
  TEXT_ANSWER_MAX,
  type QuestionResult,
  type SurveyAnswers,
  type SurveyDefinition,
  type SurveyEntry,
  type SurveyQuestion,
  type SurveyResults,
} from '../schemas/survey';

/**
 * Surveys' pure rules: who is asked, checking answers against the questions, the results, and the
 * survey CSV's columns both ways (our export, and the survey tool's export read back in).
 */

/**
 * Who a survey is for: students being mentored (active), paused (deferred) or finished this year
 * (completed). A referral not yet started has had no support to rate, and a withdrawn student is
 * not asked — unless they already have an entry for this survey, which always counts.
 */
export function isInvited(status: StudentStatus, hasEntry: boolean): boolean {
  return hasEntry || status === 'active' || status === 'deferred' || status === 'completed';
}

export function findEntry(entries: readonly SurveyEntry[], surveyId: string, academicYear: string): SurveyEntry | undefined {
  return entries.find((e) => e.surveyId === surveyId && e.academicYear === academicYear);
}

const quoteText = (q: SurveyQuestion) => `“${q.text.length > 60 ? `${q.text.slice(0, 60)}…` : q.text}”`;

/**
 * Checks answers against the survey's questions: a rating must be a whole number on the question's
 * scale, a text answer at most `TEXT_ANSWER_MAX` characters. Blank answers are left out (every
 * question is optional, as on the survey itself). Issues name the question id as their path.
 */
export function validateAnswers(survey: SurveyDefinition, answers: Record<string, unknown>): { answers: SurveyAnswers; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const clean: SurveyAnswers = {};
  for (const [id, value] of Object.entries(answers)) {
    const question = survey.questions.find((q) => q.id === id);
    if (!question) {
      issues.push({ path: id, message: `There is no question “${id}” in ${survey.title} (it may have been removed in Settings). Reload the survey and try again.` });
      continue;
    }
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
    if (question.kind === 'rating') {
      const { min, max } = question.scale!;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        issues.push({ path: id, message: `${quoteText(question)}: choose a whole number from ${min} to ${max}.` });
      } else clean[id] = value;
    } else if (typeof value !== 'string') {
      issues.push({ path: id, message: `${quoteText(question)}: this question takes written words, not a number.` });
    } else if (value.trim().length > TEXT_ANSWER_MAX) {
      issues.push({ path: id, message: `${quoteText(question)}: keep the answer under ${TEXT_ANSWER_MAX} characters (it has ${value.trim().length}).` });
    } else clean[id] = value.trim();
  }
  return { answers: clean, issues };
}

/** The share returned, 0 to 1. */
export function responseRate(returned: number, invited: number): number {
  return invited === 0 ? 0 : returned / invited;
}

/**
 * Results of one survey in one year from the entries of the students asked: the response rate,
 * each rating's distribution over its whole scale and its mean, and each text question's answers.
 * Only returned entries count; an answer off the question's current scale (the provider changed
 * it) is left out rather than bent to fit.
 */
export function surveyResults(survey: SurveyDefinition, academicYear: string, invited: number, entries: readonly SurveyEntry[]): SurveyResults {
  const returned = entries.filter((e) => e.status === 'returned' && e.surveyId === survey.id && e.academicYear === academicYear);
  const questions: QuestionResult[] = survey.questions.map((q) => {
    const values = returned.map((e) => e.answers[q.id]).filter((v) => v !== undefined);
    if (q.kind === 'rating') {
      const scale = q.scale!;
      const points = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
      const ratings = values.filter((v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= scale.min && v <= scale.max);
      const distribution = points.map((value) => ({ value, count: ratings.filter((r) => r === value).length }));
      const mean = ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null;
      return { id: q.id, kind: 'rating', text: q.text, scale, distribution, answered: ratings.length, mean };
    }
    return { id: q.id, kind: 'text', text: q.text, answers: values.filter((v): v is string => typeof v === 'string' && v.trim() !== '') };
  });
  return { surveyId: survey.id, title: survey.title, academicYear, invited, returned: returned.length, responseRate: responseRate(returned.length, invited), questions };
}

// ── The survey CSV ──

/** The fixed columns of the survey export, in order; one `q_<questionId>` column per question follows. */
export const SURVEY_CSV_COLUMNS = ['academic_year', 'survey_id', 'survey_title', 'student_id', 'student_name', 'status', 'sent_on', 'returned_on'] as const;
export const questionColumn = (questionId: string) => `q_${questionId}`;

/** Every column of an export of these surveys: the fixed ones, then each question id once, in survey order. */
export function surveyCsvColumns(surveys: readonly SurveyDefinition[]): string[] {
  const questionIds = [...new Set(surveys.flatMap((s) => s.questions.map((q) => q.id)))];
  return [...SURVEY_CSV_COLUMNS, ...questionIds.map(questionColumn)];
}

export interface SurveyCsvRow {
  [column: string]: string;
}

/** One student's entry (or none yet) as a CSV row; names and numbers blank when anonymised. */
export function surveyCsvRow(
  survey: SurveyDefinition,
  academicYear: string,
  student: { name: string; studentNumber: string },
  entry: SurveyEntry | undefined,
  anonymise: boolean,
): SurveyCsvRow {
  const row: SurveyCsvRow = {
    academic_year: academicYear,
    survey_id: survey.id,
    survey_title: survey.title,
    student_id: anonymise ? '' : student.studentNumber,
    student_name: anonymise ? '' : student.name,
    status: entry?.status ?? 'not-sent',
    sent_on: entry?.sentOn ?? '',
    returned_on: entry?.returnedOn ?? '',
  };
  for (const q of survey.questions) {
    const answer = entry?.status === 'returned' ? entry.answers[q.id] : undefined;
    row[questionColumn(q.id)] = answer === undefined ? '' : String(answer);
  }
  return row;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula, so
 * such cells are written with a leading apostrophe, which spreadsheets hide, and read back without it.
 */
export function protectCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
export function unprotectCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '')
    .replace(/^\s*(q(uestion)?\s*)?\d+\s*[.):-]\s*/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Which column answers which question: a heading that is `q_<id>` or the id itself, or the question's
 * wording (case, punctuation and a leading "1." or "Q1:" ignored). Each question takes one column,
 * the leftmost that matches.
 */
export function matchQuestionColumns(columns: readonly string[], survey: SurveyDefinition): Map<number, SurveyQuestion> {
  const found = new Map<number, SurveyQuestion>();
  const taken = new Set<string>();
  for (const q of survey.questions) {
    const index = columns.findIndex((c, i) => {
      if (found.has(i)) return false;
      const lower = c.trim().toLowerCase();
      return lower === questionColumn(q.id) || lower === q.id || normalise(c) === normalise(q.text);
    });
    if (index !== -1 && !taken.has(q.id)) {
      found.set(index, q);
      taken.add(q.id);
    }
  }
  return found;
}

/**
 * A rating as survey tools write it: "4", "4.0", "4 - Agree", or the scale's end label ("Very
 * helpful"). Null when it is none of those.
 */
export function parseRating(cell: string, question: SurveyQuestion): number | null {
  const v = cell.trim();
  const scale = question.scale!;
  const m = /^(\d{1,2})(?:\.0+)?(?:\s*[-–:(].*)?$/.exec(v);
  if (m) return Number(m[1]);
  if (scale.minLabel && v.toLowerCase() === scale.minLabel.toLowerCase()) return scale.min;
  if (scale.maxLabel && v.toLowerCase() === scale.maxLabel.toLowerCase()) return scale.max;
  return null;
}

/**
 * Reads one CSV row's answers for the matched questions. A rating that cannot be read is reported
 * rather than dropped, so a mistyped row is never imported half-empty.
 */
export function readAnswerCells(cells: readonly string[], questions: Map<number, SurveyQuestion>): { answers: Record<string, unknown>; problems: string[] } {
  const answers: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [index, q] of questions) {
    const cell = unprotectCell(cells[index] ?? '').trim();
    if (cell === '') continue;
    if (q.kind === 'text') {
      answers[q.id] = cell;
      continue;
    }
    const rating = parseRating(cell, q);
    if (rating === null) problems.push(`${quoteText(q)}: “${cell.length > 30 ? `${cell.slice(0, 30)}…` : cell}” is not a rating from ${q.scale!.min} to ${q.scale!.max}.`);
    else answers[q.id] = rating;
  }
  return { answers, problems };
}
