/** The PDF engine: fonts with script fallback, A4 form layout, vector signatures, self-describing exports. */
export { defaultResourcesDir, loadFontSet, splitRuns, FACE_FILES, type Face, type FontSet, type TextRun, type Weight } from './fonts';
export { DocumentFonts, type Line, type TextStyle } from './text';
export { DocumentBuilder, type BuiltDocument, type DocumentOptions } from './layout';
export type { Block, ChecklistItem, Field, TableColumn } from './blocks';
export { A4, MARGIN, shortHash } from './page';
export { drawSignature, formatSignedAt, signaturePath, type Box, type Signature } from './signature';
export { finishPdf, kindLabel, readRecordFromPdf, RECORD_FILE_NAME, type ExportMeta, type FinishOptions, type ImportedPdf } from './metadata';
export { renderFormPdf, type FormDocument, type FormSection, type ProviderHeader } from './renderForm';
export { safeFilePart, writeExport } from './exportFile';
