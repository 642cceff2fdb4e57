import { describe, expect, it } from 'vitest';
import { createSignedRecord, currentVersion, sign, type SigningResult } from '../../../shared/domain/signing';
import {
  bookingWarnings,
  classifyCancellation,
  countsAgainstHours,
  durationMinutes,
  endedEarly,
  isChargeable,
  localTimestamp,
  recordCancellation,
  sessionEndTimestamp,
  sessionStatus,
  studentMaySign,
  summariseSession,
  validateSessionRecord,
} from '../../../shared/domain/sessionRules';
import { defaultHoursPolicy, HoursPolicy } from '../../../shared/schemas/hoursPolicy';
import { Session, SessionRecordContent } from '../../../shared/schemas/session';
import type { SignedRecord, SignerRole } from '../../../shared/schemas/signature';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const LONDON = 'Europe/London';
/** Monday 30 November 2026, 10:00 in London (GMT, so also 10:00 UTC). */
const booking = { date: '2026-11-30', start: '10:00', plannedMinutes: 60, mode: 'campus' as const, place: 'Library, room 2' };
const sessionStart = Date.UTC(2026, 10, 30, 10, 0);

const record: SessionRecordContent = {
  studentName: 'Sam Student',
  mentorName: 'Morgan Mentor',
  date: '2026-11-30',
  plannedMinutes: 60,
  actualStart: '10:00',
  actualEnd: '11:00',
  durationMinutes: 60,
  mode: 'campus',
  place: 'Library, room 2',
  areas: ['academic'],
  strategies: ['Time management'],
  goalIds: ['goal-0001'],
  notes: 'Planned the essay weeks before the deadline.',
  actions: [{ what: 'Book a library study room', owner: 'student', due: '2026-12-04' }],
  nextSession: { date: '2026-12-07', start: '10:00' },
  endedEarly: null,
  feedback: { rating: 5, comment: 'Helpful' },
};

describe('session times', () => {
  it('a session from 10:00 to 11:15 lasts 75 minutes', () => {
    expect(durationMinutes('10:00', '11:15')).toEqual({ ok: true, minutes: 75 });
  });

  it('an end time before the start is refused with a message about midnight, not counted as a night session', () => {
    const result = durationMinutes('23:00', '00:30');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/cannot run past midnight/);
    expect(durationMinutes('10:00', '10:00').ok).toBe(false);
  });

  it('a booked time is read as the London clock reads it, in winter and in summer', () => {
    expect(localTimestamp('2026-11-30', '10:00', LONDON)).toBe(sessionStart);
    expect(localTimestamp('2026-06-10', '14:30', LONDON)).toBe(Date.UTC(2026, 5, 10, 13, 30));
    expect(localTimestamp('2026-03-29', '12:00', LONDON)).toBe(Date.UTC(2026, 2, 29, 11, 0)); // the day the clocks go forward
  });
});

describe('the student signs after the session', () => {
  const end = sessionEndTimestamp('2026-11-30', '11:00', LONDON);

  it('the student cannot sign before the recorded end time', () => {
    expect(end).toBe(Date.UTC(2026, 10, 30, 11, 0));
    expect(studentMaySign(record, end - MINUTE, LONDON)).toBe("The student cannot sign before the session's recorded end time (11:00)");
  });

  it('the student may sign from the recorded end time on', () => {
    expect(studentMaySign(record, end, LONDON)).toBeNull();
    expect(studentMaySign(record, end + 2 * HOUR, LONDON)).toBeNull();
  });
});

describe('booking a session', () => {
  it('booked less than a day ahead gets a warning; 24 hours or more does not', () => {
    expect(bookingWarnings(booking, sessionStart - 23 * HOUR, { timeZone: LONDON })).toEqual([
      { kind: 'short-notice', message: 'Booked less than 24 hours ahead: check the student has the time and place' },
    ]);
    expect(bookingWarnings(booking, sessionStart - 24 * HOUR, { timeZone: LONDON })).toEqual([]);
  });

  it('a booking that has already started says to record it instead', () => {
    expect(bookingWarnings(booking, sessionStart + MINUTE, { timeZone: LONDON })[0]?.kind).toBe('in-the-past');
  });
});

describe('cancellations', () => {
  it('is late under 24 hours before the start, and with notice at 24 hours or more', () => {
    expect(classifyCancellation(sessionStart, sessionStart - 24 * HOUR)).toBe('with-notice');
    expect(classifyCancellation(sessionStart, sessionStart - 24 * HOUR + MINUTE)).toBe('late');
    expect(classifyCancellation(sessionStart, sessionStart + 10 * MINUTE)).toBe('late');
  });

  it('a late cancellation counts against the hours under the default policy, and not when the policy says otherwise', () => {
    expect(countsAgainstHours('late', 'student', defaultHoursPolicy)).toBe(true);
    expect(countsAgainstHours('late', 'student', { ...defaultHoursPolicy, lateCancellationCounts: false })).toBe(false);
    expect(countsAgainstHours('did-not-attend', 'student', defaultHoursPolicy)).toBe(true);
    expect(countsAgainstHours('did-not-attend', 'student', { ...defaultHoursPolicy, didNotAttendCounts: false })).toBe(false);
    expect(countsAgainstHours('with-notice', 'student', defaultHoursPolicy)).toBe(false);
  });

  it("a mentor's cancellation never counts against the student's hours, however late", () => {
    for (const kind of ['with-notice', 'late', 'did-not-attend'] as const) {
      expect(countsAgainstHours(kind, 'mentor', defaultHoursPolicy)).toBe(false);
    }
    const late = recordCancellation({ booking, by: 'mentor', at: sessionStart - HOUR, reason: 'Unwell', didNotAttend: false }, defaultHoursPolicy, LONDON);
    expect(late).toEqual({ kind: 'late', cancelledBy: 'mentor', at: sessionStart - HOUR, reason: 'Unwell', countsAgainstHours: false });
  });

  it('stores whether it counts as the policy said when it was cancelled', () => {
    const dna = recordCancellation({ booking, by: 'student', at: sessionStart + 20 * MINUTE, reason: ' ', didNotAttend: true }, defaultHoursPolicy, LONDON);
    expect(dna).toMatchObject({ kind: 'did-not-attend', countsAgainstHours: true, reason: '' });
    const noticed = recordCancellation({ booking, by: 'student', at: sessionStart - 48 * HOUR, reason: 'Exam', didNotAttend: false }, defaultHoursPolicy, LONDON);
    expect(noticed).toMatchObject({ kind: 'with-notice', countsAgainstHours: false });
    const shorter = HoursPolicy.parse({ shortNoticeHours: 12 });
    expect(recordCancellation({ booking, by: 'student', at: sessionStart - 13 * HOUR, reason: '', didNotAttend: false }, shorter, LONDON).kind).toBe('with-notice');
  });

  it('email support is not counted by default, and is when the provider charges for it', () => {
    expect(isChargeable({ mode: 'email' }, defaultHoursPolicy)).toBe(false);
    expect(isChargeable({ mode: 'email' }, { ...defaultHoursPolicy, emailSupportChargeable: true })).toBe(true);
    for (const mode of ['campus', 'phone', 'video'] as const) expect(isChargeable({ mode }, defaultHoursPolicy)).toBe(true);
  });
});

describe('a session that ended early', () => {
  it('is more than five minutes shorter than planned', () => {
    expect(endedEarly(60, 55)).toBe(false);
    expect(endedEarly(60, 54)).toBe(true);
    expect(endedEarly(60, 75)).toBe(false);
  });

  it('needs a reason and the student’s confirmation before signing', () => {
    const short = { ...record, actualEnd: '10:40', durationMinutes: 40 };
    expect(validateSessionRecord(short)).toEqual({
      endedEarly: 'The session was 20 minutes shorter than planned: say why it ended early and ask the student to confirm',
    });
    expect(validateSessionRecord({ ...short, endedEarly: { reason: '', studentConfirmed: false } })).toEqual({
      'endedEarly.reason': 'Say why the session ended early',
      'endedEarly.studentConfirmed': 'The student must confirm the session ended early',
    });
    expect(validateSessionRecord({ ...short, endedEarly: { reason: 'Student had a lecture', studentConfirmed: true } })).toEqual({});
  });
});

describe('checking a session record before it is signed', () => {
  it('a complete record passes', () => {
    expect(validateSessionRecord(record)).toEqual({});
  });

  it('the end must be after the start, and the duration must match the times', () => {
    expect(validateSessionRecord({ ...record, actualEnd: '09:00' }).actualEnd).toMatch(/before the start time/);
    expect(validateSessionRecord({ ...record, durationMinutes: 90 }).durationMinutes).toBe('The times give 60 minutes but the duration says 90: correct one of them');
  });

  it('asks for an area discussed, who does an action owned by someone else, and a next session that is not in the past', () => {
    const errors = validateSessionRecord({
      ...record,
      areas: [],
      actions: [{ what: 'Email the module tutor', owner: 'other', due: '2026-11-01' }],
      nextSession: { date: '2026-11-29', start: '10:00' },
    });
    expect(Object.keys(errors).sort()).toEqual(['actions.0.due', 'actions.0.ownerName', 'areas', 'nextSession.date']);
  });

  it('the schema keeps signed content exactly as it was (no defaults fill in missing fields)', () => {
    expect(SessionRecordContent.parse(record)).toEqual(record);
    const { feedback: _dropped, ...withoutFeedback } = record;
    expect(SessionRecordContent.safeParse(withoutFeedback).success).toBe(false);
  });
});

describe('where a session stands', () => {
  const sig = (role: SignerRole, hash: string) => ({
    role,
    signerName: role === 'student' ? 'Sam Student' : 'Morgan Mentor',
    signedAt: sessionStart + 2 * HOUR,
    contentHash: hash,
    strokes: [[{ x: 10, y: 10 }, { x: 40, y: 30 }]],
    width: 400,
    height: 160,
  });
  const ok = <T,>(result: SigningResult<T>): SignedRecord<T> => {
    if (!result.ok) throw new Error(result.message);
    return result.record;
  };
  const base = { id: 'session-0001', booking, cancellation: null, record: null, createdAt: sessionStart - 72 * HOUR, updatedAt: sessionStart - 72 * HOUR };

  it('is booked, then awaiting signatures once recorded, then complete when both have signed', () => {
    expect(sessionStatus(base)).toBe('booked');
    const recorded = createSignedRecord(record, sessionStart + HOUR);
    expect(sessionStatus({ ...base, record: recorded })).toBe('recorded');
    const hash = currentVersion(recorded).hash;
    const byStudent = ok(sign(recorded, sig('student', hash), sessionStart + 2 * HOUR));
    expect(sessionStatus({ ...base, record: byStudent })).toBe('recorded');
    const byBoth = ok(sign(byStudent, sig('mentor', hash), sessionStart + 2 * HOUR));
    const session = Session.parse({ ...base, record: byBoth });
    expect(sessionStatus(session)).toBe('complete');
    expect(summariseSession(session)).toMatchObject({ status: 'complete', durationMinutes: 60, plannedMinutes: 60 });
  });

  it('is cancelled once a cancellation is on it', () => {
    const cancellation = recordCancellation({ booking, by: 'student', at: sessionStart - HOUR, reason: 'Ill', didNotAttend: false }, defaultHoursPolicy, LONDON);
    expect(sessionStatus({ ...base, cancellation })).toBe('cancelled');
  });
});
