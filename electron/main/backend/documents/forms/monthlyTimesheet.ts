import { contentHash } from '../../../../../shared/domain/canonical';
import { currentVersion } from '../../../../../shared/domain/signing';
import { minutesUsed, formatHours } from '../../../../../shared/domain/hours';
import { minutesOfDay, sessionStatus, summariseSession, timeOfDay, ukDayAndDate } from '../../../../../shared/domain/sessionRules';
import { cancellationKindLabels, sessionModeLabels, sessionStatusLabels, type Session } from '../../../../../shared/schemas/session';
import { fundingLabels } from '../../../../../shared/schemas/student';
import type { Settings } from '../../../../../shared/schemas/settings';
import type { StudentDocument } from '../../records/students';
import type { SignatureRow } from '../blocks';
import type { FormDocument, ProviderHeader } from '../renderForm';
import { formatDuration } from './sessionPdf';
import { studentAndMentorFields } from './common';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-11" → "November 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${y}`;
}

/**
 * The sessions a month's timesheet lists: every session held that month (recorded, signed or not)
 * and every cancellation that counts against the hours, in date order. Bookings not yet held and
 * cancellations that use no hours are not timesheet entries.
 */
export function timesheetSessions(doc: StudentDocument, month: string): Session[] {
  return doc.sessions
    .filter((s) => {
      const summary = summariseSession(s);
      if (!summary.date.startsWith(`${month}-`)) return false;
      return summary.status === 'recorded' || summary.status === 'complete' || (summary.status === 'cancelled' && s.cancellation?.countsAgainstHours === true);
    })
    .sort((a, b) => {
      const x = summariseSession(a);
      const y = summariseSession(b);
      return x.date.localeCompare(y.date) || x.start.localeCompare(y.start);
    });
}

/**
 * A month's timesheet for one student: one row per session with date, times, duration, mode and
 * status, and each session's own two signatures drawn small. The sheet is not signed as a whole:
 * each row's signatures cover that session's progress log, whose hash the embedded record lists.
 */
export function monthlyTimesheetForm(doc: StudentDocument, month: string, settings: Settings, provider: ProviderHeader, exportedAt: number): FormDocument {
  const { profile } = doc;
  const sessions = timesheetSessions(doc, month);
  const policy = settings.hoursPolicy;
  const entries = sessions.map((s) => {
    const summary = summariseSession(s);
    const version = s.record ? currentVersion(s.record) : null;
    const content = version?.content;
    const end = content ? content.actualEnd : timeOfDay(Math.min(minutesOfDay(s.booking.start) + s.booking.plannedMinutes, 24 * 60 - 1));
    return {
      sessionId: s.id,
      date: summary.date,
      start: summary.start,
      end,
      durationMinutes: content?.durationMinutes ?? s.booking.plannedMinutes,
      mode: summary.mode,
      status: sessionStatus(s),
      cancellation: s.cancellation ? { kind: s.cancellation.kind, cancelledBy: s.cancellation.cancelledBy } : null,
      chargedMinutes: minutesUsed(summary, policy),
      hash: version?.hash ?? null,
      signatures: version?.signatures ?? [],
    };
  });
  const charged = entries.reduce((n, e) => n + e.chargedMinutes, 0);
  const record = { kind: 'monthly-timesheet', studentId: profile.id, month, sessions: entries, chargedMinutes: charged };
  const hash = contentHash(record);

  const rows: SignatureRow[] = entries.map((e) => {
    const status = e.cancellation
      ? `${cancellationKindLabels[e.cancellation.kind]} (counts)`
      : e.chargedMinutes === 0 && e.status === 'complete'
        ? `${sessionStatusLabels[e.status]}; not charged`
        : sessionStatusLabels[e.status];
    const signed = (role: 'student' | 'mentor') => e.signatures.find((sig) => sig.role === role) ?? null;
    return {
      cells: [ukDayAndDate(e.date), e.cancellation ? `${e.start} (booked)` : `${e.start}–${e.end}`, formatDuration(e.durationMinutes), sessionModeLabels[e.mode], status],
      signatures: e.cancellation ? [] : [signed('student'), signed('mentor')],
    };
  });

  return {
    title: 'Monthly timesheet',
    subtitle: `${profile.fullName} · ${monthLabel(month)}`,
    provider,
    sections: [
      {
        heading: 'Student and mentor',
        blocks: [
          {
            type: 'fields',
            fields: [
              ...studentAndMentorFields(profile.fullName, profile, settings.mentorName),
              { label: 'Funding', value: fundingLabels[profile.funding] },
              { label: 'Month', value: monthLabel(month) },
              { label: 'Hours charged this month', value: `${formatHours(charged)} (sessions signed by both, and cancellations that count)` },
            ],
          },
        ],
      },
      {
        heading: 'Sessions',
        blocks: rows.length
          ? [
              {
                type: 'signatureTable',
                columns: [
                  { header: 'Date', width: 1.4 },
                  { header: 'Time', width: 0.95 },
                  { header: 'Duration', width: 0.7 },
                  { header: 'Mode', width: 0.9 },
                  { header: 'Status', width: 1.1 },
                  { header: 'Student', width: 1.1 },
                  { header: 'Mentor', width: 1.1 },
                ],
                rows,
              },
            ]
          : [{ type: 'paragraph', text: `No sessions were held or charged in ${monthLabel(month)}.`, muted: true }],
      },
    ],
    signatures: [],
    unsigned: 'Each session is signed by the student and the mentor on its own progress log; this sheet shows those signatures. A session awaiting signatures is not charged until both have signed.',
    hash,
    meta: { kind: 'monthly-timesheet', studentRef: profile.studentNumber || profile.id, mentor: settings.mentorName, date: month, record, exportedAt },
  };
}
