export { SignaturePad, PAD_LABEL, type SignaturePadProps } from './SignaturePad';
export { SignaturePreview, type SignaturePreviewProps } from './SignaturePreview';
export { toSignatureStrokes, hasDrawnLine, strokePath } from './strokes';
