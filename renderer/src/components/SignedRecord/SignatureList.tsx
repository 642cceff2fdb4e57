import { Group, Stack, Text, Title } from '@mantine/core';
import type { Signature } from '../../../../shared/schemas/signature';
import { SignaturePreview } from '../SignaturePad';

/** Who signed a version and when, each signature drawn as it was signed. */
export function SignatureList({ signatures }: { signatures: Signature[] }) {
  if (signatures.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nobody has signed this version yet.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Signatures
      </Title>
      <Group align="flex-start" gap="lg" data-testid="agreement-signatures">
        {signatures.map((signature) => (
          <SignaturePreview key={signature.role} signature={signature} maxWidth={280} />
        ))}
      </Group>
    </Stack>
  );
}
