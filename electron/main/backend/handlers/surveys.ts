import type { Handlers } from '../dispatch';
import { writeExport } from '../documents';
import { renderSurveyReport } from '../documents/forms/surveyReport';
import { readSettings } from '../records/settings';
import { importSurveyCsv, previewSurveyImport, surveyCsvText, surveyExport } from '../records/surveyCsv';
import type { BackendContext } from './context';

type SurveyHandlers = Pick<
  Handlers,
  'surveys:overview' | 'surveys:mark' | 'surveys:saveResponse' | 'surveys:results' | 'surveys:importPreview' | 'surveys:import' | 'surveys:exportCsv' | 'surveys:exportPdf'
>;

const ukDate = (iso: string) => iso.split('-').reverse().join('/');
const fileYear = (academicYear: string) => academicYear.replace('/', '-');

/** Surveys: who was asked, sent and returned, answers typed or imported, results and the end-of-year export. */
export function surveyHandlers(ctx: BackendContext): SurveyHandlers {
  const settings = () => readSettings(ctx.session());
  const students = () => ctx.students().list();
  return {
    'surveys:overview': async ({ surveyId, academicYear }) => ctx.surveys().overview(await settings(), surveyId, academicYear),
    'surveys:mark': async (req) => ctx.surveys().mark(await settings(), req),
    'surveys:saveResponse': async (req) => ctx.surveys().saveResponse(await settings(), req),
    'surveys:results': async ({ surveyId, academicYear }) => ctx.surveys().results(await settings(), surveyId, academicYear),
    'surveys:importPreview': async (req) => previewSurveyImport(ctx.surveys(), await settings(), req, students),
    'surveys:import': async (req) => importSurveyCsv(ctx.surveys(), await settings(), req, students),
    'surveys:exportCsv': async ({ academicYear, surveyIds, anonymise }) => {
      const data = await surveyExport(ctx.surveys(), await settings(), academicYear, surveyIds, anonymise);
      const name = `Survey responses ${fileYear(academicYear)}${anonymise ? ' (anonymised)' : ''}`;
      return writeExport(ctx.exportDir, name, new TextEncoder().encode(surveyCsvText(data)), 'csv');
    },
    'surveys:exportPdf': async ({ academicYear, surveyIds, anonymise }) => {
      const { settings: s, header } = await ctx.provider();
      const surveys = ctx.surveys();
      const data = await surveyExport(surveys, s, academicYear, surveyIds, anonymise);
      const windows: Record<string, string> = {};
      for (const r of data.results) {
        const w = surveys.window(s, surveys.survey(s, r.surveyId), academicYear);
        if (w) windows[r.surveyId] = `${ukDate(w.opensOn)} to ${ukDate(w.dueOn)}`;
      }
      const bytes = await renderSurveyReport({ data, windows, provider: header, mentor: s.mentorName, exportedAt: ctx.clock.now(), today: surveys.today() });
      return writeExport(ctx.exportDir, `Survey results ${fileYear(academicYear)}${anonymise ? ' (anonymised)' : ''}`, bytes);
    },
  };
}
