import { z } from 'zod';
import { Id, IsoDate, TimeOfDay, Timestamp, text } from './common';

export const ContactMethod = z.enum(['phone', 'email', 'text', 'in-person', 'video']);
export type ContactMethod = z.infer<typeof ContactMethod>;
export const contactMethodLabels: Record<ContactMethod, string> = {
  phone: 'Phone call',
  email: 'Email',
  text: 'Text message',
  'in-person': 'In person',
  video: 'Video call',
};

export const ContactOutcome = z.enum(['spoke', 'replied', 'met', 'left-voicemail', 'no-answer', 'message-sent', 'wrong-details']);
export type ContactOutcome = z.infer<typeof ContactOutcome>;
export const contactOutcomeLabels: Record<ContactOutcome, string> = {
  spoke: 'Spoke with the student',
  replied: 'Student replied',
  met: 'Met the student',
  'left-voicemail': 'Left a voicemail',
  'no-answer': 'No answer',
  'message-sent': 'Message sent, no reply yet',
  'wrong-details': 'Contact details wrong',
};
/** Outcomes that count as the first contact the 24-hour rule asks for. */
export const SUCCESSFUL_OUTCOMES: readonly ContactOutcome[] = ['spoke', 'replied', 'met'];

export const ContactAttemptInput = z.strictObject({
  at: Timestamp,
  method: ContactMethod,
  outcome: ContactOutcome,
  note: text(1000).default(''),
});
export const ContactAttempt = ContactAttemptInput.extend({ id: Id });
export type ContactAttempt = z.infer<typeof ContactAttempt>;

export const FirstSessionBooking = z.strictObject({
  date: IsoDate,
  time: TimeOfDay,
  place: text(200).default(''),
});
export type FirstSessionBooking = z.infer<typeof FirstSessionBooking>;

/** A referral as it arrived, with the first-contact record the 24-hour rule is checked against. */
export const Referral = z.strictObject({
  receivedAt: Timestamp,
  /** Who referred (the office, a needs assessor, the university's disability service…). */
  source: text(200).default(''),
  /** The referral email as pasted, kept encrypted with the student's other records. */
  pastedText: text(50_000).default(''),
  contacts: z.array(ContactAttempt).default([]),
  firstSession: FirstSessionBooking.nullable().default(null),
});
export type Referral = z.infer<typeof Referral>;
