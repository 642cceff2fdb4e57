import { firstContactState } from '../../../../shared/domain/firstContact';
import { academicYearOf } from '../../../../shared/domain/academicYear';
import { isDueForDeletion, retentionDueAt } from '../../../../shared/domain/retention';
import type { FirstContactItem, HomeOverview } from '../../../../shared/schemas/caseload';
import { StudentStatus } from '../../../../shared/schemas/student';
import { randomBytes } from 'node:crypto';
import { AppFailure } from '../../../../shared/errors';
import type { Handlers } from '../dispatch';
import { readSettings } from '../records/settings';
import { importStudents, previewImport } from '../records/studentImport';
import type { BackendContext } from './context';

type CaseloadHandlers = Pick<
  Handlers,
  | 'students:search' | 'students:setStatus' | 'students:recordConsent' | 'students:withdrawConsent' | 'students:retentionDue'
  | 'students:importPreview' | 'students:import' | 'home:overview'
  | 'referrals:create' | 'referrals:get' | 'referrals:logContact' | 'referrals:bookFirstSession'
>;

export function caseloadHandlers(ctx: BackendContext): CaseloadHandlers {
  return {
    'students:search': async (query) => (await ctx.students().caseload()).search(query),
    'students:setStatus': ({ id, status, on, note }) => ctx.students().setStatus(id, status, on, note),
    'students:recordConsent': ({ id, ...consent }) => ctx.students().recordConsent(id, consent),
    'students:withdrawConsent': ({ id, on }) => ctx.students().withdrawConsent(id, on),
    'students:retentionDue': async () => {
      const { retentionYears } = await readSettings(ctx.session());
      const now = ctx.clock.now();
      return (await ctx.students().list())
        .filter((s) => isDueForDeletion(s, retentionYears, now))
        .map((student) => ({ student, dueAt: retentionDueAt(student, retentionYears) }))
        .sort((a, b) => a.dueAt - b.dueAt);
    },
    'students:importPreview': async ({ csv, mapping }) => previewImport(csv, mapping),
    'students:import': async ({ csv, mapping }) => importStudents(ctx.students(), csv, mapping),

    'home:overview': async () => {
      const now = ctx.clock.now();
      const students = await ctx.students().list();
      const { retentionYears } = await readSettings(ctx.session());
      const firstContacts: FirstContactItem[] = [];
      for (const student of students) {
        if (student.referralReceivedAt === null || student.status !== 'referred') continue;
        const { state, dueAt } = firstContactState({ receivedAt: student.referralReceivedAt, firstContactAt: student.firstContactAt }, now);
        if (state !== 'contacted') firstContacts.push({ student, dueAt, state });
      }
      const rank = { overdue: 0, 'due-soon': 1, waiting: 2 } as const;
      firstContacts.sort((a, b) => rank[a.state] - rank[b.state] || a.dueAt - b.dueAt);
      const counts = Object.fromEntries(StudentStatus.options.map((s) => [s, 0])) as HomeOverview['counts'];
      for (const s of students) counts[s.status] += 1;
      const academicYear = academicYearOf(now);
      return {
        now,
        academicYear,
        agreementsDue: students.filter((s) => s.status === 'active' && !s.agreementYears.includes(academicYear)),
        firstContacts,
        active: students.filter((s) => s.status === 'active'),
        counts,
        dueForDeletion: students.filter((s) => isDueForDeletion(s, retentionYears, now)).length,
      };
    },

    'referrals:create': ({ student, receivedAt, source, pastedText }) =>
      ctx.students().create(student, { status: 'referred', referral: { receivedAt, source, pastedText, contacts: [], firstSession: null } }),
    'referrals:get': async ({ studentId }) => (await ctx.students().read(studentId)).referral,
    'referrals:logContact': async ({ studentId, contact }) => {
      const referral = await requireReferral(ctx, studentId);
      const entry = { ...contact, id: randomBytes(9).toString('base64url') };
      const contacts = [...referral.contacts, entry].sort((a, b) => a.at - b.at);
      return ctx.students().saveReferral(studentId, { ...referral, contacts }, { field: 'contact', value: `${contact.method}: ${contact.outcome}` });
    },
    'referrals:bookFirstSession': async ({ studentId, booking }) => {
      const referral = await requireReferral(ctx, studentId);
      return ctx.students().saveReferral(studentId, { ...referral, firstSession: booking }, { field: 'firstSession', value: `${booking.date} ${booking.time}` });
    },
  };
}

async function requireReferral(ctx: BackendContext, studentId: string) {
  const { referral } = await ctx.students().read(studentId);
  if (!referral) throw new AppFailure('NOT_FOUND', 'This student has no referral on record. Contacts are logged against a referral.');
  return referral;
}
