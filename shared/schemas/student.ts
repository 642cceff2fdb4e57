import { z } from 'zod';
import { isValidPhone } from '../domain/phone';
import { Id, IsoDate, Timestamp, requiredText, text } from './common';

export const Funding = z.enum(['dsa', 'access-to-work', 'institution', 'self-funded', 'other']);
export type Funding = z.infer<typeof Funding>;
export const fundingLabels: Record<Funding, string> = {
  dsa: 'Disabled Students’ Allowance',
  'access-to-work': 'Access to Work',
  institution: 'Institution-funded',
  'self-funded': 'Self-funded',
  other: 'Other',
};

export const StudentStatus = z.enum(['referred', 'active', 'deferred', 'completed', 'withdrawn']);
export type StudentStatus = z.infer<typeof StudentStatus>;
export const statusLabels: Record<StudentStatus, string> = {
  referred: 'Referred',
  active: 'Active',
  deferred: 'Deferred',
  completed: 'Completed',
  withdrawn: 'Withdrawn',
};

export const PreferredContact = z.enum(['email', 'phone', 'text']);
export type PreferredContact = z.infer<typeof PreferredContact>;

const email = z.union([z.literal(''), z.email('Enter a valid email address, like name@example.ac.uk')]);
const phone = z
  .string()
  .trim()
  .max(30)
  .refine((v) => v === '' || isValidPhone(v), 'Enter a UK number (07700 900123) or an international one with its country code (+353 1 234 5678)');

export const EmergencyContact = z.strictObject({
  name: text(120).default(''),
  relationship: text(60).default(''),
  phone: phone.default(''),
});
export type EmergencyContact = z.infer<typeof EmergencyContact>;

/**
 * What a mentor types about a student. Fields added after the first release carry defaults, so
 * records saved earlier still read (and callers that send fewer fields still validate).
 */
export const StudentDraft = z.strictObject({
  fullName: requiredText(160, 'Full name'),
  preferredName: text(80).default(''),
  pronouns: text(40).default(''),
  studentNumber: text(40).default(''),
  institution: text(160).default(''),
  course: text(160).default(''),
  yearOfStudy: text(40).default(''),
  funding: Funding.default('dsa'),
  /** Allocated support hours; null while not yet known. */
  allocatedHours: z.number().min(0, 'Hours cannot be negative').max(2000, 'That is more hours than a year holds').nullable().default(null),
  /** The date by which the allocated hours must be used. */
  hoursDeadline: z.union([z.literal(''), IsoDate]).default(''),
  /** Special category data: kept only while consent is on record (see ConsentRecord). */
  supportNeeds: text(4000).default(''),
  email: email.default(''),
  phone: phone.default(''),
  preferredContact: PreferredContact.default('email'),
  emergencyContact: EmergencyContact.default({ name: '', relationship: '', phone: '' }),
  mentorNotes: text(8000).default(''),
});
export type StudentDraft = z.infer<typeof StudentDraft>;
export type StudentDraftInput = z.input<typeof StudentDraft>;

export const StatusChange = z.strictObject({
  status: StudentStatus,
  /** The date the change took effect, as the mentor gave it. */
  on: IsoDate,
  at: Timestamp,
  note: text(500).default(''),
});
export type StatusChange = z.infer<typeof StatusChange>;

export const ConsentMethod = z.enum(['signed-form', 'email', 'verbal', 'online-form']);
export type ConsentMethod = z.infer<typeof ConsentMethod>;

/** The student's explicit consent to keep disability and health information (special category data). */
export const ConsentRecord = z.strictObject({
  givenOn: IsoDate,
  scope: requiredText(1000, 'What the student consented to'),
  method: ConsentMethod,
  withdrawnOn: z.union([z.literal(''), IsoDate]).default(''),
  recordedAt: Timestamp,
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

export const Student = StudentDraft.extend({
  id: Id,
  status: StudentStatus.default('active'),
  statusHistory: z.array(StatusChange).default([]),
  /** Every consent given, newest last; the last one without `withdrawnOn` is in force. */
  consents: z.array(ConsentRecord).default([]),
  /** The last contact of any kind (for retention). */
  lastContactAt: Timestamp.nullable().default(null),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Student = z.infer<typeof Student>;

/** The consent in force, if any. */
export function activeConsent(student: Pick<Student, 'consents'>): ConsentRecord | null {
  const last = student.consents[student.consents.length - 1];
  return last && !last.withdrawnOn ? last : null;
}

/** What the caseload list, search and home screen need, without opening every student's file. */
export const StudentSummary = z.strictObject({
  id: Id,
  fullName: z.string(),
  preferredName: z.string(),
  studentNumber: z.string(),
  email: z.string(),
  phone: z.string(),
  institution: z.string(),
  funding: Funding,
  status: StudentStatus,
  allocatedHours: z.number().nullable(),
  /** When the referral arrived and when first contact succeeded (null: not yet). */
  referralReceivedAt: Timestamp.nullable(),
  firstContactAt: Timestamp.nullable(),
  lastContactAt: Timestamp.nullable(),
  /** Academic years ("2026/27") with a service agreement signed by both. */
  agreementYears: z.array(z.string().max(7)).default([]),
  /** A confidentiality exception on record: 'open' while it is being followed up. */
  confidentiality: z.enum(['none', 'open', 'closed']).default('none'),
  /**
   * Support hours as of the student's last save: used (signed by both, plus cancellations that
   * count), booked, remaining (null while the allocation is not known), the deadline after any
   * deferrals, and the warnings that do not depend on the date (the deadline ones are worked out
   * from hoursDeadline when shown).
   */
  hoursUsed: z.number().default(0),
  hoursBooked: z.number().default(0),
  hoursRemaining: z.number().nullable().default(null),
  hoursDeadline: z.union([z.literal(''), IsoDate]).default(''),
  hoursWarnings: z.array(z.enum(['used-80', 'over-allocation', 'booked-exceeds-remaining'])).default([]),
  /** The earliest session still booked (not recorded or cancelled), as `YYYY-MM-DDTHH:MM` local time. */
  nextSessionAt: z.string().max(16).nullable().default(null),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type StudentSummary = z.infer<typeof StudentSummary>;
