import { notifications } from '@mantine/notifications';
import { ApiError } from './api';

/** What went wrong and what to do, for any failure a user can meet. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something unexpected went wrong. Your saved records are safe; please try again, and restart Mentor Desk if it keeps happening.';
}

export function notifySaved(message: string): void {
  notifications.show({ color: 'teal', title: 'Saved', message, autoClose: 4000 });
}

export function notifyDone(title: string, message: string): void {
  notifications.show({ color: 'teal', title, message, autoClose: 5000 });
}

/** Locked failures are not reported: the app is already showing the Unlock screen. */
export function notifyError(title: string, error: unknown): void {
  if (error instanceof ApiError && error.code === 'LOCKED') return;
  notifications.show({ color: 'red', title, message: describeError(error), autoClose: 10000 });
}

export const isApiError = (error: unknown, ...codes: ApiError['code'][]): error is ApiError =>
  error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
