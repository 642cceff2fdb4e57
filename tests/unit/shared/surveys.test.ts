import { describe, expect, it } from 'vitest';
import {
  isInvited,
  matchQuestionColumns,
  parseRating,
  protectCell,
  readAnswerCells,
  responseRate,
  surveyCsvColumns,
  surveyCsvRow,
  surveyResults,
  unprotectCell,
  validateAnswers,
} from '../../../shared/domain/surveys';
import { defaultDeadlineRules } from '../../../shared/schemas/calendar';
import { Settings, defaultSettings } from '../../../shared/schemas/settings';
import { AcademicYearLabel, SurveyDefinition, SurveyDefinitions, defaultSurveys, type SurveyEntry } from '../../../shared/schemas/survey';

const rys = defaultSurveys[0]!;
const entry = (answers: SurveyEntry['answers'], status: SurveyEntry['status'] = 'returned'): SurveyEntry => ({
  surveyId: rys.id,
  academicYear: '2026/27',
  status,
  sentOn: '',
  sentHow: '',
  returnedOn: status === 'returned' ? '2026-11-23' : '',
  answers,
  source: 'typed',
  updatedAt: 0,
});

describe('survey definitions', () => {
  it('the two default surveys parse, link to the calendar’s survey windows, and come with settings saved before surveys existed', () => {
    expect(SurveyDefinitions.parse(defaultSurveys)).toEqual(defaultSurveys);
    expect(defaultSurveys.map((s) => s.id)).toEqual(['rate-your-support', 'mentoring-survey']);
    for (const s of defaultSurveys) expect(defaultDeadlineRules.find((r) => r.id === s.windowRuleId)?.kind).toBe('window');
    const { surveys: _, ...older } = defaultSettings;
    expect(Settings.parse(older).surveys).toEqual(defaultSurveys);
  });

  it('refuses a rating question without a scale, duplicate question ids and a badly written academic year', () => {
    const bad = SurveyDefinition.safeParse({ ...rys, questions: [{ id: 'a', kind: 'rating', text: 'How was it?' }, { id: 'a', kind: 'text', text: 'Why?' }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual(['A rating question needs a scale', 'Two questions have the same id']);
    expect(AcademicYearLabel.safeParse('2026/27').success).toBe(true);
    expect(AcademicYearLabel.safeParse('2026/28').success).toBe(false);
    expect(AcademicYearLabel.safeParse('2026-27').success).toBe(false);
  });

  it('asks active, deferred and completed students, and anyone who already has an entry', () => {
    expect(['active', 'deferred', 'completed'].every((s) => isInvited(s as 'active', false))).toBe(true);
    expect(isInvited('referred', false)).toBe(false);
    expect(isInvited('withdrawn', false)).toBe(false);
    expect(isInvited('withdrawn', true)).toBe(true);
  });
});

describe('answers and results', () => {
  it('keeps valid answers, drops blanks and trims text', () => {
    expect(validateAnswers(rys, { helpful: 1, arranging: 5, 'helped-most': '  Lists  ', 'could-be-better': '   ' })).toEqual({ answers: { helpful: 1, arranging: 5, 'helped-most': 'Lists' }, issues: [] });
  });

  it('a rating off the scale, a fraction, or words for a rating are each refused with the question named', () => {
    const { issues } = validateAnswers(rys, { helpful: 0, arranging: '4' });
    expect(issues).toEqual([
      { path: 'helpful', message: '“How helpful has mentoring been overall?”: choose a whole number from 1 to 5.' },
      { path: 'arranging', message: '“How easy is it to arrange sessions with your mentor?”: choose a whole number from 1 to 5.' },
    ]);
  });

  it('counts only returned entries: distribution over the whole scale, mean to two places, written answers listed', () => {
    const results = surveyResults(rys, '2026/27', 4, [entry({ helpful: 5, 'helped-most': 'Lists' }), entry({ helpful: 4, arranging: 2 }), entry({ helpful: 1 }, 'sent'), entry({ helpful: 4 })]);
    expect(results).toMatchObject({ invited: 4, returned: 3, responseRate: 0.75 });
    expect(results.questions[0]).toEqual({
      id: 'helpful',
      kind: 'rating',
      text: 'How helpful has mentoring been overall?',
      scale: rys.questions[0]!.scale,
      distribution: [1, 2, 3, 4, 5].map((value) => ({ value, count: value === 4 ? 2 : value === 5 ? 1 : 0 })),
      answered: 3,
      mean: 4.33,
    });
    expect(results.questions[2]).toMatchObject({ answers: ['Lists'] });
    expect(results.questions[3]).toMatchObject({ answers: [] });
    expect(responseRate(0, 0)).toBe(0);
  });
});

describe('the survey CSV', () => {
  it('has the fixed columns then one q_<id> column per question id', () => {
    expect(surveyCsvColumns([rys])).toEqual(['academic_year', 'survey_id', 'survey_title', 'student_id', 'student_name', 'status', 'sent_on', 'returned_on', 'q_helpful', 'q_arranging', 'q_helped-most', 'q_could-be-better']);
  });

  it('blanks names and numbers when anonymised, and answers of a survey not returned', () => {
    const student = { name: 'Zoë Adams', studentNumber: 'S0000101' };
    expect(surveyCsvRow(rys, '2026/27', student, entry({ helpful: 5 }), true)).toMatchObject({ student_id: '', student_name: '', q_helpful: '5' });
    expect(surveyCsvRow(rys, '2026/27', student, entry({ helpful: 5 }, 'sent'), false)).toMatchObject({ student_id: 'S0000101', status: 'sent', q_helpful: '' });
    expect(surveyCsvRow(rys, '2026/27', student, undefined, false)).toMatchObject({ status: 'not-sent', sent_on: '' });
  });

  it('defuses cells a spreadsheet would run as a formula, and restores them on reading', () => {
    for (const value of ['=1+1', '+44 7700', '-minus', '@SUM(A1)', '\tx', '\rx']) {
      expect(protectCell(value)).toBe(`'${value}`);
      expect(unprotectCell(protectCell(value))).toBe(value);
    }
    expect(protectCell('Fine, thanks')).toBe('Fine, thanks');
    expect(unprotectCell("'quoted on purpose")).toBe("'quoted on purpose");
  });

  it('matches columns by q_<id>, id or wording (numbering and punctuation ignored)', () => {
    const columns = ['Email', 'Q1: How helpful has mentoring been overall', 'ARRANGING', 'q_helped-most', 'What could be better'];
    const matched = matchQuestionColumns(columns, rys);
    expect([...matched].map(([i, q]) => [columns[i], q.id])).toEqual([
      ['Q1: How helpful has mentoring been overall', 'helpful'],
      ['ARRANGING', 'arranging'],
      ['q_helped-most', 'helped-most'],
      ['What could be better', 'could-be-better'],
    ]);
  });

  it('reads ratings as survey tools write them and reports what it cannot read', () => {
    const helpful = rys.questions[0]!;
    expect(['4', '4.0', '4 - Helpful', '4: agree', 'Very helpful', 'not helpful'].map((c) => parseRating(c, helpful))).toEqual([4, 4, 4, 4, 5, 1]);
    expect(parseRating('quite', helpful)).toBeNull();
    const matched = matchQuestionColumns(['helpful', 'helped-most'], rys);
    expect(readAnswerCells(['quite', "'=not a formula"], matched)).toEqual({
      answers: { 'helped-most': '=not a formula' },
      problems: ['“How helpful has mentoring been overall?”: “quite” is not a rating from 1 to 5.'],
    });
  });
});
