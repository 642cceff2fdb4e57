import { firstContactDueAt, firstSuccessfulContactAt } from '../../../../shared/domain/firstContact';
import { currentVersion } from '../../../../shared/domain/signing';
import { sessionStatus } from '../../../../shared/domain/sessionRules';
import type { CalendarEvent } from '../../../../shared/schemas/calendar';
import { londonToday } from '../clock';
import type { StudentDocument } from './students';

/** The calendar's student entries: what a student's own records say is coming up. */
export function studentEvents(doc: StudentDocument): CalendarEvent[] {
  const { profile, referral, ilp, sessions, deferrals } = doc;
  const name = profile.preferredName || profile.fullName;
  const base = { studentId: profile.id };
  const events: CalendarEvent[] = [];

  if (referral && ['referred', 'active'].includes(profile.status)) {
    events.push({
      ...base,
      id: `first-contact:${profile.id}`,
      kind: 'first-contact',
      date: londonToday(firstContactDueAt(referral.receivedAt)),
      title: `Contact ${name} (new referral)`,
      done: firstSuccessfulContactAt(referral.contacts) !== null,
    });
  }
  if (profile.status === 'withdrawn' || profile.status === 'completed') return events;

  for (const session of sessions) {
    const status = sessionStatus(session);
    if (status === 'cancelled') continue;
    events.push({
      ...base,
      id: `session:${session.id}`,
      kind: 'session',
      date: session.booking.date,
      time: session.booking.start,
      title: `Session with ${name}${status === 'recorded' ? ' (awaiting signatures)' : ''}`,
      done: status === 'complete',
    });
  }
  if (ilp) {
    const next = currentVersion(ilp.record).content.nextReviewOn;
    if (next) events.push({ ...base, id: `ilp-review:${profile.id}:${next}`, kind: 'ilp-review', date: next, title: `Review ${name}’s learning plan`, done: false });
  }
  const deferral = deferrals.at(-1);
  if (profile.status === 'deferred' && deferral) {
    events.push({ ...base, id: `deferral-end:${profile.id}:${deferral.newDeadline}`, kind: 'deferral-end', date: deferral.newDeadline, title: `${name}: deferred hours due by`, done: false });
  } else {
    const deadline = deferral?.newDeadline ?? profile.hoursDeadline;
    if (deadline) events.push({ ...base, id: `hours-deadline:${profile.id}:${deadline}`, kind: 'hours-deadline', date: deadline, title: `${name}: support hours must be used by`, done: false });
  }
  return events;
}
