import { studentFieldLabels, type ColumnMapping, type StudentField } from './fields';
import { isBlankRow } from './reading';
import { normaliseYearOfStudy, parseFunding, parseHours, parsePreferredContact, parseUkDate, repairPhone } from './values';

/** Checking rows against the student schema before anything is saved. */

export type DraftParseResult<D> =
  | { success: true; data: D }
  | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };

export interface RowCheck<D> {
  good: { row: number; draft: D }[];
  bad: { row: number; reasons: string[] }[];
}

/**
 * The schema's paths, named as the import screen names the columns. The name parts and the flat
 * emergency-contact columns never appear as schema paths, so taking all of `studentFieldLabels` is harmless.
 */
const fieldLabelOfPath: Record<string, string> = {
  ...studentFieldLabels,
  allocatedHours: 'Hours',
  'emergencyContact.name': 'Emergency contact name',
  'emergencyContact.relationship': 'Emergency contact relationship',
  'emergencyContact.phone': 'Emergency contact phone',
  emergencyContact: 'Emergency contact',
};

function labelOfPath(path: ReadonlyArray<PropertyKey>): string {
  const key = path.map(String).join('.');
  return fieldLabelOfPath[key] ?? (key || 'Row');
}

const quote = (s: string) => `“${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;

/**
 * Checks every row against the student schema (`parseDraft`, e.g. `(input) => StudentDraft.safeParse(input)`).
 * Row numbers are as a spreadsheet shows them: the headings are row 1, the first student row 2.
 * Blank rows are skipped. A student number or email seen on an earlier row makes the later row bad.
 */
export function validateRows<D>(
  rows: string[][],
  columns: string[],
  mapping: ColumnMapping,
  parseDraft: (input: unknown) => DraftParseResult<D>,
): RowCheck<D> {
  const good: RowCheck<D>['good'] = [];
  const bad: RowCheck<D>['bad'] = [];
  const fieldColumns = columns.map((column) => mapping[column] ?? '');
  const seenNumbers = new Map<string, number>();
  const seenEmails = new Map<string, number>();

  rows.forEach((cells, index) => {
    const row = index + 2;
    if (isBlankRow(cells)) return;
    const reasons: string[] = [];
    // Fields whose value we could not read: the schema's own message for them would only repeat ours, less clearly.
    const unreadable = new Set<string>();
    const value: Partial<Record<StudentField, string>> = {};
    fieldColumns.forEach((field, i) => {
      const cell = (cells[i] ?? '').trim();
      if (field && cell && value[field] === undefined) value[field] = cell;
    });
    const extra = cells.slice(columns.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      reasons.push(
        `row ${row}: has more values than there are column headings, so the values may have shifted columns. A value probably contains a comma without quotes; fix the row in a spreadsheet and export it again.`,
      );
    }

    const input: Record<string, unknown> = {};
    const fullName = value.fullName ?? [value.firstName, value.middleName, value.lastName].filter(Boolean).join(' ');
    input.fullName = fullName;
    for (const field of ['preferredName', 'pronouns', 'studentNumber', 'institution', 'course', 'supportNeeds', 'email', 'mentorNotes'] as const) {
      if (value[field] !== undefined) input[field] = value[field];
    }
    if (value.yearOfStudy !== undefined) input.yearOfStudy = normaliseYearOfStudy(value.yearOfStudy);
    if (value.phone !== undefined) input.phone = repairPhone(value.phone);
    if (value.allocatedHours !== undefined) {
      const hours = parseHours(value.allocatedHours);
      if (hours === null) {
        unreadable.add('allocatedHours');
        reasons.push(`row ${row}: Hours: ${quote(value.allocatedHours)} is not a number of hours. Write it like 30 or 30.5.`);
      }
      input.allocatedHours = hours;
    }
    if (value.hoursDeadline !== undefined) {
      const date = parseUkDate(value.hoursDeadline);
      if (date === null) {
        unreadable.add('hoursDeadline');
        reasons.push(`row ${row}: Hours deadline: ${quote(value.hoursDeadline)} is not a date. Write it like 31/07/2027.`);
      }
      input.hoursDeadline = date ?? '';
    }
    if (value.funding !== undefined) input.funding = parseFunding(value.funding) ?? undefined;
    if (value.preferredContact !== undefined) {
      const contact = parsePreferredContact(value.preferredContact);
      if (contact) input.preferredContact = contact;
    }
    if (value.emergencyContactName !== undefined || value.emergencyContactRelationship !== undefined || value.emergencyContactPhone !== undefined) {
      const phone = value.emergencyContactPhone ?? '';
      input.emergencyContact = {
        name: value.emergencyContactName ?? '',
        relationship: value.emergencyContactRelationship ?? '',
        phone: repairPhone(phone),
      };
    }
    for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];

    const numberKey = (value.studentNumber ?? '').replace(/\s+/g, '').toLowerCase();
    if (numberKey) {
      const first = seenNumbers.get(numberKey);
      if (first !== undefined) reasons.push(`row ${row}: Student number ${value.studentNumber} is also on row ${first}. Is this the same student twice?`);
      else seenNumbers.set(numberKey, row);
    }
    const emailKey = (value.email ?? '').toLowerCase();
    if (emailKey) {
      const first = seenEmails.get(emailKey);
      if (first !== undefined) reasons.push(`row ${row}: Email ${value.email} is also on row ${first}. Is this the same student twice?`);
      else seenEmails.set(emailKey, row);
    }

    const parsed = parseDraft(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        if (unreadable.has(String(issue.path[0]))) continue;
        reasons.push(`row ${row}: ${labelOfPath(issue.path)}: ${issue.message}`);
      }
    }
    if (reasons.length > 0 || !parsed.success) bad.push({ row, reasons });
    else good.push({ row, draft: parsed.data });
  });
  return { good, bad };
}
