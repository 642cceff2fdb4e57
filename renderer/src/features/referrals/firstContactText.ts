import type { FirstContactState } from '../../../../shared/domain/firstContact';
import { formatDateTime, formatDuration } from '../../app/format';

export const firstContactColors: Record<FirstContactState, string> = {
  overdue: 'red',
  'due-soon': 'orange',
  waiting: 'blue',
  contacted: 'teal',
};

/** A short label for a badge: "Overdue by 1 h 5 min", "Due in 3 h", "Contacted". */
export function firstContactLabel(state: FirstContactState, dueAt: number, now: number): string {
  switch (state) {
    case 'overdue':
      return `Overdue by ${formatDuration(now - dueAt)}`;
    case 'due-soon':
      return `Due in ${formatDuration(dueAt - now)}`;
    case 'waiting':
      return `Due in ${formatDuration(dueAt - now)}`;
    case 'contacted':
      return 'Contacted';
  }
}

/** A sentence for the profile: what the 24-hour rule says and by when. */
export function firstContactSentence(state: FirstContactState, dueAt: number, now: number, contactedAt: number | null): string {
  switch (state) {
    case 'overdue':
      return `First contact is overdue by ${formatDuration(now - dueAt)}: it was due by ${formatDateTime(dueAt)}. Contact the student as soon as you can and log it below.`;
    case 'due-soon':
      return `First contact is due by ${formatDateTime(dueAt)}, in ${formatDuration(dueAt - now)}.`;
    case 'waiting':
      return `First contact is due by ${formatDateTime(dueAt)} (24 hours after the referral arrived), in ${formatDuration(dueAt - now)}.`;
    case 'contacted':
      return contactedAt === null ? 'First contact made.' : `First contact made ${formatDateTime(contactedAt)}.`;
  }
}
