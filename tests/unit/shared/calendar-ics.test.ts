import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, toIcs, type IcsEvent } from '../../../shared/domain/calendar/ics';
import { occurrencesOf } from '../../../shared/domain/calendar/rules';
import { defaultDeadlineRules } from '../../../shared/schemas/calendar';

const now = Date.UTC(2026, 10, 23, 9, 15, 30);

function parse(ics: string) {
  const calendar = ICAL.Component.fromString(ics);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('the .ics export', () => {
  it('holds one all-day event per deadline on the right day, which calendar apps can read', () => {
    const deadlines = occurrencesOf(defaultDeadlineRules, '2026-09-01', '2027-08-31', 'england-and-wales').filter((o) => o.ruleId !== 'weekly-availability');
    const { calendar, events } = parse(toIcs(deadlines, { calendarName: 'Mentor Desk deadlines', now }));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Mentor Desk deadlines');
    expect(events).toHaveLength(deadlines.length);
    const survey = events.find((e) => e.summary === 'Rate your Support survey')!;
    expect(survey.startDate.isDate).toBe(true);
    expect(survey.startDate.toString()).toBe('2027-01-29');
    expect(survey.endDate.toString()).toBe('2027-01-30');
    expect(survey.description).toBe('Opens 01/11/2026, due 29/01/2027.');
    expect(events.find((e) => e.summary === 'Mentoring survey')!.startDate.toString()).toBe('2027-05-28');
    expect(events.filter((e) => e.summary === 'Submit timesheets').map((e) => e.startDate.toString())).toContain('2026-12-31');
  });

  it('gives each deadline a stable id, so exporting again updates events instead of copying them', () => {
    const event: IcsEvent = { ruleId: 'timesheet-submission', title: 'Submit timesheets', date: '2027-01-29' };
    const first = parse(toIcs([event], { calendarName: 'A', now })).events[0]!;
    const again = parse(toIcs([event], { calendarName: 'A', now: now + 86_400_000 })).events[0]!;
    expect(first.uid).toBe('timesheet-submission-20270129@mentor-desk');
    expect(again.uid).toBe(first.uid);
    expect(first.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-11-23T09:15:30Z');
  });

  it('commas, semicolons, backslashes and line breaks in titles and notes survive the round trip', () => {
    const title = 'Survey; reminders, part 2 \\ final';
    const description = 'Line one,\nline two; with C:\\path';
    const ics = toIcs([{ ruleId: 'custom-rule-1', title, date: '2027-03-01', description }], { calendarName: 'Jo’s, deadlines; 2026/27', now });
    const { events } = parse(ics);
    expect(events[0]!.summary).toBe(title);
    expect(events[0]!.description).toBe(description);
    // ical.js leaves X- properties unescaped; the name is TEXT, escaped as Google's exports do.
    expect(ics).toContain('\r\nX-WR-CALNAME:Jo’s\\, deadlines\\; 2026/27\r\n');
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('uses CRLF line endings and folds long lines at 75 octets without splitting a character', () => {
    const title = `Check ${'é'.repeat(60)} and 🎓 contact details for everyone continuing this year`;
    const ics = toIcs([{ ruleId: 'custom-rule-1', title, date: '2027-09-01' }], { calendarName: 'Deadlines', now });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n');
    const utf8 = (s: string) => [...s].reduce((n, c) => n + (c.codePointAt(0)! < 0x80 ? 1 : c.codePointAt(0)! < 0x800 ? 2 : c.codePointAt(0)! < 0x10000 ? 3 : 4), 0);
    expect(Math.max(...lines.map(utf8))).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(1);
    expect(lines.some((l) => /[\uD800-\uDFFF]/.test(l) && !/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(l))).toBe(false);
    expect(parse(ics).events[0]!.summary).toBe(title);
  });

  it('leaves a short line alone', () => {
    expect(foldLine('SUMMARY:Submit timesheets')).toBe('SUMMARY:Submit timesheets');
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });

  it('an empty calendar is still a valid calendar', () => {
    const { calendar, events } = parse(toIcs([], { calendarName: 'Nothing due', now }));
    expect(calendar.name).toBe('vcalendar');
    expect(events).toEqual([]);
  });
});
