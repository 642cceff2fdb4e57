import type { IsoDate } from '../../schemas/common';
import { addDays, daysBetween } from './dates';

export type ComingUpState = 'overdue' | 'due';
export type ComingUp<T> = T & { state: ComingUpState; /** Negative when overdue; 0 is due today. */ daysUntil: number };

/**
 * What the home screen lists: everything overdue first, oldest first, because that is what the
 * coordinator will chase; then what is due from today through `days` days ahead, soonest first.
 * Anything marked done drops off.
 */
export function comingUp<T extends { date: IsoDate; done?: boolean }>(events: readonly T[], today: IsoDate, days: number): ComingUp<T>[] {
  const horizon = addDays(today, Math.max(0, days));
  const open = events.filter((e) => !e.done).map((e) => ({ ...e, daysUntil: daysBetween(today, e.date) }));
  const byDate = (a: { date: IsoDate }, b: { date: IsoDate }) => a.date.localeCompare(b.date);
  const overdue = open.filter((e) => e.date < today).sort(byDate).map((e) => ({ ...e, state: 'overdue' as const }));
  const due = open.filter((e) => e.date >= today && e.date <= horizon).sort(byDate).map((e) => ({ ...e, state: 'due' as const }));
  return [...overdue, ...due];
}
