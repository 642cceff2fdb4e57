import { discussionAreaLabels, DiscussionArea, sessionModeLabels, actionOwnerLabels, type Session, type SessionRecordContent } from '../../../../../shared/schemas/session';
import type { LearningPlan } from '../../../../../shared/schemas/ilp';
import type { SignedVersion } from '../../../../../shared/schemas/signature';
import type { Student } from '../../../../../shared/schemas/student';
import { minutesOfDay, timeOfDay, ukDate, ukDayAndDate } from '../../../../../shared/domain/sessionRules';
import type { Block } from '../blocks';
import type { FormDocument, ProviderHeader } from '../renderForm';
import { orDash, studentAndMentorFields } from './common';

/**
 * One session's timesheet and progress log: when and how long, where, what was covered, the ILP
 * goals worked on, notes and actions, the next session, why it ended early if it did, the
 * student's feedback, and both signatures.
 */
export function sessionForm(session: Session, versionIndex: number, profile: Student, ilp: LearningPlan | null, provider: ProviderHeader, exportedAt: number): FormDocument {
  if (!session.record) throw new Error('A session without a record has no progress log to print');
  const version = session.record.versions[versionIndex] as SignedVersion<SessionRecordContent>;
  const c = version.content;
  return {
    title: 'Timesheet and progress log',
    subtitle: `${c.studentName} · ${ukDayAndDate(c.date)} · ${c.actualStart}–${c.actualEnd}${versionIndex > 0 ? ` · amendment ${versionIndex}` : ''}`,
    provider,
    sections: sessionSections(c, profile, ilp),
    signatures: version.signatures,
    hash: version.hash,
    meta: {
      kind: 'progress-log',
      studentRef: profile.studentNumber || profile.id,
      mentor: c.mentorName,
      date: c.date,
      record: { kind: 'progress-log', studentId: profile.id, sessionId: session.id, booking: session.booking, version: versionIndex + 1, ...version },
      exportedAt,
    },
  };
}

/** "1 h 05 min", "45 min". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : `${h} h${m ? ` ${String(m).padStart(2, '0')} min` : ''}`;
}

/** What a goal id stands for: its wording in the latest ILP version that has it. */
export function goalWording(ilp: LearningPlan | null, id: string): string {
  const versions = ilp?.record.versions ?? [];
  for (let i = versions.length - 1; i >= 0; i--) {
    const goal = versions[i]!.content.goals.find((g) => g.id === id);
    if (goal) return goal.what;
  }
  return 'A goal no longer in the learning plan';
}

function sessionSections(c: SessionRecordContent, profile: Student, ilp: LearningPlan | null): { heading: string; blocks: Block[] }[] {
  const plannedEnd = timeOfDay(Math.min(minutesOfDay(c.actualStart) + c.plannedMinutes, 24 * 60 - 1));
  const sections: { heading: string; blocks: Block[] }[] = [
    {
      heading: 'Timesheet',
      blocks: [
        {
          type: 'fields',
          fields: [
            ...studentAndMentorFields(c.studentName, profile, c.mentorName),
            { label: 'Date', value: ukDayAndDate(c.date) },
            { label: 'Start and end', value: `${c.actualStart}–${c.actualEnd}` },
            {
              label: 'Duration',
              value: c.plannedMinutes === c.durationMinutes ? `${formatDuration(c.durationMinutes)}, as planned` : `${formatDuration(c.durationMinutes)} (planned ${formatDuration(c.plannedMinutes)}, to ${plannedEnd})`,
            },
            { label: 'Mode', value: sessionModeLabels[c.mode] },
            { label: 'Place', value: orDash(c.place) },
          ],
        },
      ],
    },
    {
      heading: 'What the session covered',
      blocks: [
        { type: 'checklist', items: DiscussionArea.options.map((a) => ({ label: discussionAreaLabels[a], checked: c.areas.includes(a) })) },
        { type: 'fields', fields: [{ label: 'Strategies used', value: c.strategies.length ? c.strategies.join('; ') : '—' }] },
        {
          type: 'fields',
          fields: [{ label: 'ILP goals worked on', value: c.goalIds.length ? c.goalIds.map((id) => `• ${goalWording(ilp, id)}`).join('\n') : 'None this session' }],
        },
      ],
    },
    { heading: 'Progress notes', blocks: [{ type: 'paragraph', text: orDash(c.notes) }] },
    {
      heading: 'Actions agreed',
      blocks: c.actions.length
        ? [
            {
              type: 'table',
              columns: [{ header: 'Action', width: 0.6 }, { header: 'Who', width: 0.22 }, { header: 'By', width: 0.18 }],
              rows: c.actions.map((a) => [a.what, a.owner === 'other' ? orDash(a.ownerName ?? '') : actionOwnerLabels[a.owner], a.due ? ukDate(a.due) : '—']),
            },
          ]
        : [{ type: 'paragraph', text: 'No actions agreed.', muted: true }],
    },
    {
      heading: 'Next session and feedback',
      blocks: [
        {
          type: 'fields',
          fields: [
            { label: 'Next session', value: c.nextSession ? `${ukDayAndDate(c.nextSession.date)} at ${c.nextSession.start}` : 'Not arranged yet' },
            ...(c.endedEarly
              ? [
                  { label: 'Ended early because', value: orDash(c.endedEarly.reason) },
                  { label: 'Student confirmed', value: c.endedEarly.studentConfirmed ? 'Yes, the student confirmed the session ended early' : 'No' },
                ]
              : []),
            { label: 'Student’s rating', value: c.feedback ? `${c.feedback.rating} out of 5` : 'No feedback given' },
            ...(c.feedback?.comment ? [{ label: 'Student’s comments', value: c.feedback.comment }] : []),
          ],
        },
      ],
    },
  ];
  return sections;
}
