import { SimpleGrid, Stack, Table, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { ConflictOfInterestInput, type BoundaryRecords, type ConflictOfInterest } from '../../../../shared/schemas/boundaries';
import { formatIsoDate, todayIso } from '../../app/format';
import { UkDateInput } from '../../components/UkDateInput';
import { EntryForm } from './EntryForm';
import { AddEntryButton, EditEntryButton, useEntryEditor } from './entryEditor';

interface ConflictFormProps {
  studentId: string;
  conflict?: ConflictOfInterest;
  onSaved(records: BoundaryRecords): void;
  onCancel(): void;
}

function ConflictForm({ studentId, conflict, onSaved, onCancel }: ConflictFormProps) {
  const form = useForm<ConflictOfInterestInput>({
    initialValues: conflict
      ? { declaredOn: conflict.declaredOn, description: conflict.description, menteeToldOn: conflict.menteeToldOn }
      : { declaredOn: todayIso(), description: '', menteeToldOn: '' },
    validate: schemaResolver(ConflictOfInterestInput, { sync: true }),
  });

  return (
    <EntryForm
      studentId={studentId}
      title={conflict ? 'Edit conflict of interest' : 'Declare a conflict of interest'}
      form={form}
      toEntry={(entry) => ({ type: 'conflict', ...(conflict ? { id: conflict.id } : {}), entry })}
      savedMessage={conflict ? 'The conflict of interest was updated.' : 'The conflict of interest was declared.'}
      submitLabel={conflict ? 'Save changes' : 'Declare conflict'}
      onSaved={onSaved}
      onCancel={onCancel}
    >
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
    </EntryForm>
  );
}

export function ConflictsOfInterest({ studentId, records, onSaved }: { studentId: string; records: BoundaryRecords; onSaved(records: BoundaryRecords): void }) {
  const editor = useEntryEditor(records.conflicts, onSaved);

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
                  <EditEntryButton label={`Edit the conflict declared ${formatIsoDate(c.declaredOn)}`} onClick={() => editor.edit(c.id)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editor.editing === null ? (
        <AddEntryButton buttonRef={editor.addButton} onClick={() => editor.edit('new')}>
          Declare a conflict of interest
        </AddEntryButton>
      ) : (
        <ConflictForm key={editor.editing} studentId={studentId} {...(editor.entry ? { conflict: editor.entry } : {})} onSaved={editor.saved} onCancel={editor.close} />
      )}
    </Stack>
  );
}
