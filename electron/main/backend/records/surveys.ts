import { AppFailure } from '../../../../shared/errors';
import { academicYearOfDate, academicYearStartIn, studentsToRemind, surveyWindowFor, type WindowRule } from '../../../../shared/domain/calendar';
import { findEntry, isInvited, responseRate, surveyResults, validateAnswers } from '../../../../shared/domain/surveys';
import type { SurveyStatus, SurveyWindow } from '../../../../shared/schemas/calendar';
import type { IsoDate } from '../../../../shared/schemas/common';
import type { Settings } from '../../../../shared/schemas/settings';
import type { SentHow, SurveyDefinition, SurveyEntry, SurveyOverview, SurveyResults, SurveyRow } from '../../../../shared/schemas/survey';
import { londonToday, type Clock } from '../clock';
import type { StudentDocument, StudentRecords } from './students';


/** A student asked to do a survey, with their entry for it (none until it is marked or answered). */
export interface Participant {
  doc: StudentDocument;
  entry: SurveyEntry | undefined;
}

export interface MarkInput {
  studentId: string;
  surveyId: string;
  academicYear: string;
  status: SurveyStatus;
  sentOn?: IsoDate | undefined;
  sentHow?: SentHow | undefined;
  returnedOn?: IsoDate | undefined;
}

/**
 * Surveys per student: sent, returned and the answers, kept in each student's own document. The
 * audit log names the survey and the new status, never an answer.
 */
export class Surveys {
  constructor(
    private readonly students: StudentRecords,
    private readonly clock: Clock,
  ) {}

  today(): IsoDate {
    return londonToday(this.clock.now());
  }

  survey(settings: Settings, surveyId: string): SurveyDefinition {
    const survey = settings.surveys.find((s) => s.id === surveyId);
    if (!survey) throw new AppFailure('NOT_FOUND', 'That survey is not in Settings any more. Reload the surveys page.');
    return survey;
  }

  /** The academic year asked for, or the one today falls in. */
  academicYear(settings: Settings, requested?: string): string {
    return requested ?? academicYearOfDate(this.today(), settings.calendar.academicYearStart);
  }

  /**
   * The survey's window in that academic year: the first window due on or after the year's first
   * day. Null when the survey's calendar rule was removed or switched off.
   */
  window(settings: Settings, survey: SurveyDefinition, academicYear: string): SurveyWindow | null {
    const rule = settings.calendar.deadlineRules.find((r): r is WindowRule => r.id === survey.windowRuleId && r.kind === 'window');
    if (!rule) return null;
    const start = settings.calendar.academicYearStart;
    return surveyWindowFor(rule, academicYearStartIn(Number(academicYear.slice(0, 4)), start), settings.region, { academicYearStart: start });
  }

  /** Who is asked (see `isInvited`), by name. */
  async participants(surveyId: string, academicYear: string): Promise<Participant[]> {
    const summaries = await this.students.list();
    const docs = await Promise.all(summaries.map((s) => this.students.read(s.id)));
    return docs
      .map((doc) => ({ doc, entry: findEntry(doc.surveys, surveyId, academicYear) }))
      .filter(({ doc, entry }) => isInvited(doc.profile.status, entry !== undefined))
      .sort((a, b) => a.doc.profile.fullName.localeCompare(b.doc.profile.fullName, 'en-GB'));
  }

  async overview(settings: Settings, surveyId: string, requestedYear?: string): Promise<SurveyOverview> {
    const survey = this.survey(settings, surveyId);
    const academicYear = this.academicYear(settings, requestedYear);
    const window = this.window(settings, survey, academicYear);
    const today = this.today();
    const people = await this.participants(surveyId, academicYear);
    const rows: SurveyRow[] = people.map(({ doc, entry }) => ({
      studentId: doc.profile.id,
      name: doc.profile.fullName,
      studentNumber: doc.profile.studentNumber,
      status: entry?.status ?? 'not-sent',
      sentOn: entry?.sentOn ?? '',
      sentHow: entry?.sentHow ?? '',
      returnedOn: entry?.returnedOn ?? '',
      hasAnswers: entry !== undefined && Object.keys(entry.answers).length > 0,
      needsReminder: false,
    }));
    const remind = new Set(window ? studentsToRemind(window, rows, today).map((r) => r.studentId) : []);
    for (const row of rows) row.needsReminder = remind.has(row.studentId);
    const count = (status: SurveyStatus) => rows.filter((r) => r.status === status).length;
    const returned = count('returned');
    return {
      survey,
      academicYear,
      today,
      window,
      rows,
      counts: { invited: rows.length, notSent: count('not-sent'), sent: count('sent'), returned, needReminder: remind.size },
      responseRate: responseRate(returned, rows.length),
    };
  }

  /**
   * Marks a survey not sent, sent (when and how) or returned. A survey that is not returned has no
   * answers, so marking one back to sent or not sent clears any answers it had.
   */
  async mark(settings: Settings, input: MarkInput): Promise<SurveyEntry> {
    const survey = this.survey(settings, input.surveyId);
    const today = this.today();
    const { surveys } = await this.students.read(input.studentId);
    const before = findEntry(surveys, survey.id, input.academicYear);
    const sentOn = input.status === 'not-sent' ? '' : (input.sentOn ?? (before?.sentOn || (input.status === 'sent' ? today : '')));
    const returnedOn = input.status === 'returned' ? (input.returnedOn ?? (before?.returnedOn || today)) : '';
    checkDates(sentOn, returnedOn, today);
    const entry: SurveyEntry = {
      surveyId: survey.id,
      academicYear: input.academicYear,
      status: input.status,
      sentOn,
      sentHow: input.status === 'not-sent' ? '' : (input.sentHow ?? before?.sentHow ?? ''),
      returnedOn,
      answers: input.status === 'returned' ? (before?.answers ?? {}) : {},
      source: input.status === 'returned' ? (before?.source ?? '') : '',
      updatedAt: this.clock.now(),
    };
    const cleared = before && Object.keys(before.answers).length > 0 && input.status !== 'returned' ? ', answers cleared' : '';
    return this.put(input.studentId, entry, `${label(survey, input.academicYear)}: ${input.status}${cleared}`);
  }

  /** The mentor types in a returned survey's answers: checked against the questions, then marked returned. */
  async saveResponse(settings: Settings, input: { studentId: string; surveyId: string; academicYear: string; answers: Record<string, unknown>; returnedOn?: IsoDate | undefined }): Promise<SurveyEntry> {
    const survey = this.survey(settings, input.surveyId);
    const { answers, issues } = validateAnswers(survey, input.answers);
    if (issues.length > 0) throw new AppFailure('INVALID_INPUT', `Some answers need correcting: ${issues.map((i) => i.message).join(' ')}`, { issues });
    const today = this.today();
    const { surveys } = await this.students.read(input.studentId);
    const before = findEntry(surveys, survey.id, input.academicYear);
    const returnedOn = input.returnedOn ?? (before?.returnedOn || today);
    checkDates(before?.sentOn ?? '', returnedOn, today);
    const entry: SurveyEntry = {
      surveyId: survey.id,
      academicYear: input.academicYear,
      status: 'returned',
      sentOn: before?.sentOn ?? '',
      sentHow: before?.sentHow ?? '',
      returnedOn,
      answers,
      source: 'typed',
      updatedAt: this.clock.now(),
    };
    return this.put(input.studentId, entry, `${label(survey, input.academicYear)}: returned, answers typed`);
  }

  async results(settings: Settings, surveyId: string, academicYear: string): Promise<SurveyResults> {
    const survey = this.survey(settings, surveyId);
    const people = await this.participants(surveyId, academicYear);
    return surveyResults(survey, academicYear, people.length, people.flatMap((p) => (p.entry ? [p.entry] : [])));
  }

  /** Saves imported answers for many students in one save: all of them or none. */
  async importAnswers(survey: SurveyDefinition, academicYear: string, rows: { studentId: string; answers: SurveyEntry['answers']; sentOn: string; returnedOn: string }[]): Promise<void> {
    const now = this.clock.now();
    await this.students.changeMany(
      rows.map((row) => ({
        id: row.studentId,
        mutate: (doc: StudentDocument) => {
          const before = findEntry(doc.surveys, survey.id, academicYear);
          const entry: SurveyEntry = {
            surveyId: survey.id,
            academicYear,
            status: 'returned',
            sentOn: row.sentOn || before?.sentOn || '',
            sentHow: before?.sentHow ?? '',
            returnedOn: row.returnedOn,
            answers: row.answers,
            source: 'csv',
            updatedAt: now,
          };
          return { ...doc, surveys: upsert(doc.surveys, entry) };
        },
        audit: { field: 'survey', value: `${label(survey, academicYear)}: returned, answers imported` },
      })),
    );
  }

  private async put(studentId: string, entry: SurveyEntry, auditValue: string): Promise<SurveyEntry> {
    await this.students.change(studentId, (doc) => ({ ...doc, surveys: upsert(doc.surveys, entry) }), { field: 'survey', value: auditValue });
    return entry;
  }
}

function upsert(list: SurveyEntry[], entry: SurveyEntry): SurveyEntry[] {
  const others = list.filter((e) => !(e.surveyId === entry.surveyId && e.academicYear === entry.academicYear));
  return [...others, entry];
}

/** "Rate your Support 2026/27": how the audit log and messages name a survey. */
export function label(survey: SurveyDefinition, academicYear: string): string {
  return `${survey.title} ${academicYear}`;
}

function checkDates(sentOn: string, returnedOn: string, today: IsoDate): void {
  const issues = [];
  if (sentOn && sentOn > today) issues.push({ path: 'sentOn', message: 'The date it was sent cannot be after today.' });
  if (returnedOn && returnedOn > today) issues.push({ path: 'returnedOn', message: 'The date it came back cannot be after today.' });
  if (sentOn && returnedOn && returnedOn < sentOn) issues.push({ path: 'returnedOn', message: 'It cannot come back before it was sent: check both dates.' });
  if (issues.length) throw new AppFailure('INVALID_INPUT', issues.map((i) => i.message).join(' '), { issues });
}
