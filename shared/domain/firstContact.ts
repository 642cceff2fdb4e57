import { SUCCESSFUL_OUTCOMES, type ContactAttempt } from '../schemas/referral';

const HOUR = 60 * 60 * 1000;
/** A referred student must be contacted within 24 hours of the referral arriving. */
export const FIRST_CONTACT_WITHIN_MS = 24 * HOUR;
/** How long before the deadline a referral shows as "due soon". */
export const DUE_SOON_MS = 6 * HOUR;

export type FirstContactState = 'contacted' | 'overdue' | 'due-soon' | 'waiting';

export function firstContactDueAt(receivedAt: number): number {
  return receivedAt + FIRST_CONTACT_WITHIN_MS;
}

/** When the first successful contact happened (spoke, replied or met), if it has. */
export function firstSuccessfulContactAt(contacts: readonly Pick<ContactAttempt, 'at' | 'outcome'>[]): number | null {
  const times = contacts.filter((c) => SUCCESSFUL_OUTCOMES.includes(c.outcome)).map((c) => c.at);
  return times.length ? Math.min(...times) : null;
}

/**
 * Where a referral stands against the 24-hour rule at `now`. A referral is overdue when the due
 * time passes with no successful contact; unsuccessful attempts do not stop the clock.
 */
export function firstContactState(referral: { receivedAt: number; firstContactAt: number | null }, now: number): { state: FirstContactState; dueAt: number } {
  const dueAt = firstContactDueAt(referral.receivedAt);
  if (referral.firstContactAt !== null) return { state: 'contacted', dueAt };
  if (now >= dueAt) return { state: 'overdue', dueAt };
  if (dueAt - now <= DUE_SOON_MS) return { state: 'due-soon', dueAt };
  return { state: 'waiting', dueAt };
}
