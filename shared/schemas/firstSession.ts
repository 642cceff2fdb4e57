import { z } from 'zod';
import { Id, IsoDate, Timestamp, text } from './common';
import { ContentHash, SignerRole, signedRecordSchema } from './signature';
import { AcademicYear } from './agreement';

/**
 * The first session's record: the guided checklist the mentor goes through with the student, each
 * item ticked with the time, signed by both. No defaults or transforms in the signed content.
 */

/** A ticked item: when it was ticked (the backend's clock), or null while it is not. */
export const Tick = z.strictObject({ done: z.boolean(), at: Timestamp.nullable() });
export type Tick = z.infer<typeof Tick>;

/** The checklist besides the guidelines, in the order it is gone through. */
export const FIRST_SESSION_TOPICS = ['confidentiality', 'notCounselling', 'expectations', 'strengths', 'contactDetails', 'agreement'] as const;
export const FirstSessionTopic = z.enum(FIRST_SESSION_TOPICS);
export type FirstSessionTopic = z.infer<typeof FirstSessionTopic>;

export const firstSessionTopicLabels: Record<FirstSessionTopic, string> = {
  confidentiality: 'Confidentiality and its two exceptions explained',
  notCounselling: 'Mentoring told apart from counselling',
  expectations: 'The student’s expectations discussed',
  strengths: 'Strengths and challenges noted',
  contactDetails: 'Contact details checked with the student',
  agreement: 'Service agreement signed',
};

const Topics = z.strictObject(Object.fromEntries(FIRST_SESSION_TOPICS.map((t) => [t, Tick])) as Record<FirstSessionTopic, typeof Tick>);

/** The contact details as the student confirmed them, copied from the profile when ticked. */
export const CheckedContactDetails = z.strictObject({
  email: z.string().max(254),
  phone: z.string().max(40),
  preferredContact: z.string().max(40),
  emergencyContact: z.strictObject({ name: z.string().max(160), relationship: z.string().max(80), phone: z.string().max(40) }),
});
export type CheckedContactDetails = z.infer<typeof CheckedContactDetails>;

export const FirstSessionContent = z.strictObject({
  studentName: z.string().max(160),
  mentorName: z.string().max(120),
  providerName: z.string().max(160),
  heldOn: IsoDate,
  /** The provider's guidelines as they read when the record was started. */
  guidelines: z.array(z.strictObject({ text: z.string().max(1000), tick: Tick })).max(60),
  topics: Topics,
  expectations: z.string().max(5000),
  strengths: z.string().max(5000),
  challenges: z.string().max(5000),
  contactDetails: CheckedContactDetails.nullable(),
  /** The signed service agreement the student agreed to, by year and hash. */
  agreement: z.strictObject({ academicYear: AcademicYear, hash: ContentHash }).nullable(),
  notes: z.string().max(10_000),
});
export type FirstSessionContent = z.infer<typeof FirstSessionContent>;

export const FirstSessionRecord = z.strictObject({
  id: Id,
  createdAt: Timestamp,
  record: signedRecordSchema(FirstSessionContent),
});
export type FirstSessionRecord = z.infer<typeof FirstSessionRecord>;

export const FIRST_SESSION_SIGNERS: readonly SignerRole[] = ['student', 'mentor'];

/** What the mentor edits: ticks as booleans (the backend stamps the times) and the notes. */
export const FirstSessionDraft = z.strictObject({
  heldOn: IsoDate,
  guidelinesDone: z.array(z.boolean()).max(60),
  topics: z.strictObject(Object.fromEntries(FIRST_SESSION_TOPICS.map((t) => [t, z.boolean()])) as Record<FirstSessionTopic, z.ZodBoolean>),
  expectations: text(5000),
  strengths: text(5000),
  challenges: text(5000),
  notes: text(10_000),
});
export type FirstSessionDraft = z.infer<typeof FirstSessionDraft>;

/** The checklist items still unticked, by label, for the warning before signing. */
export function untickedItems(content: FirstSessionContent): string[] {
  const guidelines = content.guidelines.filter((g) => !g.tick.done).length;
  return [
    ...(guidelines > 0 ? [`${guidelines} of ${content.guidelines.length} mentoring guidelines`] : []),
    ...FIRST_SESSION_TOPICS.filter((t) => !content.topics[t].done).map((t) => firstSessionTopicLabels[t]),
  ];
}
