import { z } from 'zod';
import { Id, IsoDate, requiredText, text } from './common';

/**
 * Deadlines the provider keeps: the built-in ones (surveys, timesheets, the weekly availability
 * email, start-of-year tasks) and any the provider adds. Built-in and custom rules share one schema
 * so the provider can edit, switch off or copy any of them in Settings.
 */

export const Month = z.number().int('A whole month number').min(1, 'Months run 1 to 12').max(12, 'Months run 1 to 12');
export const DayOfMonth = z.number().int('A whole day number').min(1, 'Days start at 1').max(31, 'No month has more than 31 days');
export const Weekday = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
export type Weekday = z.infer<typeof Weekday>;

// The longest month each month can be, so 30 February is refused but 29 February is allowed
// (it falls back to 28 February in other years).
const MAX_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const realDay = (value: { month: number; day: number }) => value.day <= MAX_DAY[value.month - 1]!;

export const AcademicYearStart = z
  .strictObject({ month: Month, day: DayOfMonth })
  .refine(realDay, { message: 'That day does not exist in that month', path: ['day'] });
export type AcademicYearStart = z.infer<typeof AcademicYearStart>;

const ruleBase = {
  id: Id,
  title: requiredText(120, 'A title'),
  notes: text(1000).default(''),
  /** A switched-off rule stays in Settings but puts nothing on the calendar. */
  enabled: z.boolean().default(true),
};

export const LastWorkingDayRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('last-working-day-of-month'),
  month: z.union([Month, z.literal('every')]),
});

export const WeeklyRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('weekly'),
  weekday: Weekday,
  /** On a bank holiday the task is done the working day before (Thursday before Good Friday). */
  shiftToPreviousWorkingDay: z.boolean().default(true),
});

export const FixedDateRule = z
  .strictObject({
    ...ruleBase,
    kind: z.literal('fixed-date'),
    month: Month,
    day: DayOfMonth,
    shiftToPreviousWorkingDay: z.boolean().default(true),
  })
  .refine(realDay, { message: 'That day does not exist in that month', path: ['day'] });

/** A survey window: opens on a fixed day and is due on the last working day of `dueMonth`. */
export const WindowRule = z
  .strictObject({
    ...ruleBase,
    kind: z.literal('window'),
    opensMonth: Month,
    opensDay: DayOfMonth,
    dueMonth: Month,
  })
  .refine((r) => realDay({ month: r.opensMonth, day: r.opensDay }), { message: 'That day does not exist in that month', path: ['opensDay'] });

/** Due `afterDays` calendar days into the academic year, moved on to a working day. */
export const AcademicYearStartRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('academic-year-start'),
  afterDays: z.number().int('Whole days only').min(0, 'Not before the year starts').max(180, 'At most 180 days into the year').default(0),
});

export const DeadlineRule = z.discriminatedUnion('kind', [LastWorkingDayRule, WeeklyRule, FixedDateRule, WindowRule, AcademicYearStartRule]);
export type DeadlineRule = z.infer<typeof DeadlineRule>;
export type DeadlineRuleKind = DeadlineRule['kind'];

export const DeadlineRules = z.array(DeadlineRule).max(200, 'At most 200 deadlines').refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'Two deadlines have the same id');

/** One dated deadline produced by a rule. */
export const Occurrence = z.strictObject({
  ruleId: Id,
  title: z.string(),
  /** The day it is due. */
  date: IsoDate,
  /** For a window: the day it opens. */
  opensOn: IsoDate.optional(),
});
export type Occurrence = z.infer<typeof Occurrence>;

export const SurveyStatus = z.enum(['not-sent', 'sent', 'returned']);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

export const SurveyWindow = z.strictObject({ opensOn: IsoDate, dueOn: IsoDate });
export type SurveyWindow = z.infer<typeof SurveyWindow>;

export const CalendarSettings = z.strictObject({
  academicYearStart: AcademicYearStart,
  deadlineRules: DeadlineRules,
});
export type CalendarSettings = z.infer<typeof CalendarSettings>;

/**
 * Our built-in deadlines, written as rules the provider can edit. Rate your Support runs November
 * to January and the mentoring survey April to May, each due on the last working day of its final
 * month; timesheets go in on the last working day of every month.
 */
export const defaultDeadlineRules: DeadlineRule[] = [
  { id: 'rate-your-support', title: 'Rate your Support survey', notes: '', enabled: true, kind: 'window', opensMonth: 11, opensDay: 1, dueMonth: 1 },
  { id: 'mentoring-survey', title: 'Mentoring survey', notes: '', enabled: true, kind: 'window', opensMonth: 4, opensDay: 1, dueMonth: 5 },
  {
    id: 'weekly-availability',
    title: 'Send weekly availability to the coordinator',
    notes: '',
    enabled: true,
    kind: 'weekly',
    weekday: 'friday',
    shiftToPreviousWorkingDay: true,
  },
  { id: 'timesheet-submission', title: 'Submit timesheets', notes: '', enabled: true, kind: 'last-working-day-of-month', month: 'every' },
  { id: 'contact-continuing-students', title: 'Contact continuing students', notes: '', enabled: true, kind: 'academic-year-start', afterDays: 0 },
  { id: 'renew-service-agreements', title: 'Renew service agreements', notes: '', enabled: true, kind: 'academic-year-start', afterDays: 0 },
  { id: 'check-contact-details', title: 'Check students’ contact details', notes: '', enabled: true, kind: 'academic-year-start', afterDays: 0 },
];

export const defaultCalendarSettings: CalendarSettings = {
  academicYearStart: { month: 9, day: 1 },
  deadlineRules: defaultDeadlineRules,
};

/** Where an entry on the calendar comes from. */
export const CalendarEventKind = z.enum(['deadline', 'survey', 'bank-holiday', 'first-contact', 'session', 'ilp-review', 'hours-deadline', 'deferral-end']);
export type CalendarEventKind = z.infer<typeof CalendarEventKind>;
export const calendarEventKindLabels: Record<CalendarEventKind, string> = {
  deadline: 'Deadline',
  survey: 'Survey',
  'bank-holiday': 'Bank holiday',
  'first-contact': 'First contact due',
  session: 'Session',
  'ilp-review': 'ILP review',
  'hours-deadline': 'Hours must be used by',
  'deferral-end': 'Deferral ends',
};

/** One dated entry on the mentor's calendar: a provider deadline or something from a student's records. */
export const CalendarEvent = z.strictObject({
  /** Stable across loads: the rule or record it comes from and the date. */
  id: z.string().max(200),
  kind: CalendarEventKind,
  date: IsoDate,
  /** A time of day, for sessions. */
  time: z.string().max(5).optional(),
  title: z.string().max(300),
  opensOn: IsoDate.optional(),
  studentId: Id.optional(),
  /** Marked done by the mentor (deadlines), or done by its nature (a session recorded, a contact made). */
  done: z.boolean(),
});
export type CalendarEvent = z.infer<typeof CalendarEvent>;

export const ComingUpItem = CalendarEvent.extend({ state: z.enum(['overdue', 'due']), daysUntil: z.number().int() });
export type ComingUpItem = z.infer<typeof ComingUpItem>;

/** The longest stretch one request may ask for: a little over a year. */
export const MAX_CALENDAR_RANGE_DAYS = 400;
