import { parseCsv, suggestMapping, validateRows } from '../../../../shared/domain/csvImport';
import type { ImportMapping, ImportPreview, ImportResult } from '../../../../shared/schemas/caseload';
import { StudentDraft } from '../../../../shared/schemas/student';
import type { StudentRecords } from './students';

const SAMPLE_ROWS = 20;

/** Like the form, an import cannot bring in support needs for a student whose consent is not on record yet. */
function parseImportedDraft(input: unknown) {
  const parsed = StudentDraft.safeParse(input);
  if (parsed.success && parsed.data.supportNeeds.trim() !== '') {
    return { success: false as const, error: { issues: [{ path: ['supportNeeds'], message: 'Support needs can be added once the student’s consent is recorded; leave this column out.' }] } };
  }
  return parsed;
}

function check(csv: string, requested: ImportMapping | undefined) {
  const parsed = parseCsv(csv);
  const mapping = requested ?? suggestMapping(parsed.columns);
  const checked = validateRows(parsed.rows, parsed.columns, mapping, parseImportedDraft);
  return { parsed, mapping, checked };
}

/** What an import would do, without doing it. */
export function previewImport(csv: string, requested: ImportMapping | undefined): ImportPreview {
  const { parsed, mapping, checked } = check(csv, requested);
  return {
    columns: parsed.columns,
    mapping,
    total: parsed.rows.length,
    sample: checked.good.slice(0, SAMPLE_ROWS),
    good: checked.good.length,
    bad: checked.bad,
    fileErrors: parsed.errors,
  };
}

/** Imports the good rows in one save (all or nothing) and lists the bad ones with reasons. */
export async function importStudents(students: StudentRecords, csv: string, requested: ImportMapping | undefined): Promise<ImportResult> {
  const { parsed, checked } = check(csv, requested);
  if (parsed.errors.length && parsed.rows.length === 0) return { imported: 0, bad: [{ row: 0, reasons: parsed.errors }] };
  const imported = checked.good.length ? await students.createMany(checked.good.map((g) => g.draft)) : 0;
  return { imported, bad: checked.bad };
}
