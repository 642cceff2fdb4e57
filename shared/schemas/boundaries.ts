import { z } from 'zod';
import { Id, IsoDate, Timestamp, requiredText, text } from './common';

/**
 * Boundaries and confidentiality: the checklist the mentor confirms for each student, the log of
 * boundary events, confidentiality exceptions (kept out of exports unless included on purpose) and
 * conflict-of-interest declarations. None of these is signed; each change is audited by name.
 */

const OptionalDate = z.union([z.literal(''), IsoDate]);

export const BoundaryChecklistItem = z.strictObject({ text: z.string().max(1000), confirmedAt: Timestamp.nullable() });
export type BoundaryChecklistItem = z.infer<typeof BoundaryChecklistItem>;

export const BOUNDARY_EVENT_KINDS = ['gift', 'social-media', 'off-campus', 'home-or-lift', 'personal-assistance', 'out-of-hours', 'other'] as const;
export const BoundaryEventKind = z.enum(BOUNDARY_EVENT_KINDS);
export type BoundaryEventKind = z.infer<typeof BoundaryEventKind>;
export const boundaryEventKindLabels: Record<BoundaryEventKind, string> = {
  gift: 'Gift offered',
  'social-media': 'Social media or personal contact request',
  'off-campus': 'Request to meet off campus',
  'home-or-lift': 'Home visit or lift asked for',
  'personal-assistance': 'Personal assistance asked for',
  'out-of-hours': 'Contact out of agreed hours',
  other: 'Other',
};

export const BoundaryEventInput = z
  .strictObject({
    on: IsoDate,
    kind: BoundaryEventKind,
    description: requiredText(2000, 'What happened'),
    action: requiredText(2000, 'What you did'),
    officeTold: z.boolean(),
    officeToldOn: OptionalDate,
  })
  .superRefine((e, ctx) => {
    if (e.officeTold && e.officeToldOn === '') ctx.addIssue({ code: 'custom', path: ['officeToldOn'], message: 'Say when the office was told' });
    if (!e.officeTold && e.officeToldOn !== '') ctx.addIssue({ code: 'custom', path: ['officeToldOn'], message: 'Tick “office told” or clear the date' });
  });
export type BoundaryEventInput = z.infer<typeof BoundaryEventInput>;
export const BoundaryEvent = z.strictObject({
  id: Id,
  on: IsoDate,
  kind: BoundaryEventKind,
  description: z.string(),
  action: z.string(),
  officeTold: z.boolean(),
  officeToldOn: OptionalDate,
  recordedAt: Timestamp,
  updatedAt: Timestamp,
});
export type BoundaryEvent = z.infer<typeof BoundaryEvent>;

export const ExceptionGrounds = z.enum(['risk-to-self', 'risk-to-others', 'legal-requirement']);
export type ExceptionGrounds = z.infer<typeof ExceptionGrounds>;
export const exceptionGroundsLabels: Record<ExceptionGrounds, string> = {
  'risk-to-self': 'Risk to the student',
  'risk-to-others': 'Risk to others',
  'legal-requirement': 'A legal requirement',
};

export const PersonInformed = z.strictObject({
  who: requiredText(200, 'Who was informed'),
  on: IsoDate,
  how: text(200),
});
export type PersonInformed = z.infer<typeof PersonInformed>;

export const ConfidentialityExceptionInput = z.strictObject({
  raisedOn: IsoDate,
  grounds: ExceptionGrounds,
  concern: requiredText(5000, 'The concern'),
  informed: z.array(PersonInformed).min(1, 'Record who was informed and when').max(20),
  followUp: text(5000),
  closed: z.boolean(),
});
export type ConfidentialityExceptionInput = z.infer<typeof ConfidentialityExceptionInput>;
export const ConfidentialityException = z.strictObject({
  id: Id,
  raisedOn: IsoDate,
  grounds: ExceptionGrounds,
  concern: z.string(),
  informed: z.array(PersonInformed),
  followUp: z.string(),
  closed: z.boolean(),
  recordedAt: Timestamp,
  updatedAt: Timestamp,
});
export type ConfidentialityException = z.infer<typeof ConfidentialityException>;

export const ConflictOfInterestInput = z.strictObject({
  declaredOn: IsoDate,
  description: requiredText(3000, 'The conflict'),
  menteeToldOn: OptionalDate,
});
export type ConflictOfInterestInput = z.infer<typeof ConflictOfInterestInput>;
export const ConflictOfInterest = z.strictObject({
  id: Id,
  declaredOn: IsoDate,
  description: z.string(),
  menteeToldOn: OptionalDate,
  recordedAt: Timestamp,
  updatedAt: Timestamp,
});
export type ConflictOfInterest = z.infer<typeof ConflictOfInterest>;

export const BoundaryRecords = z.strictObject({
  /** Empty until the mentor first confirms the provider's list for this student. */
  checklist: z.array(BoundaryChecklistItem).max(60),
  events: z.array(BoundaryEvent),
  exceptions: z.array(ConfidentialityException),
  conflicts: z.array(ConflictOfInterest),
});
export type BoundaryRecords = z.infer<typeof BoundaryRecords>;
export const emptyBoundaryRecords = (): BoundaryRecords => ({ checklist: [], events: [], exceptions: [], conflicts: [] });

/** One entry saved from the Boundaries tab: new when `id` is absent, else an edit of that entry. */
export const BoundaryEntry = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('event'), id: Id.optional(), entry: BoundaryEventInput }),
  z.strictObject({ type: z.literal('exception'), id: Id.optional(), entry: ConfidentialityExceptionInput }),
  z.strictObject({ type: z.literal('conflict'), id: Id.optional(), entry: ConflictOfInterestInput }),
]);
export type BoundaryEntry = z.infer<typeof BoundaryEntry>;

/** The flag on the profile and in the caseload: a confidentiality exception still open. */
export function hasOpenException(records: Pick<BoundaryRecords, 'exceptions'>): boolean {
  return records.exceptions.some((e) => !e.closed);
}
