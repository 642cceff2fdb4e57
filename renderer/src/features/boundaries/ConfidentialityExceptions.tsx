import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { exceptionGroundsLabels, type BoundaryRecords, type ConfidentialityException } from '../../../../shared/schemas/boundaries';
import { formatIsoDate } from '../../app/format';
import { ExceptionForm } from './ExceptionForm';
import { AddEntryButton, EditEntryButton, useEntryEditor } from './entryEditor';

function ExceptionCard({ exception, onEdit }: { exception: ConfidentialityException; onEdit(): void }) {
  const raised = formatIsoDate(exception.raisedOn);
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="confidentiality-exception">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="xs">
          <Text fw={600}>Raised {raised}</Text>
          <Text c="dimmed">·</Text>
          <Text>{exceptionGroundsLabels[exception.grounds]}</Text>
          <Badge color={exception.closed ? 'gray' : 'red'} variant={exception.closed ? 'light' : 'filled'}>
            {exception.closed ? 'Closed' : 'Open'}
          </Badge>
        </Group>
        <EditEntryButton label={`Edit the exception raised ${raised}`} onClick={onEdit} />
      </Group>
      <Stack gap={6} mt="xs">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span fw={500} size="sm">
            Concern:{' '}
          </Text>
          {exception.concern}
        </Text>
        <div>
          <Text size="sm" fw={500}>
            Informed:
          </Text>
          <List size="sm" spacing={2}>
            {exception.informed.map((p, i) => (
              <List.Item key={i}>
                {p.who}, {formatIsoDate(p.on)}
                {p.how ? ` (${p.how})` : ''}
              </List.Item>
            ))}
          </List>
        </div>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span fw={500} size="sm">
            Follow-up:{' '}
          </Text>
          {exception.followUp || '—'}
        </Text>
      </Stack>
    </Paper>
  );
}

/**
 * The most sensitive part of a student's record: set apart and marked, and left out of every
 * export unless the mentor includes it on purpose.
 */
export function ConfidentialityExceptions({ studentId, records, onSaved }: { studentId: string; records: BoundaryRecords; onSaved(records: BoundaryRecords): void }) {
  const editor = useEntryEditor(records.exceptions, onSaved);

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="confidentiality-exceptions-title"
      style={{ borderColor: 'var(--mantine-color-red-4)', borderLeft: '5px solid var(--mantine-color-red-6)' }}
    >
      <Stack gap="sm">
        <Group gap="xs">
          <IconLock size={20} color="var(--mantine-color-red-7)" aria-hidden />
          <Title order={3} size="h4" id="confidentiality-exceptions-title" c="red.8">
            Confidentiality exceptions
          </Title>
          <Badge color="red" variant="outline" size="sm">
            Sensitive
          </Badge>
        </Group>
        <Paper bg="orange.0" p="xs" radius="sm">
          <Text size="sm" c="orange.9">
            Record here when you share what the student told you because of a risk to them or to others, or because the law requires it. These entries are
            left out of every export unless you tick “Include confidentiality exceptions” when you export.
          </Text>
        </Paper>
        {records.exceptions.length === 0 ? (
          <Text size="sm" c="dimmed">
            No confidentiality exceptions on record.
          </Text>
        ) : (
          records.exceptions.map((e) => <ExceptionCard key={e.id} exception={e} onEdit={() => editor.edit(e.id)} />)
        )}
        {editor.editing === null ? (
          <AddEntryButton buttonRef={editor.addButton} onClick={() => editor.edit('new')} color="red">
            Record a confidentiality exception
          </AddEntryButton>
        ) : (
          <ExceptionForm
            key={editor.editing}
            studentId={studentId}
            {...(editor.entry ? { exception: editor.entry } : {})}
            onSaved={editor.saved}
            onCancel={editor.close}
          />
        )}
      </Stack>
    </Paper>
  );
}
