import { Paper, Text } from '@mantine/core';
import type { AgreementContent } from '../../../../shared/schemas/agreement';

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
