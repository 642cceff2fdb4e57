import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { readRecordFromPdf } from '../../../electron/main/backend/documents';
import { SURVEY_CSV_COLUMNS } from '../../../shared/domain/surveys';
import { pdfToText } from '../documents/pdfTools';
import { newVault, removeDir } from '../helpers';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir));
});

const monday = Date.UTC(2026, 10, 23, 10, 0);
const YEAR = '2026/27';
const RYS = 'rate-your-support';
const MENTORING = 'mentoring-survey';

const people = [
  { fullName: 'Zoë Adams', studentNumber: 'S0000101', email: 'zoe.adams@uni.example.ac.uk' },
  { fullName: 'Ben Carter', studentNumber: 'S0000102', email: 'ben.carter@uni.example.ac.uk' },
  { fullName: 'Chidi Okafor', studentNumber: 'S0000103', email: 'chidi.okafor@uni.example.ac.uk' },
];

/** A vault with the same three students; ids differ between vaults, numbers and emails do not. */
async function vaultWithStudents() {
  const v = await newVault();
  dirs.push(v.dir, `${v.dir}-exports`);
  v.clock.set(monday);
  const settings = await v.call('settings:get', {});
  await v.call('settings:save', { ...settings, mentorName: 'Priya Shah', providerName: 'Brightpath Mentoring' });
  const ids: string[] = [];
  for (const p of people) ids.push((await v.call('students:create', p)).id);
  return { v, ids };
}

/** Answers chosen to be awkward in a CSV: commas, quotes, line breaks, accents and formula-looking text. */
const zoeAnswers = { helpful: 5, arranging: 4, 'helped-most': 'Planning, “chunking” essays,\nand "body doubling"', 'could-be-better': '=HYPERLINK("http://evil.example","click")' };
const benAnswers = { helpful: 2, arranging: 1, 'could-be-better': '-more sessions in exam term; +evening slots @ library' };
const benMentoring = { overall: 3, recommend: 4, change: 'Naïve question: can we meet in the café?' };

async function withResponses() {
  const s = await vaultWithStudents();
  const [zoe, ben, chidi] = s.ids as [string, string, string];
  await s.v.call('surveys:mark', { studentId: zoe, surveyId: RYS, academicYear: YEAR, status: 'sent', sentOn: '2026-11-02', sentHow: 'email' });
  await s.v.call('surveys:saveResponse', { studentId: zoe, surveyId: RYS, academicYear: YEAR, answers: zoeAnswers, returnedOn: '2026-11-16' });
  await s.v.call('surveys:saveResponse', { studentId: ben, surveyId: RYS, academicYear: YEAR, answers: benAnswers });
  await s.v.call('surveys:mark', { studentId: chidi, surveyId: RYS, academicYear: YEAR, status: 'sent', sentHow: 'link' });
  await s.v.call('surveys:saveResponse', { studentId: ben, surveyId: MENTORING, academicYear: YEAR, answers: benMentoring });
  return s;
}

function readCsv(text: string): Record<string, string>[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
}

describe('survey export', () => {
  it('the CSV has the documented columns, one row per student asked per survey, and defuses formula-looking cells', async () => {
    const { v } = await withResponses();
    const file = await v.call('surveys:exportCsv', { academicYear: YEAR, anonymise: false });
    expect(file.fileName).toBe('Survey responses 2026-27.csv');
    const text = await readFile(file.path, 'utf8');
    const header = text.slice(1).split('\r\n')[0]!.split(',');
    expect(header.slice(0, 8)).toEqual([...SURVEY_CSV_COLUMNS]);
    expect(header.slice(8)).toEqual(['q_helpful', 'q_arranging', 'q_helped-most', 'q_could-be-better', 'q_overall', 'q_organising', 'q_confidence', 'q_listened', 'q_recommend', 'q_made-a-difference', 'q_change']);
    const rows = readCsv(text);
    expect(rows).toHaveLength(6);
    const zoe = rows.find((r) => r.survey_id === RYS && r.student_id === 'S0000101')!;
    expect(zoe).toMatchObject({ academic_year: YEAR, survey_title: 'Rate your Support', student_name: 'Zoë Adams', status: 'returned', sent_on: '2026-11-02', returned_on: '2026-11-16', q_helpful: '5' });
    expect(zoe['q_could-be-better']).toBe(`'${zoeAnswers['could-be-better']}`);
    expect(rows.find((r) => r.student_id === 'S0000102' && r.survey_id === RYS)!['q_could-be-better']).toBe(`'${benAnswers['could-be-better']}`);
    expect(rows.find((r) => r.student_id === 'S0000103' && r.survey_id === RYS)).toMatchObject({ status: 'sent', q_helpful: '' });
  });

  it('round-trips: the exported CSV imported into a vault with the same students gives the same answers and results', async () => {
    const { v } = await withResponses();
    const file = await v.call('surveys:exportCsv', { academicYear: YEAR, anonymise: false });
    const csvText = await readFile(file.path, 'utf8');

    const fresh = await vaultWithStudents();
    for (const surveyId of [RYS, MENTORING]) {
      const preview = await fresh.v.call('surveys:importPreview', { surveyId, academicYear: YEAR, csvText });
      expect(preview.fileErrors).toEqual([]);
      expect(preview.bad).toEqual([]);
      expect(preview.matchColumns).toEqual({ studentNumber: 'student_id', email: null });
      const result = await fresh.v.call('surveys:import', { surveyId, academicYear: YEAR, csvText });
      expect(result).toMatchObject({ imported: preview.good, bad: [] });
      expect(await fresh.v.call('surveys:results', { surveyId, academicYear: YEAR })).toEqual(await v.call('surveys:results', { surveyId, academicYear: YEAR }));
    }
    const rows = (await fresh.v.call('surveys:overview', { surveyId: RYS, academicYear: YEAR })).rows;
    expect(rows.find((r) => r.name === 'Zoë Adams')).toMatchObject({ status: 'returned', returnedOn: '2026-11-16', sentOn: '2026-11-02' });
    // Exporting again from the new vault gives the same file, apart from what was not imported (Chidi's "sent").
    const again = await readFile((await fresh.v.call('surveys:exportCsv', { academicYear: YEAR, anonymise: false })).path, 'utf8');
    const key = (r: Record<string, string>) => `${r.survey_id} ${r.student_id}`;
    const returned = (t: string) => readCsv(t).filter((r) => r.status === 'returned').sort((a, b) => key(a).localeCompare(key(b)));
    expect(returned(again)).toEqual(returned(csvText));
  });

  it('reads a survey tool’s CSV: questions by wording, students by email in any case, bad rows listed, good rows saved together', async () => {
    const { v, ids } = await vaultWithStudents();
    const csvText = [
      'ID,Start time,Completion time,Email,Name,1. How helpful has mentoring been overall?,How easy is it to arrange sessions with your mentor?,What has helped most?,What could be better?',
      '1,11/20/26 10:01:00,20/11/2026 10:05,ZOE.ADAMS@uni.example.ac.uk,Anonymous,5 - Very helpful,Very easy,Our weekly check-ins,',
      '2,,21/11/2026 09:00,nobody@uni.example.ac.uk,Anonymous,4,4,,',
      '3,,22/11/2026 09:00,ben.carter@uni.example.ac.uk,Anonymous,6,three,,',
      '4,,22/11/2026 11:00,chidi.okafor@uni.example.ac.uk,Anonymous,3,,,"More time, please"',
      '5,,22/11/2026 12:00,zoe.adams@uni.example.ac.uk,Anonymous,4,,,',
    ].join('\n');
    const preview = await v.call('surveys:importPreview', { surveyId: RYS, academicYear: YEAR, csvText });
    expect(preview.questionColumns.map((c) => c.questionId)).toEqual(['helpful', 'arranging', 'helped-most', 'could-be-better']);
    expect(preview.matchColumns).toEqual({ studentNumber: null, email: 'Email' });
    expect(preview.good).toBe(2);
    expect(preview.sample.map((s) => [s.studentName, s.returnedOn])).toEqual([['Zoë Adams', '2026-11-20'], ['Chidi Okafor', '2026-11-22']]);
    expect(preview.bad).toEqual([
      { row: 3, reasons: ['row 3: no student with email nobody@uni.example.ac.uk is in your records.'] },
      {
        row: 4,
        reasons: [
          'row 4: “How easy is it to arrange sessions with your mentor?”: “three” is not a rating from 1 to 5.',
          'row 4: “How helpful has mentoring been overall?”: choose a whole number from 1 to 5.',
        ],
      },
      { row: 6, reasons: ['row 6: Zoë Adams already has a response on row 2. Remove one of them.'] },
    ]);
    expect((await v.call('surveys:overview', { surveyId: RYS, academicYear: YEAR })).counts.returned).toBe(0);

    const result = await v.call('surveys:import', { surveyId: RYS, academicYear: YEAR, csvText });
    expect(result.imported).toBe(2);
    const overview = await v.call('surveys:overview', { surveyId: RYS, academicYear: YEAR });
    expect(overview.rows.filter((r) => r.status === 'returned').map((r) => r.studentId).sort()).toEqual([ids[0], ids[2]].sort());
    const results = await v.call('surveys:results', { surveyId: RYS, academicYear: YEAR });
    expect(results.questions[0]).toMatchObject({ answered: 2, mean: 4 });
    expect(results.questions[1]).toMatchObject({ answered: 1, mean: 5 });
    expect(results.questions[3]).toMatchObject({ answers: ['More time, please'] });

    const none = await v.call('surveys:importPreview', { surveyId: RYS, academicYear: YEAR, csvText: 'Name,Rating\nZoë,5' });
    expect(none.fileErrors).toEqual([
      'The file has no student number or email column, so its rows cannot be matched to students. Export it again with the students’ email addresses or student numbers.',
      'No column matches a question of Rate your Support. Name the columns after the questions (or q_<id>, as Mentor Desk exports them).',
    ]);
  });

  it('anonymised, neither the CSV nor the PDF (page text, metadata or record.json) holds a name or student number', async () => {
    const { v } = await withResponses();
    const identifying = /Zoë|Adams|Ben Carter|Chidi|Okafor|S000010\d|uni\.example/;

    const csv = await v.call('surveys:exportCsv', { academicYear: YEAR, anonymise: true });
    expect(csv.fileName).toBe('Survey responses 2026-27 (anonymised).csv');
    const csvText = await readFile(csv.path, 'utf8');
    expect(csvText).not.toMatch(identifying);
    const rows = readCsv(csvText);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.student_id === '' && r.student_name === '')).toBe(true);

    const pdf = await v.call('surveys:exportPdf', { academicYear: YEAR, anonymise: true });
    const bytes = await readFile(pdf.path);
    const text = await pdfToText(bytes);
    expect(text).not.toMatch(identifying);
    expect(text).toContain('Response rate');
    expect(text.replace(/\s+/g, ' ')).toContain('names and student numbers left out');
    const imported = await readRecordFromPdf(bytes);
    expect(JSON.stringify(imported)).not.toMatch(identifying);
    expect(imported.meta).toMatchObject({ kind: 'survey-report', studentRef: 'anonymised', date: YEAR, mentor: 'Priya Shah' });
    // The attachment carries the same rows as the CSV (cells as values, without the formula guard).
    const record = imported.record as { anonymised: boolean; columns: string[]; rows: Record<string, string>[] };
    expect(record.anonymised).toBe(true);
    expect(record.columns).toEqual(Object.keys(rows[0]!));
    const unguard = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).map(([k, val]) => [k, val.replace(/^'(?=[=+\-@])/, '')]));
    expect(record.rows).toEqual(rows.map(unguard));
  });

  it('with nobody asked yet, both exports still work: headings only in the CSV, zero rates in the PDF', async () => {
    const v = await newVault();
    dirs.push(v.dir, `${v.dir}-exports`);
    v.clock.set(monday);
    const csv = await readFile((await v.call('surveys:exportCsv', { academicYear: YEAR, surveyIds: [RYS], anonymise: false })).path, 'utf8');
    expect(csv).toBe('\uFEFFacademic_year,survey_id,survey_title,student_id,student_name,status,sent_on,returned_on,q_helpful,q_arranging,q_helped-most,q_could-be-better\r\n');
    const text = (await pdfToText(await readFile((await v.call('surveys:exportPdf', { academicYear: YEAR, anonymise: false })).path))).replace(/\s+/g, ' ');
    expect(text).toContain('0% (0 of 0)');
    expect(text).toContain('Nobody has answered this question yet.');
    expect((await v.fails('surveys:exportCsv', { academicYear: YEAR, surveyIds: ['no-such-survey'], anonymise: true })).code).toBe('NOT_FOUND');
  });

  it('the named PDF report shows each survey’s response rate, chart figures, written answers and who was asked', async () => {
    const { v } = await withResponses();
    const pdf = await v.call('surveys:exportPdf', { academicYear: YEAR, anonymise: false });
    expect(pdf.fileName).toBe('Survey results 2026-27.pdf');
    const bytes = await readFile(pdf.path);
    const text = (await pdfToText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain('Student survey results 2026/27');
    expect(text).toContain('67% (2 of 3)'); // Rate your Support
    expect(text).toContain('33% (1 of 3)'); // the mentoring survey
    expect(text).toContain('How helpful has mentoring been overall?');
    expect(text).toContain('1 (50%)'); // one of two answered 5
    expect(text).toContain('Planning, “chunking” essays,');
    expect(text).toContain('Zoë Adams');
    expect(text).toContain('S0000103');
    const { record, meta } = await readRecordFromPdf(bytes);
    expect(meta).toMatchObject({ kind: 'survey-report', studentRef: 'caseload' });
    expect((record as { rows: unknown[] }).rows).toHaveLength(6);
    expect((record as { results: { surveyId: string; returned: number }[] }).results.map((r) => [r.surveyId, r.returned])).toEqual([[RYS, 2], [MENTORING, 1]]);
  });
});
