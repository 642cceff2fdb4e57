import type { FundingValue } from '../csvImport/values';

/** The fields a referral can fill, what a finding looks like, and the limits the reading keeps to. */

export interface ReferralFields {
  fullName: string;
  preferredName: string;
  pronouns: string;
  email: string;
  phone: string;
  studentNumber: string;
  institution: string;
  course: string;
  yearOfStudy: string;
  allocatedHours: number;
  /** YYYY-MM-DD */
  hoursDeadline: string;
  funding: FundingValue;
  supportNeeds: string;
}
export type ReferralField = keyof ReferralFields;
export type ReferralConfidence = 'high' | 'medium';
export type ReferralFinding = {
  [K in ReferralField]: { field: K; value: ReferralFields[K]; line: number; confidence: ReferralConfidence };
}[ReferralField];

export interface ReferralExtraction {
  fields: Partial<ReferralFields>;
  /** What was taken, in the order of the pasted text; `line` is 1-based. */
  found: ReferralFinding[];
  /** Things the mentor should check, in plain words. */
  warnings: string[];
}

/** Longer pastes are cut: a referral is a page or two, and the rules stay fast on hostile input. */
export const MAX_REFERRAL_CHARS = 100_000;

export const fieldLabels: Record<ReferralField, string> = {
  fullName: 'name',
  preferredName: 'preferred name',
  pronouns: 'pronouns',
  email: 'email',
  phone: 'phone number',
  studentNumber: 'student number',
  institution: 'institution',
  course: 'course',
  yearOfStudy: 'year of study',
  allocatedHours: 'hours',
  hoursDeadline: 'hours deadline',
  funding: 'funding',
  supportNeeds: 'support needs',
};
export const MAX_LENGTH: Partial<Record<ReferralField, number>> = {
  fullName: 160,
  preferredName: 80,
  pronouns: 40,
  studentNumber: 40,
  institution: 160,
  course: 160,
  yearOfStudy: 40,
  supportNeeds: 4000,
};
