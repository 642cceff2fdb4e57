import { Checkbox, Select, SimpleGrid, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import {
  BOUNDARY_EVENT_KINDS,
  BoundaryEventInput,
  boundaryEventKindLabels,
  type BoundaryEvent,
  type BoundaryRecords,
} from '../../../../shared/schemas/boundaries';
import { todayIso } from '../../app/format';
import { UkDateInput } from '../../components/UkDateInput';
import { EntryForm } from './EntryForm';

const KIND_OPTIONS = BOUNDARY_EVENT_KINDS.map((value) => ({ value, label: boundaryEventKindLabels[value] }));

interface BoundaryEventFormProps {
  studentId: string;
  /** The entry being changed; absent for a new one. */
  event?: BoundaryEvent;
  onSaved(records: BoundaryRecords): void;
  onCancel(): void;
}

export function BoundaryEventForm({ studentId, event, onSaved, onCancel }: BoundaryEventFormProps) {
  const form = useForm<BoundaryEventInput>({
    initialValues: event
      ? { on: event.on, kind: event.kind, description: event.description, action: event.action, officeTold: event.officeTold, officeToldOn: event.officeToldOn }
      : { on: todayIso(), kind: 'gift', description: '', action: '', officeTold: false, officeToldOn: '' },
    validate: schemaResolver(BoundaryEventInput, { sync: true }),
  });

  return (
    <EntryForm
      studentId={studentId}
      title={event ? 'Edit boundary event' : 'Log a boundary event'}
      form={form}
      toEntry={(entry) => ({ type: 'event', ...(event ? { id: event.id } : {}), entry })}
      savedMessage={event ? 'The boundary event was updated.' : 'The boundary event was logged.'}
      submitLabel={event ? 'Save changes' : 'Log event'}
      onSaved={onSaved}
      onCancel={onCancel}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <UkDateInput label="Date" withAsterisk {...form.getInputProps('on')} value={form.values.on} onChange={(v) => form.setFieldValue('on', v)} />
        <Select label="What kind of event" data={KIND_OPTIONS} allowDeselect={false} withAsterisk {...form.getInputProps('kind')} />
      </SimpleGrid>
      <Textarea autoFocus label="What happened" autosize minRows={2} maxLength={2000} withAsterisk {...form.getInputProps('description')} />
      <Textarea label="What you did" autosize minRows={2} maxLength={2000} withAsterisk {...form.getInputProps('action')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ alignItems: 'end' }}>
        <Checkbox label="Office told" mb={8} {...form.getInputProps('officeTold', { type: 'checkbox' })} />
        <UkDateInput
          label="Office told on"
          clearable
          {...form.getInputProps('officeToldOn')}
          value={form.values.officeToldOn}
          onChange={(v) => form.setFieldValue('officeToldOn', v)}
        />
      </SimpleGrid>
    </EntryForm>
  );
}
