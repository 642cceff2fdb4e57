import type { DeadlineRule, SurveyStatus, SurveyWindow } from '../../schemas/calendar';
import type { IsoDate } from '../../schemas/common';
import type { Region } from '../../schemas/settings';
import type { OccurrenceOptions } from './rules';
import { occurrences } from './rules';
import { addDays } from './dates';

export type WindowRule = Extract<DeadlineRule, { kind: 'window' }>;

/**
 * The survey window that is open on `today`, or else the next one to open; null for a switched-off
 * rule. A window lasts at most a year, so the next due date is always within 366 days.
 */
export function surveyWindowFor(rule: WindowRule, today: IsoDate, region: Region, options: OccurrenceOptions = {}): SurveyWindow | null {
  const next = occurrences(rule, today, addDays(today, 366), region, options)[0];
  return next?.opensOn ? { opensOn: next.opensOn, dueOn: next.date } : null;
}

export function isWindowOpen(surveyWindow: SurveyWindow, today: IsoDate): boolean {
  return surveyWindow.opensOn <= today && today <= surveyWindow.dueOn;
}

/**
 * Students to chase about a survey: while the window is open and the due date has not passed,
 * everyone who has not returned it. A student it was never sent to is included too: they still
 * need it, and `status` tells the mentor to send rather than remind.
 */
export function studentsToRemind<T extends { status: SurveyStatus }>(surveyWindow: SurveyWindow, students: readonly T[], today: IsoDate): T[] {
  if (!isWindowOpen(surveyWindow, today)) return [];
  return students.filter((s) => s.status !== 'returned');
}
