import { z } from 'zod';
import { Funding, StudentDraft, StudentStatus, StudentSummary } from './student';
import { Timestamp, text } from './common';
import { studentFieldLabels, type StudentField } from '../domain/csvImport';

export const CaseloadSort = z.enum(['name', 'status', 'institution', 'updated', 'referral']);
export type CaseloadSort = z.infer<typeof CaseloadSort>;

export const CaseloadQuery = z.strictObject({
  /** Words to find in name, preferred name, student ID, email, phone or institution; accents and case ignored. */
  text: text(200).default(''),
  statuses: z.array(StudentStatus).max(5).default([]),
  fundings: z.array(Funding).max(5).default([]),
  institution: text(160).default(''),
  sort: CaseloadSort.default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type CaseloadQuery = z.infer<typeof CaseloadQuery>;

export const CaseloadPage = z.strictObject({
  /** How many students match, before paging. */
  total: z.number().int().nonnegative(),
  students: z.array(StudentSummary),
  /** Every institution on the caseload, for the filter. */
  institutions: z.array(z.string()),
});
export type CaseloadPage = z.infer<typeof CaseloadPage>;

export const FirstContactItem = z.strictObject({
  student: StudentSummary,
  dueAt: Timestamp,
  state: z.enum(['overdue', 'due-soon', 'waiting']),
});
export type FirstContactItem = z.infer<typeof FirstContactItem>;

/** The home screen: first contacts that need doing (overdue first), then the active caseload. */
export const HomeOverview = z.strictObject({
  now: Timestamp,
  firstContacts: z.array(FirstContactItem),
  active: z.array(StudentSummary),
  counts: z.record(StudentStatus, z.number().int().nonnegative()),
  dueForDeletion: z.number().int().nonnegative(),
  /** The academic year the backend's clock is in, and active students with no agreement signed for it. */
  academicYear: z.string(),
  agreementsDue: z.array(StudentSummary),
});
export type HomeOverview = z.infer<typeof HomeOverview>;

export const RetentionItem = z.strictObject({ student: StudentSummary, dueAt: Timestamp });

/** Column → student field, for a CSV import. Empty: not imported. */
export const ImportField = z.enum(Object.keys(studentFieldLabels) as [StudentField, ...StudentField[]]);
export const ImportMapping = z.record(z.string().max(200), z.union([ImportField, z.literal('')]));
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportRequest = z.strictObject({
  /** The CSV text as the user's file holds it (at most 5 MB). */
  csv: z.string().max(5_000_000, 'That file is larger than 5 MB; split it and import the parts.'),
  /** Omitted: Mentor Desk suggests one from the column names. */
  mapping: ImportMapping.optional(),
});

export const ImportProblem = z.strictObject({ row: z.number().int(), reasons: z.array(z.string()) });

export const ImportPreview = z.strictObject({
  columns: z.array(z.string()),
  mapping: ImportMapping,
  total: z.number().int().nonnegative(),
  /** The first rows as they would be imported. */
  sample: z.array(z.strictObject({ row: z.number().int(), draft: StudentDraft })),
  good: z.number().int().nonnegative(),
  bad: z.array(ImportProblem),
  /** Problems with the file itself (not a CSV, too many rows…). */
  fileErrors: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.strictObject({
  imported: z.number().int().nonnegative(),
  bad: z.array(ImportProblem),
});
export type ImportResult = z.infer<typeof ImportResult>;
