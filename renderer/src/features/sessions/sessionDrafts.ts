import { onEvent } from '../../app/client';
import type { RecordFormValues } from './sessionRecordModel';

/**
 * Unsaved typing in a session record, kept in memory while the mentor moves around the app (to
 * the ILP, to signing mode and back), and which session was open on each student's Sessions tab.
 * Never written to disk, and forgotten the moment the vault locks.
 */
const drafts = new Map<string, RecordFormValues>();
const openSessions = new Map<string, string>();

onEvent('vault:locked', () => {
  drafts.clear();
  openSessions.clear();
});

export const sessionDrafts = {
  get: (sessionId: string): RecordFormValues | undefined => drafts.get(sessionId),
  keep: (sessionId: string, values: RecordFormValues): void => {
    drafts.set(sessionId, values);
  },
  forget: (sessionId: string): void => {
    drafts.delete(sessionId);
  },
};

export const openSession = {
  get: (studentId: string): string | null => openSessions.get(studentId) ?? null,
  set: (studentId: string, sessionId: string | null): void => {
    if (sessionId) openSessions.set(studentId, sessionId);
    else openSessions.delete(studentId);
  },
};
