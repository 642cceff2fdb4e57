import { z } from 'zod';
import { Id, Timestamp } from './common';
import { ContentHash, SignerRole, signedRecordSchema } from './signature';

export const AcademicYear = z.string().regex(/^\d{4}\/\d{2}$/, 'An academic year like 2026/27');

/**
 * What a service agreement says, frozen when signed. No defaults or transforms here: re-parsing
 * old signed content must give back exactly what was signed.
 */
export const AgreementContent = z.strictObject({
  academicYear: AcademicYear,
  studentName: z.string().max(160),
  mentorName: z.string().max(120),
  providerName: z.string().max(160),
  text: z.string().trim().min(1, 'The agreement has no text').max(20_000),
});
export type AgreementContent = z.infer<typeof AgreementContent>;

export const ServiceAgreement = z.strictObject({
  id: Id,
  academicYear: AcademicYear,
  createdAt: Timestamp,
  record: signedRecordSchema(AgreementContent),
});
export type ServiceAgreement = z.infer<typeof ServiceAgreement>;

/** Both the student and the mentor sign an agreement. */
export const AGREEMENT_SIGNERS: readonly z.infer<typeof SignerRole>[] = ['student', 'mentor'];

export const AgreementSummary = z.strictObject({
  id: Id,
  academicYear: AcademicYear,
  createdAt: Timestamp,
  versions: z.number().int().positive(),
  hash: ContentHash,
  signedBy: z.array(SignerRole),
  complete: z.boolean(),
});
export type AgreementSummary = z.infer<typeof AgreementSummary>;
