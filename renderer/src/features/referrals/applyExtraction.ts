import type { ReferralExtraction, ReferralField } from '../../../../shared/domain/referral';
import type { StudentField, StudentFormValues } from '../students/studentFormModel';

/** Where a field's value came from; `sure` false marks a guess from loose text. */
export type ExtractedFields = Partial<Record<StudentField, { note: string; sure: boolean }>>;

export interface AppliedExtraction {
  values: StudentFormValues;
  /** Each field filled from the email, with a note saying where from, for highlighting. */
  filled: ExtractedFields;
  /** Fields the mentor had already typed differently: their value is kept, and these say what the email had. */
  kept: string[];
}

const FIELD_NAMES: Record<ReferralField, string> = {
  fullName: 'Full name',
  preferredName: 'Preferred name',
  pronouns: 'Pronouns',
  email: 'Email',
  phone: 'Phone',
  studentNumber: 'Student number',
  institution: 'Institution',
  course: 'Course',
  yearOfStudy: 'Year of study',
  allocatedHours: 'Allocated support hours',
  hoursDeadline: 'Hours to be used by',
  funding: 'Funding',
  supportNeeds: 'Support needs',
};

/**
 * Puts what was read from a referral email into the form. Fields the mentor has already changed
 * keep what they typed (nothing typed is lost); the email's value is then listed for them to compare.
 */
export function applyExtraction(current: StudentFormValues, extraction: ReferralExtraction, isTouched: (field: StudentField) => boolean): AppliedExtraction {
  const values: StudentFormValues = { ...current, emergencyContact: { ...current.emergencyContact } };
  const filled: AppliedExtraction['filled'] = {};
  const kept: string[] = [];
  for (const finding of extraction.found) {
    const field = finding.field;
    const incoming = field === 'allocatedHours' ? finding.value : String(finding.value);
    const existing = values[field];
    if (isTouched(field) && existing !== '' && String(existing) !== String(incoming)) {
      kept.push(`${FIELD_NAMES[field]}: you typed “${String(existing)}”; the email says “${String(incoming)}”.`);
      continue;
    }
    (values as Record<string, unknown>)[field] = incoming;
    const sure = finding.confidence === 'high';
    filled[field] = { note: `From the email (line ${finding.line})${sure ? '' : ': a guess, check it'}`, sure };
  }
  return { values, filled, kept };
}
