import { Stack, Text } from '@mantine/core';

/** One written part of a signed record, read-only: its title, then the text as typed, or a dash when empty. */
export function RecordNote({ title, text }: { title: string; text: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={text ? undefined : 'dimmed'}>
        {text || '—'}
      </Text>
    </Stack>
  );
}
