import Papa from 'papaparse';

/** Reading the file: delimiter, headings and rows, with the problems a mentor can fix named. */

export const MAX_IMPORT_ROWS = 10_000;

export interface ParsedCsv {
  /** Trimmed headings, made unique ("Email", "Email (2)") so a mapping can name each one. */
  columns: string[];
  /** Data rows; `rows[i]` is spreadsheet row `i + 2`. Blank rows are kept so those numbers stay true. */
  rows: string[][];
  errors: string[];
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The delimiter the heading row uses most, outside quotes. Spreadsheets set to a European locale save with ";". */
function guessDelimiter(headerLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = counts.get(d) ?? 0;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export const isBlankRow = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

export function parseCsv(text: string): ParsedCsv {
  const errors: string[] = [];
  let body = text.replace(/^\uFEFF/, '');
  // Excel may write a first line "sep=;" naming the delimiter; it does not show it as a row.
  let delimiter: string | undefined;
  const sepLine = /^sep=(.)[ \t]*\r?\n/i.exec(body);
  if (sepLine) {
    delimiter = sepLine[1];
    body = body.slice(sepLine[0].length);
  }
  const firstLine = /^[^\r\n]*\S[^\r\n]*/m.exec(body)?.[0] ?? '';
  delimiter ??= guessDelimiter(firstLine);

  const result = Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    // Header row, the allowed rows, and one more to know the file was longer.
    preview: MAX_IMPORT_ROWS + 2,
  });
  const data = result.data.filter((row): row is string[] => Array.isArray(row));

  // Leading blank lines before the headings are dropped; trailing ones are not rows.
  while (data.length > 0 && isBlankRow(data[0]!)) data.shift();
  while (data.length > 0 && isBlankRow(data[data.length - 1]!)) data.pop();

  if (data.length === 0) {
    return { columns: [], rows: [], errors: ['The file is empty. Export the students again and choose that file.'] };
  }

  const columns = uniqueHeadings(data[0]!);
  let rows = data.slice(1).map((row) => {
    const cells = row.map((cell) => cell ?? '');
    // Excel writes trailing empty cells ("a,b,c,,"); only non-empty extras matter to validateRows.
    while (cells.length > columns.length && cells[cells.length - 1]!.trim() === '') cells.pop();
    while (cells.length < columns.length) cells.push('');
    return cells;
  });

  for (const error of result.errors) {
    if (error.code === 'MissingQuotes') {
      const at = typeof error.row === 'number' ? `Row ${error.row + 1}` : 'A row';
      errors.push(
        `${at} opens a quote (") that never closes, so the rest of the file may have been read as one value. Open the file in a spreadsheet, check that row and save it as CSV again.`,
      );
    } else if (error.code === 'InvalidQuotes') {
      const at = typeof error.row === 'number' ? `Row ${error.row + 1}` : 'A row';
      errors.push(`${at} has a quote (") in an unexpected place. Check that row in a spreadsheet and save it as CSV again.`);
    }
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    rows = rows.slice(0, MAX_IMPORT_ROWS);
    errors.push(
      `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} students; only the first ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} were read. Split it into smaller files and import each.`,
    );
  }
  if (rows.every(isBlankRow)) errors.push('The file has headings but no students under them.');
  if (body.includes('\uFFFD')) {
    errors.push(
      'Some characters could not be read (accented names may look wrong). In Excel, save the file as "CSV UTF-8" and import it again.',
    );
  }
  return { columns, rows, errors };
}

function uniqueHeadings(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((cell, i) => {
    const heading = (cell ?? '').replace(/\s+/g, ' ').trim() || `Column ${i + 1}`;
    const count = (seen.get(heading.toLowerCase()) ?? 0) + 1;
    seen.set(heading.toLowerCase(), count);
    return count === 1 ? heading : `${heading} (${count})`;
  });
}
