import Papa from 'papaparse';
import { parseCsv, parseUkDate } from '../../../../shared/domain/csvImport';
import {
  matchQuestionColumns,
  protectCell,
  readAnswerCells,
  surveyCsvColumns,
  surveyCsvRow,
  surveyResults,
  unprotectCell,
  validateAnswers,
  type SurveyCsvRow,
} from '../../../../shared/domain/surveys';
import type { Settings } from '../../../../shared/schemas/settings';
import type { SurveyAnswers, SurveyDefinition, SurveyImportPreview, SurveyImportResult, SurveyResults } from '../../../../shared/schemas/survey';
import type { StudentSummary } from '../../../../shared/schemas/student';
import type { Surveys } from './surveys';

/** Everything an end-of-year export holds: the CSV's rows, and the results the PDF charts. */
export interface SurveyExport {
  academicYear: string;
  anonymised: boolean;
  columns: string[];
  rows: SurveyCsvRow[];
  results: SurveyResults[];
}

/**
 * The rows of the end-of-year export: one per student asked, per survey (answers blank until it is
 * returned). Anonymised, names and student numbers are blank and rows are ordered by what they
 * hold, not by name, so the order does not point back to anyone.
 */
export async function surveyExport(surveys: Surveys, settings: Settings, academicYear: string, surveyIds: string[] | undefined, anonymise: boolean): Promise<SurveyExport> {
  const chosen = surveyIds ? surveyIds.map((id) => surveys.survey(settings, id)) : settings.surveys;
  const columns = surveyCsvColumns(chosen);
  const rows: SurveyCsvRow[] = [];
  const results: SurveyResults[] = [];
  for (const survey of chosen) {
    const people = await surveys.participants(survey.id, academicYear);
    const surveyRows = people.map(({ doc, entry }) => surveyCsvRow(survey, academicYear, { name: doc.profile.fullName, studentNumber: doc.profile.studentNumber }, entry, anonymise));
    if (anonymise) surveyRows.sort((a, b) => contentKey(a, columns).localeCompare(contentKey(b, columns)));
    rows.push(...surveyRows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? '']))));
    results.push(surveyResults(survey, academicYear, people.length, people.flatMap((p) => (p.entry ? [p.entry] : []))));
  }
  return { academicYear, anonymised: anonymise, columns, rows, results };
}

const contentKey = (row: SurveyCsvRow, columns: string[]) => JSON.stringify([row.status, row.returned_on, row.sent_on, ...columns.map((c) => row[c])]);

/** The CSV text: UTF-8 with a byte-order mark (so Excel reads accents), CRLF, formula-looking cells defused. */
export function surveyCsvText(data: SurveyExport): string {
  const body = Papa.unparse({ fields: data.columns, data: data.rows.map((row) => data.columns.map((c) => protectCell(row[c] ?? ''))) }, { newline: '\r\n', quotes: false });
  // unparse ends the heading row with a newline only when no rows follow: end every file with exactly one.
  return `\uFEFF${body.replace(/(\r\n)+$/, '')}\r\n`;
}

// ── Reading a survey tool's CSV (or our own export) back in ──

const SAMPLE_ROWS = 20;

const normalise = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const NUMBER_HEADINGS = new Set(['student id', 'student number', 'student no', 'student ref', 'student reference', 'student reference number', 'srn', 'registration number', 'matriculation number', 'university id', 'student code']);
const isNumberHeading = (h: string) => NUMBER_HEADINGS.has(normalise(h)) || /\bstudent (id|number|no|ref)\b/.test(normalise(h));
const isEmailHeading = (h: string) => /\be ?mail\b/.test(normalise(h));
/** Where a survey tool says when the form was sent in; our own export calls it returned_on. */
const isReturnedHeading = (h: string) => /\b(returned( on)?|completion time|completed( at| on)?|submitted( at| on)?|submission date|timestamp|end time|date submitted)\b/.test(normalise(h));

interface CheckedImport {
  preview: SurveyImportPreview;
  good: { row: number; studentId: string; answers: SurveyAnswers; sentOn: string; returnedOn: string }[];
}

/** A date at the start of a cell: "2026-11-23", "2026-11-23T10:02", "23/11/2026 10:02". Null when none. */
function dateIn(cell: string): string | null {
  const v = unprotectCell(cell).trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(v);
  return parseUkDate(iso ? iso[1]! : (v.split(/[ T,]+/)[0] ?? ''));
}

/**
 * Checks a survey CSV against the survey and the caseload without saving anything: rows are matched
 * to students by student number or email (case and spaces ignored), columns to questions by `q_<id>`,
 * id or wording. Each problem row is listed with its spreadsheet row number and what to fix.
 */
export function checkSurveyCsv(survey: SurveyDefinition, academicYear: string, csvText: string, students: StudentSummary[], answered: Set<string>, today: string): CheckedImport {
  const parsed = parseCsv(csvText);
  const { columns } = parsed;
  const questionColumns = matchQuestionColumns(columns, survey);
  const free = (i: number) => !questionColumns.has(i);
  const numberCol = columns.findIndex((c, i) => free(i) && isNumberHeading(c));
  const emailCol = columns.findIndex((c, i) => free(i) && isEmailHeading(c));
  const returnedCol = columns.findIndex((c, i) => free(i) && isReturnedHeading(c));
  const ownCol = (name: string) => columns.findIndex((c, i) => free(i) && c.trim().toLowerCase() === name);
  const [surveyCol, yearCol, statusCol, sentCol] = ['survey_id', 'academic_year', 'status', 'sent_on'].map(ownCol) as [number, number, number, number];

  const fileErrors = [...parsed.errors];
  if (columns.length > 0 && numberCol === -1 && emailCol === -1) {
    fileErrors.push('The file has no student number or email column, so its rows cannot be matched to students. Export it again with the students’ email addresses or student numbers.');
  }
  if (columns.length > 0 && questionColumns.size === 0) {
    fileErrors.push(`No column matches a question of ${survey.title}. Name the columns after the questions (or q_<id>, as Mentor Desk exports them).`);
  }

  const byNumber = new Map<string, StudentSummary[]>();
  const byEmail = new Map<string, StudentSummary[]>();
  const add = (map: Map<string, StudentSummary[]>, key: string, s: StudentSummary) => key && map.set(key, [...(map.get(key) ?? []), s]);
  for (const s of students) {
    add(byNumber, numberKey(s.studentNumber), s);
    add(byEmail, s.email.trim().toLowerCase(), s);
  }

  const good: CheckedImport['good'] = [];
  const bad: SurveyImportPreview['bad'] = [];
  const sample: SurveyImportPreview['sample'] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  let replaces = 0;
  const blocked = fileErrors.length > parsed.errors.length;

  parsed.rows.forEach((cells, index) => {
    const row = index + 2;
    const cell = (i: number) => (i === -1 ? '' : unprotectCell(cells[i] ?? '').trim());
    if (cells.every((c) => c.trim() === '') || blocked) return;
    if ((surveyCol !== -1 && cell(surveyCol) && cell(surveyCol) !== survey.id) || (yearCol !== -1 && cell(yearCol) && cell(yearCol) !== academicYear)) {
      skipped++; // another survey or year in a Mentor Desk export
      return;
    }
    const { answers: raw, problems } = readAnswerCells(cells, questionColumns);
    if ((statusCol !== -1 && cell(statusCol) && cell(statusCol) !== 'returned') || (Object.keys(raw).length === 0 && problems.length === 0)) {
      skipped++; // not returned: nothing to import
      return;
    }
    const reasons = problems.map((p) => `row ${row}: ${p}`);
    const number = numberKey(cell(numberCol));
    const email = cell(emailCol).toLowerCase();
    const candidates = (number && byNumber.get(number)) || (email && byEmail.get(email)) || [];
    if (candidates.length === 0) {
      const said = [number && `student number ${cell(numberCol)}`, email && `email ${cell(emailCol)}`].filter(Boolean).join(' or ');
      reasons.push(said ? `row ${row}: no student with ${said} is in your records.` : `row ${row}: has no student number or email to match it to a student.`);
    } else if (candidates.length > 1) {
      reasons.push(`row ${row}: more than one student has that ${number ? 'student number' : 'email'}; type this response in by hand.`);
    }
    const student = candidates.length === 1 ? candidates[0]! : undefined;
    if (student) {
      const first = seen.get(student.id);
      if (first !== undefined) reasons.push(`row ${row}: ${student.fullName} already has a response on row ${first}. Remove one of them.`);
      else seen.set(student.id, row);
    }
    const checked = validateAnswers(survey, raw);
    reasons.push(...checked.issues.map((i) => `row ${row}: ${i.message}`));
    const returnedCell = cell(returnedCol);
    const returnedOn = returnedCell ? dateIn(returnedCell) : null;
    if (returnedCell && returnedOn === null && normalise(columns[returnedCol] ?? '') === 'returned on') reasons.push(`row ${row}: returned_on “${returnedCell}” is not a date. Write it like 2027-01-15.`);
    const sentOn = cell(sentCol) ? (dateIn(cell(sentCol)) ?? '') : '';
    const when = returnedOn ?? today;
    if (when > today) reasons.push(`row ${row}: the date it came back (${when}) is after today.`);
    if (reasons.length > 0 || !student) {
      bad.push({ row, reasons });
      return;
    }
    if (answered.has(student.id)) replaces++;
    good.push({ row, studentId: student.id, answers: checked.answers, sentOn: sentOn && sentOn <= when ? sentOn : '', returnedOn: when });
    if (sample.length < SAMPLE_ROWS) sample.push({ row, studentName: student.fullName, returnedOn: when, answered: Object.keys(checked.answers).length });
  });

  return {
    good,
    preview: {
      columns,
      questionColumns: [...questionColumns].sort(([a], [b]) => a - b).map(([i, q]) => ({ column: columns[i]!, questionId: q.id, questionText: q.text })),
      matchColumns: { studentNumber: numberCol === -1 ? null : columns[numberCol]!, email: emailCol === -1 ? null : columns[emailCol]! },
      total: parsed.rows.length,
      good: good.length,
      replaces,
      skipped,
      sample,
      bad,
      fileErrors,
    },
  };
}

function numberKey(value: string): string {
  return value.replace(/\s+/g, '').toLowerCase();
}

/** The check, with what it needs from the records. */
async function check(surveys: Surveys, settings: Settings, surveyId: string, academicYear: string, csvText: string, students: () => Promise<StudentSummary[]>) {
  const survey = surveys.survey(settings, surveyId);
  const everyone = await students();
  const answered = new Set<string>();
  for (const { doc, entry } of await surveys.participants(surveyId, academicYear)) {
    if (entry && Object.keys(entry.answers).length > 0) answered.add(doc.profile.id);
  }
  return { survey, ...checkSurveyCsv(survey, academicYear, csvText, everyone, answered, surveys.today()) };
}

export async function previewSurveyImport(surveys: Surveys, settings: Settings, req: { surveyId: string; academicYear: string; csvText: string }, students: () => Promise<StudentSummary[]>): Promise<SurveyImportPreview> {
  return (await check(surveys, settings, req.surveyId, req.academicYear, req.csvText, students)).preview;
}

/** Imports every good row in one save (all or nothing); bad rows are listed with reasons and left out. */
export async function importSurveyCsv(surveys: Surveys, settings: Settings, req: { surveyId: string; academicYear: string; csvText: string }, students: () => Promise<StudentSummary[]>): Promise<SurveyImportResult> {
  const { survey, good, preview } = await check(surveys, settings, req.surveyId, req.academicYear, req.csvText, students);
  if (good.length > 0) await surveys.importAnswers(survey, req.academicYear, good);
  return { imported: good.length, skipped: preview.skipped, bad: preview.bad, fileErrors: preview.fileErrors };
}
