import { useEffect, type KeyboardEvent } from 'react';
import type { BoundaryEntry, BoundaryRecords } from '../../../../shared/schemas/boundaries';
import { call } from '../../app/client';
import { isApiError } from '../../app/feedback';

type Listener = (studentId: string, records: BoundaryRecords) => void;
const listeners = new Set<Listener>();

/**
 * The profile header's flag shows what the Boundaries tab has just saved, without the two
 * having to share state through the profile page.
 */
export function announceBoundaries(studentId: string, records: BoundaryRecords): void {
  listeners.forEach((listener) => listener(studentId, records));
}

export function useBoundariesChanged(listener: Listener): void {
  useEffect(() => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [listener]);
}

/** Saves one entry from the Boundaries tab and tells the rest of the profile. */
export async function saveBoundaryEntry(studentId: string, entry: BoundaryEntry): Promise<BoundaryRecords> {
  const records = await call('boundaries:save', { studentId, entry });
  announceBoundaries(studentId, records);
  return records;
}

/**
 * The backend's field issues for one entry (`entry.entry.officeToldOn`), as the form's own paths
 * (`officeToldOn`); null when the failure was not about fields.
 */
export function entryFieldErrors(error: unknown): Record<string, string> | null {
  if (!isApiError(error, 'INVALID_INPUT') || error.issues.length === 0) return null;
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[issue.path.replace(/^entry\.entry\./, '') || 'form'] = issue.message;
  return errors;
}

/**
 * Escape on the profile goes back to the caseload; inside a form with unsaved typing it must not,
 * even when the focus is on one of the form's buttons.
 */
export const keepWhileDirty =
  (form: { isDirty(): boolean }) =>
  (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && form.isDirty()) event.preventDefault();
  };
