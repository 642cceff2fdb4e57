import { AppFailure } from '../../../../shared/errors';
import { applyDeferrals, hoursSummary } from '../../../../shared/domain/hours';
import { summariseSession } from '../../../../shared/domain/sessionRules';
import type { ClosureInput, DeferralInput, HoursPolicy, HoursSummary } from '../../../../shared/schemas/hoursPolicy';
import { statusLabels, type Student } from '../../../../shared/schemas/student';
import { londonToday, type Clock } from '../clock';
import type { StudentDocument, StudentRecords } from './students';


/** Where a student's hours stand: the allocation after deferrals, counted by the provider's policy. */
export function studentHours(doc: StudentDocument, policy: HoursPolicy, now: number): HoursSummary {
  const allocation = applyDeferrals({ allocatedHours: doc.profile.allocatedHours, hoursDeadline: doc.profile.hoursDeadline }, doc.deferrals);
  return hoursSummary({ ...allocation, sessions: doc.sessions.map(summariseSession) }, policy, londonToday(now));
}

/** Support hours, deferrals and closing a student's mentoring. */
export class SupportHours {
  constructor(
    private readonly students: StudentRecords,
    private readonly clock: Clock,
  ) {}

  async summary(studentId: string, policy: HoursPolicy): Promise<HoursSummary> {
    return studentHours(await this.students.read(studentId), policy, this.clock.now());
  }

  /**
   * Support paused, as agreed with the office: the deferral is kept with the others (so the first
   * allocation stays visible) and the student's status becomes "deferred", in one save.
   */
  async defer(studentId: string, input: DeferralInput): Promise<Student> {
    const doc = await this.students.read(studentId);
    if (doc.profile.status === 'completed' || doc.profile.status === 'withdrawn') {
      throw new AppFailure('INVALID_INPUT', `This student’s mentoring is ${statusLabels[doc.profile.status].toLowerCase()}: reopen it (set the status to active) before recording a deferral.`);
    }
    const now = this.clock.now();
    const next = await this.students.change(
      studentId,
      (d) => ({
        ...d,
        deferrals: [...d.deferrals, { ...input, recordedAt: now }],
        profile: { ...d.profile, status: 'deferred', statusHistory: [...d.profile.statusHistory, { status: 'deferred', on: input.from, at: now, note: `hours deadline now ${input.newDeadline}` }] },
      }),
      { field: 'deferral', value: `from ${input.from}, new deadline ${input.newDeadline}${input.extraHours ? `, ${input.extraHours} extra hours` : ''}; status deferred` },
    );
    return { ...next.profile, updatedAt: now };
  }

  /**
   * Closes the mentoring after the final review: status "completed" and the closing details kept.
   * Sessions still booked or awaiting signatures do not stop it, but are named in the warnings.
   */
  async close(studentId: string, input: ClosureInput): Promise<{ student: Student; warnings: string[] }> {
    const doc = await this.students.read(studentId);
    if (doc.profile.status === 'completed' && doc.closure) {
      throw new AppFailure('INVALID_INPUT', 'This student’s mentoring is already closed. Set the status to active to reopen it first.');
    }
    const now = this.clock.now();
    const statuses = doc.sessions.map(summariseSession);
    const booked = statuses.filter((s) => s.status === 'booked').length;
    const unsigned = statuses.filter((s) => s.status === 'recorded').length;
    const warnings = [
      ...(booked ? [`${booked === 1 ? 'One session is' : `${booked} sessions are`} still booked: cancel or record ${booked === 1 ? 'it' : 'them'}.`] : []),
      ...(unsigned ? [`${unsigned === 1 ? 'One session record is' : `${unsigned} session records are`} still waiting for signatures.`] : []),
    ];
    const next = await this.students.change(
      studentId,
      (d) => ({
        ...d,
        closure: { ...input, closedAt: now },
        profile: { ...d.profile, status: 'completed', statusHistory: [...d.profile.statusHistory, { status: 'completed', on: input.finalReviewOn, at: now, note: 'mentoring closed after the final review' }] },
      }),
      { field: 'closure', value: `closed after the final review on ${input.finalReviewOn}` },
    );
    return { student: { ...next.profile, updatedAt: now }, warnings };
  }
}
