import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { ConflictOfInterestInput, type BoundaryRecords, type ConflictOfInterest } from '../../../../shared/schemas/boundaries';
import { describeError, notifySaved } from '../../app/feedback';
import { formatIsoDate, todayIso } from '../../app/format';
import { UkDateInput } from '../../components/UkDateInput';
import type { Editing } from './BoundaryLog';
import { entryFieldErrors, keepWhileDirty, saveBoundaryEntry } from './boundaryRecords';
import { EntryFormActions } from './EntryFormActions';

interface ConflictFormProps {
  studentId: string;
  conflict?: ConflictOfInterest;
  onSaved(records: BoundaryRecords): void;
  onCancel(): void;
}

function ConflictForm({ studentId, conflict, onSaved, onCancel }: ConflictFormProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ConflictOfInterestInput>({
    initialValues: conflict
      ? { declaredOn: conflict.declaredOn, description: conflict.description, menteeToldOn: conflict.menteeToldOn }
      : { declaredOn: todayIso(), description: '', menteeToldOn: '' },
    validate: schemaResolver(ConflictOfInterestInput, { sync: true }),
  });

  const save = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const records = await saveBoundaryEntry(studentId, { type: 'conflict', ...(conflict ? { id: conflict.id } : {}), entry: values });
      notifySaved(conflict ? 'The conflict of interest was updated.' : 'The conflict of interest was declared.');
      onSaved(records);
    } catch (err) {
      const fields = entryFieldErrors(err);
      if (fields) form.setErrors(fields);
      else setError(describeError(err));
    } finally {
      setBusy(false);
    }
  });

  const title = conflict ? 'Edit conflict of interest' : 'Declare a conflict of interest';
  return (
    <Paper withBorder p="md" component="form" aria-label={title} onSubmit={save} onKeyDown={keepWhileDirty(form)} noValidate>
      <Title order={4} size="h5" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">
        <Textarea
          label="The conflict"
          autoFocus
          description="The other role or connection, and how it could affect mentoring"
          autosize
          minRows={2}
          maxLength={3000}
          withAsterisk
          {...form.getInputProps('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <UkDateInput label="Declared on" withAsterisk {...form.getInputProps('declaredOn')} value={form.values.declaredOn} onChange={(v) => form.setFieldValue('declaredOn', v)} />
          <UkDateInput
            label="Mentee told on"
            description="Leave empty until you have told the student"
            clearable
            {...form.getInputProps('menteeToldOn')}
            value={form.values.menteeToldOn}
            onChange={(v) => form.setFieldValue('menteeToldOn', v)}
          />
        </SimpleGrid>
      </Stack>
      <EntryFormActions error={error} busy={busy} submitLabel={conflict ? 'Save changes' : 'Declare conflict'} onCancel={onCancel} />
    </Paper>
  );
}

export function ConflictsOfInterest({ studentId, records, onSaved }: { studentId: string; records: BoundaryRecords; onSaved(records: BoundaryRecords): void }) {
  const [editing, setEditing] = useState<Editing>(null);
  const editingConflict = editing && editing !== 'new' ? records.conflicts.find((c) => c.id === editing) : undefined;
  const addButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setEditing(null);
    // The form is gone: keep the keyboard where the mentor was working.
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const saved = (next: BoundaryRecords) => {
    close();
    onSaved(next);
  };

  return (
    <Stack gap="sm">
      {records.conflicts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No conflicts of interest declared. If you have another role that could conflict with mentoring this student, declare it and tell the student.
        </Text>
      ) : (
        <Table verticalSpacing="xs" striped aria-label="Conflicts of interest">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>Declared</Table.Th>
              <Table.Th>Conflict</Table.Th>
              <Table.Th w={140}>Mentee told</Table.Th>
              <Table.Th w={90}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {records.conflicts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{formatIsoDate(c.declaredOn)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Table.Td>
                <Table.Td>{c.menteeToldOn ? formatIsoDate(c.menteeToldOn) : 'Not yet'}</Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    aria-label={`Edit the conflict declared ${formatIsoDate(c.declaredOn)}`}
                    onClick={() => setEditing(c.id)}
                  >
                    Edit
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing === null ? (
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} ref={addButton} onClick={() => setEditing('new')}>
            Declare a conflict of interest
          </Button>
        </Group>
      ) : (
        <ConflictForm key={editing} studentId={studentId} {...(editingConflict ? { conflict: editingConflict } : {})} onSaved={saved} onCancel={close} />
      )}
    </Stack>
  );
}
