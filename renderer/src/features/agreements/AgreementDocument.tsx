import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { AgreementContent } from '../../../../shared/schemas/agreement';
import type { Signature } from '../../../../shared/schemas/signature';
import { SignaturePreview } from '../../components/SignaturePad';

/** The agreement's words as the student reads them, read-only. */
export function AgreementText({ content, label }: { content: AgreementContent; label?: string }) {
  return (
    <Paper withBorder p="lg" radius="md" aria-label={label ?? `Service agreement ${content.academicYear}`} role="document">
      <Text size="sm" c="dimmed" mb="xs">
        {content.studentName} · {content.mentorName} · {content.providerName} · {content.academicYear}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="agreement-text">
        {content.text}
      </Text>
    </Paper>
  );
}

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
