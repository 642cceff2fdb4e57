/**
 * react-signature-canvas 1.0.7 ships no types, and what a default import of it yields depends on
 * the bundler's CommonJS interop (the component, or the exports object holding it as `default`).
 * It is typed as unknown here and narrowed, with the real shape, in signatureCanvas.ts.
 */
declare module 'react-signature-canvas' {
  const moduleValue: unknown;
  export default moduleValue;
}
