import { z } from 'zod';
import { Id, Timestamp, requiredText, text } from './common';

/**
 * The student record. The foundation keeps the fields every later feature needs;
 * the caseload issue adds the rest (funding, hours, consent, …) here, in one place.
 */
export const StudentDraft = z.strictObject({
  fullName: requiredText(160, 'Full name'),
  preferredName: text(80),
  studentNumber: text(40),
  email: z.union([z.literal(''), z.email('Enter a valid email address, like name@example.ac.uk')]),
});
export type StudentDraft = z.infer<typeof StudentDraft>;

export const Student = StudentDraft.extend({
  id: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Student = z.infer<typeof Student>;

export const StudentSummary = Student.pick({ id: true, fullName: true, preferredName: true, studentNumber: true, updatedAt: true });
export type StudentSummary = z.infer<typeof StudentSummary>;
