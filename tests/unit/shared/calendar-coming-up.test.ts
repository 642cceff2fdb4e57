import { describe, expect, it } from 'vitest';
import { comingUp } from '../../../shared/domain/calendar/comingUp';
import { isWindowOpen, studentsToRemind, surveyWindowFor, type WindowRule } from '../../../shared/domain/calendar/surveys';
import { defaultDeadlineRules } from '../../../shared/schemas/calendar';

const today = '2027-01-25'; // a Monday

describe('coming up', () => {
  const events = [
    { title: 'Submit timesheets', date: '2027-01-29' },
    { title: 'Weekly availability', date: '2027-01-22', done: true },
    { title: 'Renew agreement', date: '2026-12-15' },
    { title: 'Send ILP', date: '2027-01-20' },
    { title: 'Mentoring survey', date: '2027-05-28' },
    { title: 'Today’s email', date: '2027-01-25' },
    { title: 'Next week', date: '2027-02-01' },
  ];

  it('lists overdue work first, oldest first, then what is due in the next days, soonest first', () => {
    expect(comingUp(events, today, 7).map((e) => [e.title, e.state, e.daysUntil])).toEqual([
      ['Renew agreement', 'overdue', -41],
      ['Send ILP', 'overdue', -5],
      ['Today’s email', 'due', 0],
      ['Submit timesheets', 'due', 4],
      ['Next week', 'due', 7],
    ]);
  });

  it('leaves out what is done and what is further off', () => {
    const titles = comingUp(events, today, 6).map((e) => e.title);
    expect(titles).not.toContain('Weekly availability');
    expect(titles).not.toContain('Mentoring survey');
    expect(titles).not.toContain('Next week');
  });

  it('with no days ahead shows only what is overdue or due today', () => {
    expect(comingUp(events, today, 0).map((e) => e.title)).toEqual(['Renew agreement', 'Send ILP', 'Today’s email']);
  });

  it('keeps the events’ own fields', () => {
    expect(comingUp([{ date: '2027-01-26', ruleId: 'timesheet-submission' }], today, 3)).toEqual([{ date: '2027-01-26', ruleId: 'timesheet-submission', state: 'due', daysUntil: 1 }]);
  });
});

describe('survey reminders', () => {
  const rateYourSupport = defaultDeadlineRules.find((r) => r.id === 'rate-your-support') as WindowRule;
  const window = { opensOn: '2026-11-01', dueOn: '2027-01-29' };
  const students = [
    { studentId: 'student-aaa1', status: 'not-sent' as const },
    { studentId: 'student-bbb2', status: 'sent' as const },
    { studentId: 'student-ccc3', status: 'returned' as const },
  ];

  it('finds the Rate your Support window open on a day, or the next one to open', () => {
    expect(surveyWindowFor(rateYourSupport, '2026-12-10', 'england-and-wales')).toEqual(window);
    expect(surveyWindowFor(rateYourSupport, '2026-09-15', 'england-and-wales')).toEqual(window);
    expect(surveyWindowFor(rateYourSupport, '2027-01-30', 'england-and-wales')).toEqual({ opensOn: '2027-11-01', dueOn: '2028-01-31' });
    expect(surveyWindowFor({ ...rateYourSupport, enabled: false }, '2026-12-10', 'england-and-wales')).toBeNull();
  });

  it('while the window is open, every student who has not returned it needs a reminder', () => {
    expect(studentsToRemind(window, students, '2026-11-01').map((s) => s.studentId)).toEqual(['student-aaa1', 'student-bbb2']);
    expect(studentsToRemind(window, students, '2027-01-29').map((s) => s.studentId)).toEqual(['student-aaa1', 'student-bbb2']);
  });

  it('no reminders before the window opens or after the due date', () => {
    expect(isWindowOpen(window, '2026-10-31')).toBe(false);
    expect(studentsToRemind(window, students, '2026-10-31')).toEqual([]);
    expect(studentsToRemind(window, students, '2027-01-30')).toEqual([]);
  });

  it('no reminders once everyone has returned it', () => {
    expect(studentsToRemind(window, [{ status: 'returned' as const }], '2026-12-01')).toEqual([]);
  });
});
