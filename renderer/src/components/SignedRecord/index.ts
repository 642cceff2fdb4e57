export { EarlierVersions } from './EarlierVersions';
export { AmendButton, ExportPdfButton } from './RecordButtons';
export { RecordNote } from './RecordNote';
export { SignButtons } from './SignButtons';
export { SignatureList } from './SignatureList';
export { SignedRecordHeader } from './SignedRecordHeader';
export { SignedStateBadge } from './SignedStateBadge';
export { StartRecord } from './StartRecord';
export { signedByText, signingModeNote, versionName } from './signedRecordText';
