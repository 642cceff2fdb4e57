/**
 * Importing a caseload from the CSV an institution's records system exports: read the file,
 * guess which column is which from its headings, then check every row before anything is saved.
 * The student schema is passed in (`validateRows`), so this module only knows field names.
 */

export { studentFieldLabels, type ColumnMapping, type StudentField } from './fields';
export { MAX_IMPORT_ROWS, parseCsv, type ParsedCsv } from './reading';
export { suggestMapping } from './columns';
export { normaliseYearOfStudy, parseFunding, parseHours, parseUkDate, repairPhone, type FundingValue } from './values';
export { validateRows, type DraftParseResult, type RowCheck } from './validation';
