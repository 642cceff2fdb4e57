import { Stack, Text } from '@mantine/core';
import { signerRoleLabels, type Signature } from '../../../../shared/schemas/signature';
import { formatDateTime } from '../../app/format';
import { strokePath } from './strokes';

export interface SignaturePreviewProps {
  signature: Signature;
  /** Widest the drawing is shown, in CSS pixels; it keeps the pad's proportions. Default: 320. */
  maxWidth?: number;
  /** Show the start of the content hash the signature covers, as the PDFs do. Default: false. */
  showHash?: boolean;
}

/** A stored signature drawn from its strokes as an inline SVG (vector, so it stays sharp at any size), with who signed and when. */
export function SignaturePreview({ signature, maxWidth = 320, showHash = false }: SignaturePreviewProps) {
  const role = signerRoleLabels[signature.role];
  const when = formatDateTime(signature.signedAt);
  return (
    <Stack gap={4} maw={maxWidth}>
      <svg
        viewBox={`0 0 ${signature.width} ${signature.height}`}
        role="img"
        aria-label={`Signature of ${signature.signerName}, ${role.toLowerCase()}, signed ${when}`}
        style={{ display: 'block', width: '100%', height: 'auto', color: '#111', background: 'white', borderBottom: '1px solid var(--mantine-color-gray-4)' }}
      >
        {signature.strokes.map((stroke, index) =>
          stroke.length === 1 ? (
            <circle key={index} cx={stroke[0]!.x} cy={stroke[0]!.y} r={1.5} fill="currentColor" />
          ) : (
            <path key={index} d={strokePath(stroke)} fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" />
          ),
        )}
      </svg>
      <Text size="sm">
        <strong>{signature.signerName}</strong> ({role})
      </Text>
      <Text size="xs" c="dimmed">
        Signed {when}
        {showHash ? ` · content ${signature.contentHash.slice(0, 12)}…` : ''}
      </Text>
    </Stack>
  );
}
