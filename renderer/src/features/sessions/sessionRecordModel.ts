import { durationMinutes, endedEarly, minutesOfDay, timeOfDay, validateSessionRecord } from '../../../../shared/domain/sessionRules';
import { fieldIssues } from '../../../../shared/errors';
import {
  SessionRecordDraft,
  type ActionOwner,
  type DiscussionArea,
  type Session,
  type SessionMode,
  type SessionRecordContent,
} from '../../../../shared/schemas/session';
import { isApiError } from '../../app/feedback';

export interface ActionRow {
  what: string;
  owner: ActionOwner;
  ownerName: string;
  due: string;
}

/**
 * The record form's values: the draft's fields, with the optional parts (next session, ended
 * early, feedback) flattened so each has its own input and its own error.
 */
export interface RecordFormValues {
  date: string;
  actualStart: string;
  actualEnd: string;
  mode: SessionMode;
  place: string;
  areas: DiscussionArea[];
  strategies: string[];
  goalIds: string[];
  notes: string;
  actions: ActionRow[];
  hasNextSession: boolean;
  nextDate: string;
  nextStart: string;
  endedEarlyReason: string;
  endedEarlyConfirmed: boolean;
  /** 0 while the student has not rated the session. */
  rating: number;
  comment: string;
}

/** What the form starts from: the record as it stands, or the booking when nothing is recorded yet. */
export function formValuesOf(session: Session, content: SessionRecordContent | null): RecordFormValues {
  if (content) {
    return {
      date: content.date,
      actualStart: content.actualStart,
      actualEnd: content.actualEnd,
      mode: content.mode,
      place: content.place,
      areas: [...content.areas],
      strategies: [...content.strategies],
      goalIds: [...content.goalIds],
      notes: content.notes,
      actions: content.actions.map((a) => ({ what: a.what, owner: a.owner, ownerName: a.ownerName ?? '', due: a.due })),
      hasNextSession: content.nextSession !== null,
      nextDate: content.nextSession?.date ?? '',
      nextStart: content.nextSession?.start ?? '',
      endedEarlyReason: content.endedEarly?.reason ?? '',
      endedEarlyConfirmed: content.endedEarly?.studentConfirmed ?? false,
      rating: content.feedback?.rating ?? 0,
      comment: content.feedback?.comment ?? '',
    };
  }
  const { booking } = session;
  const end = Math.min(minutesOfDay(booking.start) + booking.plannedMinutes, 23 * 60 + 59);
  return {
    date: booking.date,
    actualStart: booking.start,
    actualEnd: timeOfDay(end),
    mode: booking.mode,
    place: booking.place,
    areas: [],
    strategies: [],
    goalIds: [],
    notes: '',
    actions: [],
    hasNextSession: false,
    nextDate: '',
    nextStart: '',
    endedEarlyReason: '',
    endedEarlyConfirmed: false,
    rating: 0,
    comment: '',
  };
}

/** Minutes between the times typed, or null while they do not make a session. */
export function liveDuration(values: Pick<RecordFormValues, 'actualStart' | 'actualEnd'>): number | null {
  if (!/^\d\d:\d\d$/.test(values.actualStart) || !/^\d\d:\d\d$/.test(values.actualEnd)) return null;
  const result = durationMinutes(values.actualStart, values.actualEnd);
  return result.ok ? result.minutes : null;
}

/** Whether the times typed make the session end early, so the reason and the student's confirmation are asked for. */
export function endsEarly(values: RecordFormValues, plannedMinutes: number): boolean {
  const minutes = liveDuration(values);
  return minutes !== null && endedEarly(plannedMinutes, minutes);
}

export function toDraft(values: RecordFormValues, plannedMinutes: number): SessionRecordDraft {
  const early = endsEarly(values, plannedMinutes) || values.endedEarlyReason.trim() !== '';
  const hasFeedback = values.rating > 0 || values.comment.trim() !== '';
  return {
    date: values.date,
    actualStart: values.actualStart,
    actualEnd: values.actualEnd,
    durationMinutes: liveDuration(values) ?? 0,
    mode: values.mode,
    place: values.place,
    areas: values.areas,
    strategies: values.strategies,
    goalIds: values.goalIds,
    notes: values.notes,
    actions: values.actions.map((a) => ({ what: a.what, owner: a.owner, ...(a.owner === 'other' ? { ownerName: a.ownerName } : {}), due: a.due })),
    nextSession: values.hasNextSession ? { date: values.nextDate, start: values.nextStart } : null,
    endedEarly: early ? { reason: values.endedEarlyReason, studentConfirmed: values.endedEarlyConfirmed } : null,
    feedback: hasFeedback ? { rating: values.rating, comment: values.comment } : null,
  };
}

/** A path from the draft (or the backend's rules) as the form field it belongs to. */
export function formPath(path: string): string {
  const p = path.replace(/^draft\./, '');
  if (p === 'durationMinutes') return 'actualEnd';
  if (p === 'endedEarly' || p === 'endedEarly.reason') return 'endedEarlyReason';
  if (p === 'endedEarly.studentConfirmed') return 'endedEarlyConfirmed';
  if (p === 'nextSession.date' || p === 'nextSession') return 'nextDate';
  if (p === 'nextSession.start') return 'nextStart';
  if (p === 'feedback.rating' || p === 'feedback') return 'rating';
  if (p === 'feedback.comment') return 'comment';
  return p;
}

/** The form's own check before saving: the draft's shapes, then the rules between fields. */
export function validateRecordForm(values: RecordFormValues, plannedMinutes: number): Record<string, string> {
  const draft = toDraft(values, plannedMinutes);
  const errors: Record<string, string> = {};
  const add = (path: string, message: string) => {
    const key = formPath(path);
    if (!errors[key]) errors[key] = message;
  };
  // The times first: a missing or backwards time explains itself better than "at least 1 minute".
  if (liveDuration(values) === null) {
    const times = /^\d\d:\d\d$/.test(values.actualStart) && /^\d\d:\d\d$/.test(values.actualEnd);
    const d = times ? durationMinutes(values.actualStart, values.actualEnd) : null;
    if (!values.actualStart) add('actualStart', 'Enter the time the session started');
    add('actualEnd', d && !d.ok ? d.message : 'Enter the time the session ended, like 14:30');
  }
  if (values.comment.trim() && values.rating === 0) add('feedback.rating', 'Ask the student to pick from 1 to 5 stars, or clear the comment');
  const parsed = SessionRecordDraft.safeParse(draft);
  if (!parsed.success) {
    for (const issue of fieldIssues(parsed.error)) add(issue.path, issue.message);
  }
  // The rules between fields read the draft as typed, so every message shows at once.
  const rules = validateSessionRecord({ ...(parsed.success ? parsed.data : draft), studentName: '', mentorName: '', plannedMinutes });
  for (const [path, message] of Object.entries(rules)) add(path, message);
  return errors;
}

/** The backend's field issues as form errors; null when the failure was not about fields. */
export function recordFieldErrors(error: unknown): Record<string, string> | null {
  if (!isApiError(error, 'INVALID_INPUT') || error.issues.length === 0) return null;
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[formPath(issue.path) || 'form'] = issue.message;
  return errors;
}

/** "1 h 15 min", "45 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
