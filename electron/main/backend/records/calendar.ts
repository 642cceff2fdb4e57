import { z } from 'zod';
import { AppFailure } from '../../../../shared/errors';
import { addDays, bankHolidays, comingUp, daysBetween, occurrencesOf, toIcs, yearOf } from '../../../../shared/domain/calendar';
import { MAX_CALENDAR_RANGE_DAYS, type CalendarEvent, type ComingUpItem } from '../../../../shared/schemas/calendar';
import type { Settings } from '../../../../shared/schemas/settings';
import { londonToday, type Clock } from '../clock';
import { writeExport } from '../documents';
import { openDocument } from '../vault/lowdbAdapter';
import type { Session } from '../vault/vault';
import { studentEvents } from './studentEvents';
import type { StudentRecords } from './students';

const CALENDAR_ID = 'calendar';
/** Which deadline occurrences the mentor has ticked off, by event id. Not student data. */
const CalendarState = z.strictObject({ done: z.array(z.string().max(200)).max(5000) });
type CalendarState = z.infer<typeof CalendarState>;
const emptyState: CalendarState = { done: [] };

/** How far back the home screen looks for things still overdue. */
const OVERDUE_LOOKBACK_DAYS = 60;
const COMING_UP_DAYS = 14;
/** Students whose records can still put something on the calendar. */
const LIVE_STATUSES = new Set(['referred', 'active', 'deferred']);


/**
 * The mentor's calendar: the provider's deadline rules (Settings), bank holidays of the provider's
 * region, and what students' records say is due (first contacts, sessions, reviews, hours deadlines).
 */
export class Calendar {
  constructor(
    private readonly session: Session,
    private readonly students: StudentRecords,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return londonToday(this.clock.now());
  }

  async events(from: string, to: string, settings: Settings): Promise<CalendarEvent[]> {
    if (to < from) throw new AppFailure('INVALID_INPUT', 'The end of the range comes before its start.');
    if (daysBetween(from, to) > MAX_CALENDAR_RANGE_DAYS) throw new AppFailure('INVALID_INPUT', `Ask for at most ${MAX_CALENDAR_RANGE_DAYS} days at a time.`);
    const [deadlines, fromStudents] = await Promise.all([this.deadlines(from, to, settings), this.studentEvents()]);
    const holidays: CalendarEvent[] = [];
    for (let year = yearOf(from); year <= yearOf(to); year += 1) {
      for (const h of bankHolidays(settings.region, year)) {
        if (h.date >= from && h.date <= to) holidays.push({ id: `bank-holiday:${h.date}`, kind: 'bank-holiday', date: h.date, title: h.name, done: false });
      }
    }
    const inRange = fromStudents.filter((e) => e.date >= from && e.date <= to);
    return [...deadlines, ...holidays, ...inRange].sort((a, b) => a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? '') || a.title.localeCompare(b.title));
  }

  /** Overdue first (oldest first), then the next two weeks. Bank holidays are not tasks. */
  async comingUp(settings: Settings): Promise<{ today: string; items: ComingUpItem[] }> {
    const today = this.today();
    const events = await this.events(addDays(today, -OVERDUE_LOOKBACK_DAYS), addDays(today, COMING_UP_DAYS), settings);
    // A session in the past that is not yet complete is work to finish; a future one is just booked.
    const tasks = supersedePastRepeats(events.filter((e) => e.kind !== 'bank-holiday'), today);
    return { today, items: comingUp(tasks, today, COMING_UP_DAYS) };
  }

  async markDone(eventId: string, done: boolean): Promise<void> {
    if (!/^(deadline|survey):/.test(eventId)) throw new AppFailure('INVALID_INPUT', 'Only deadlines can be ticked off; student entries follow their records.');
    const db = await openDocument(this.session, CALENDAR_ID, CalendarState, emptyState, (_before, after) => [
      { action: 'update', kind: 'settings', recordId: CALENDAR_ID, changes: [{ field: 'deadlineDone', new: `${eventId}: ${done ? 'done' : 'not done'}` }] },
    ]);
    const rest = db.data.done.filter((id) => id !== eventId);
    db.data = { done: done ? [...rest, eventId].slice(-5000) : rest };
    await db.write();
  }

  /**
   * The provider's deadlines as an .ics file for the mentor's own calendar app. Student entries are
   * left out unless asked for, and then carry initials only: the file leaves Mentor Desk unencrypted.
   */
  async exportIcs(options: { from: string; to: string; includeStudents: boolean }, settings: Settings, exportDir: string) {
    const events = await this.events(options.from, options.to, settings);
    const chosen = events.filter((e) => e.kind === 'deadline' || e.kind === 'survey' || (options.includeStudents && e.studentId && e.kind !== 'first-contact'));
    const initialsOf = await this.initials();
    const ics = toIcs(
      chosen.map((e) => ({
        ruleId: e.id.replace(/:\d{4}-\d{2}-\d{2}$/, ''),
        title: e.studentId ? `${calendarTitle(e.kind)} (${initialsOf(e.studentId)})${e.time ? ` ${e.time}` : ''}` : e.title,
        date: e.date,
        ...(e.opensOn ? { opensOn: e.opensOn } : {}),
      })),
      { calendarName: `Mentor Desk – ${settings.providerName || 'deadlines'}`, now: this.clock.now() },
    );
    return writeExport(exportDir, `Mentor Desk deadlines ${options.from} to ${options.to}`, new TextEncoder().encode(ics), 'ics');
  }

  private async deadlines(from: string, to: string, settings: Settings): Promise<CalendarEvent[]> {
    const state = (await openDocument(this.session, CALENDAR_ID, CalendarState, emptyState)).data;
    const done = new Set(state.done);
    const { deadlineRules, academicYearStart } = settings.calendar;
    return occurrencesOf(deadlineRules, from, to, settings.region, { academicYearStart }).map((o) => {
      const rule = deadlineRules.find((r) => r.id === o.ruleId);
      const kind = rule?.kind === 'window' ? ('survey' as const) : ('deadline' as const);
      const id = `${kind}:${o.ruleId}:${o.date}`;
      return { id, kind, date: o.date, title: o.title, ...(o.opensOn ? { opensOn: o.opensOn } : {}), done: done.has(id) };
    });
  }

  private async studentEvents(): Promise<CalendarEvent[]> {
    const live = (await this.students.list()).filter((s) => LIVE_STATUSES.has(s.status));
    const docs = await Promise.all(live.map((s) => this.students.read(s.id)));
    return docs.flatMap((doc) => studentEvents(doc));
  }

  private async initials(): Promise<(id: string) => string> {
    const byId = new Map((await this.students.list()).map((s) => [s.id, s.fullName]));
    return (id) =>
      (byId.get(id) ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((part) => part[0]!.toUpperCase())
        .join('') || 'student';
  }
}

/**
 * A recurring deadline missed several times is one thing to catch up on, not eight: of a rule's
 * past occurrences only the latest can be overdue (last Friday's availability email, not every
 * Friday's since November).
 */
function supersedePastRepeats(events: CalendarEvent[], today: string): CalendarEvent[] {
  const latestPast = new Map<string, string>();
  for (const e of events) {
    if (e.kind !== 'deadline' || e.date >= today) continue;
    const rule = ruleOf(e.id);
    if (e.date > (latestPast.get(rule) ?? '')) latestPast.set(rule, e.date);
  }
  return events.filter((e) => e.kind !== 'deadline' || e.date >= today || latestPast.get(ruleOf(e.id)) === e.date);
}
const ruleOf = (eventId: string) => eventId.replace(/:\d{4}-\d{2}-\d{2}$/, '');

function calendarTitle(kind: CalendarEvent['kind']): string {
  switch (kind) {
    case 'session':
      return 'Mentoring session';
    case 'ilp-review':
      return 'Learning plan review';
    case 'hours-deadline':
      return 'Support hours deadline';
    case 'deferral-end':
      return 'Deferred hours deadline';
    default:
      return 'Mentor Desk';
  }
}
