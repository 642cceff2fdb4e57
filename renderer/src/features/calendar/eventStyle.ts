import type { CalendarEvent, CalendarEventKind } from '../../../../shared/schemas/calendar';

/** One colour per kind of entry, the same on the month grid, the agenda and the home screen. */
export const kindColors: Record<CalendarEventKind, string> = {
  deadline: 'blue',
  survey: 'violet',
  'bank-holiday': 'gray',
  'first-contact': 'red',
  session: 'teal',
  'ilp-review': 'orange',
  'hours-deadline': 'yellow',
  'deferral-end': 'yellow',
};

/** Deadlines the mentor ticks off; student entries follow their records. */
export const canTickOff = (event: Pick<CalendarEvent, 'kind'>) => event.kind === 'deadline' || event.kind === 'survey';

/** The first and last day of a month's grid (whole weeks, Monday first), as stored dates. */
export function monthGrid(month: string): { from: string; to: string; days: string[] } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const start = new Date(first);
  start.setUTCDate(1 - ((first.getUTCDay() + 6) % 7));
  const last = new Date(Date.UTC(y, m, 0));
  const end = new Date(last);
  end.setUTCDate(last.getUTCDate() + (6 - ((last.getUTCDay() + 6) % 7)));
  const days: string[] = [];
  for (const d = new Date(start); d <= end; d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
  return { from: days[0]!, to: days[days.length - 1]!, days };
}

/** "2026-11" moved by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}
