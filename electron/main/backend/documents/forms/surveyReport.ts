import { PDFDocument, rgb } from 'pdf-lib';
import { contentHash } from '../../../../../shared/domain/canonical';
import type { SurveyResults } from '../../../../../shared/schemas/survey';
import type { SurveyExport } from '../../records/surveyCsv';
import { drawBlock, textsOf, type Block } from '../blocks';
import { loadFontSet, type FontSet } from '../fonts';
import { finishPdf } from '../metadata';
import { ACCENT, HAIRLINE, MUTED, embedLogo, PageFlow } from '../page';
import type { ProviderHeader } from '../renderForm';
import { DocumentFonts, INK, type TextStyle } from '../text';

/**
 * The end-of-year survey report: per survey the response rate, a bar chart of each rating and the
 * written answers. It carries the same rows as the CSV export as its record.json, so the office can
 * read the figures back without retyping. Anonymised, it names no student anywhere (page, metadata
 * or attachment).
 */

/** A horizontal bar per point of a rating scale: label, bar, count and share of those who answered. */
export interface BarChart {
  type: 'barChart';
  bars: { label: string; count: number }[];
  /** How many answered: the bars' shares are of this. */
  answered: number;
}
type ReportItem = Block | BarChart;

const BAR_ROW = 17;
const LABEL: TextStyle = { size: 8.5, color: INK };
const FIGURE: TextStyle = { size: 8.5, color: MUTED };
const TRACK = rgb(0.94, 0.95, 0.96);

function percent(count: number, of: number): string {
  return of === 0 ? '0%' : `${Math.round((count / of) * 100)}%`;
}
function barFigure(count: number, of: number): string {
  return `${count} (${percent(count, of)})`;
}
function chartTexts(chart: BarChart): string[] {
  return chart.bars.flatMap((b) => [b.label, barFigure(b.count, chart.answered)]);
}

/** Bars drawn as pdf-lib rectangles on a light track, the chart kept on one page. */
function drawBarChart(flow: PageFlow, chart: BarChart): void {
  // One label width for every chart (wider only for long scale labels), so the bars line up page to page.
  const labelWidth = Math.min(180, Math.max(110, ...chart.bars.map((b) => flow.fonts.line(b.label, LABEL).width + 10)));
  const figureWidth = 62;
  const x0 = flow.left + labelWidth;
  const barArea = flow.width - labelWidth - figureWidth;
  const height = chart.bars.length * BAR_ROW + 8;
  flow.ensure(height);
  const page = flow.page;
  let top = flow.y - 4;
  for (const bar of chart.bars) {
    const baseline = top - 12;
    flow.fonts.draw(page, flow.fonts.wrap(bar.label, LABEL, labelWidth - 10)[0]!, flow.left, baseline, LABEL);
    page.drawRectangle({ x: x0, y: top - 14, width: barArea, height: 11, color: TRACK });
    const width = chart.answered === 0 ? 0 : (barArea * bar.count) / chart.answered;
    if (width > 0) page.drawRectangle({ x: x0, y: top - 14, width, height: 11, color: ACCENT });
    flow.fonts.draw(page, flow.fonts.line(barFigure(bar.count, chart.answered), FIGURE), x0 + barArea + 8, baseline, FIGURE);
    top -= BAR_ROW;
  }
  page.drawLine({ start: { x: x0, y: flow.y - 2 }, end: { x: x0, y: top + 1 }, thickness: 0.6, color: HAIRLINE });
  flow.y -= height + 2;
}

const STATUS_LABELS: Record<string, string> = { 'not-sent': 'Not sent', sent: 'Sent', returned: 'Returned' };

function ukDate(iso: string): string {
  return iso ? iso.split('-').reverse().join('/') : '';
}

function ratingItems(q: Extract<SurveyResults['questions'][number], { kind: 'rating' }>): ReportItem[] {
  const { scale } = q;
  const label = (value: number) => (value === scale.min && scale.minLabel ? `${value} · ${scale.minLabel}` : value === scale.max && scale.maxLabel ? `${value} · ${scale.maxLabel}` : String(value));
  const bars = [...q.distribution].reverse().map((d) => ({ label: label(d.value), count: d.count }));
  const summary = q.answered === 0 ? 'Nobody has answered this question yet.' : `Mean ${q.mean?.toFixed(1)} on a scale of ${scale.min} to ${scale.max}, from ${q.answered} ${q.answered === 1 ? 'answer' : 'answers'}.`;
  return [{ type: 'heading', text: q.text, level: 2, keepWithNext: bars.length * BAR_ROW + 30 }, { type: 'barChart', bars, answered: q.answered }, { type: 'paragraph', text: summary, muted: true }];
}

function surveyItems(results: SurveyResults, data: SurveyExport, windowText: string): ReportItem[] {
  const items: ReportItem[] = [
    { type: 'heading', text: results.title, level: 1, keepWithNext: 120 },
    {
      type: 'fields',
      fields: [
        { label: 'Survey window', value: windowText },
        { label: 'Students asked', value: String(results.invited) },
        { label: 'Returned', value: String(results.returned) },
        { label: 'Response rate', value: `${percent(results.returned, results.invited)} (${results.returned} of ${results.invited})` },
      ],
    },
  ];
  for (const q of results.questions) {
    if (q.kind === 'rating') items.push(...ratingItems(q));
    else {
      items.push({ type: 'heading', text: q.text, level: 2, keepWithNext: 60 });
      if (q.answers.length === 0) items.push({ type: 'paragraph', text: 'No written answers.', muted: true });
      else items.push({ type: 'table', columns: [{ header: `${q.answers.length} written ${q.answers.length === 1 ? 'answer' : 'answers'}` }], rows: q.answers.map((a) => [a]) });
    }
  }
  if (!data.anonymised) {
    const rows = data.rows.filter((r) => r.survey_id === results.surveyId);
    items.push({ type: 'heading', text: 'Students asked', level: 2, keepWithNext: 60 });
    items.push({
      type: 'table',
      columns: [{ header: 'Student', width: 2 }, { header: 'Student number', width: 1.3 }, { header: 'Status', width: 1 }, { header: 'Sent', width: 1 }, { header: 'Returned', width: 1 }],
      rows: rows.map((r) => [r.student_name ?? '', r.student_id ?? '', STATUS_LABELS[r.status ?? ''] ?? r.status ?? '', ukDate(r.sent_on ?? ''), ukDate(r.returned_on ?? '')]),
    });
  }
  return items;
}

export interface SurveyReportInput {
  data: SurveyExport;
  /** Per survey id, its window as words ("01/11/2026 to 29/01/2027"). */
  windows: Record<string, string>;
  provider: ProviderHeader;
  mentor: string;
  exportedAt: number;
  today: string;
  fontSet?: FontSet;
}

/** What record.json holds: the CSV's columns and rows, and the results the charts show. */
export function surveyReportRecord(data: SurveyExport) {
  return { kind: 'survey-report', academicYear: data.academicYear, anonymised: data.anonymised, columns: data.columns, rows: data.rows, results: data.results };
}

export async function renderSurveyReport(input: SurveyReportInput): Promise<Uint8Array> {
  const { data } = input;
  const record = surveyReportRecord(data);
  const hash = contentHash(record);
  const title = `Student survey results ${data.academicYear}`;
  const subtitle = [input.provider.name, `exported ${ukDate(input.today)}`, data.anonymised ? 'names and student numbers left out' : ''].filter(Boolean).join(' · ');
  const items: ReportItem[] = [{ type: 'title', text: title, subtitle }];
  if (data.results.length === 0) items.push({ type: 'paragraph', text: 'No surveys are set up in Settings.' });
  for (const results of data.results) items.push(...surveyItems(results, data, input.windows[results.surveyId] ?? 'No window set in the calendar'));
  items.push({ type: 'spacer', height: 6 }, { type: 'paragraph', text: 'This report is compiled by the mentor from the survey records and is not signed.', muted: true }, { type: 'paragraph', text: `Content hash (SHA-256) ${hash}`, muted: true });

  const doc = await PDFDocument.create();
  const fonts = DocumentFonts.for(doc, input.fontSet ?? (await loadFontSet()));
  await fonts.prepare([input.provider.name, ...items.flatMap((item) => (item.type === 'barChart' ? chartTexts(item) : textsOf(item)))]);
  const logo = input.provider.logo ? await embedLogo(doc, input.provider.logo) : undefined;
  const flow = new PageFlow(doc, fonts, { providerName: input.provider.name, title, ...(logo ? { logo } : {}) });
  for (const item of items) {
    if (item.type === 'barChart') drawBarChart(flow, item);
    else drawBlock(flow, item);
  }
  flow.finish(hash);
  return finishPdf(doc, {
    kind: 'survey-report',
    studentRef: data.anonymised ? 'anonymised' : 'caseload',
    mentor: input.mentor,
    date: data.academicYear,
    hash,
    title,
    record,
    exportedAt: input.exportedAt,
  });
}
