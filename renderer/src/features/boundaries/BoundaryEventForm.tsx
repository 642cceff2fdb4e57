import { Checkbox, Paper, Select, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import {
  BOUNDARY_EVENT_KINDS,
  BoundaryEventInput,
  boundaryEventKindLabels,
  type BoundaryEvent,
  type BoundaryRecords,
} from '../../../../shared/schemas/boundaries';
import { describeError, notifySaved } from '../../app/feedback';
import { todayIso } from '../../app/format';
import { UkDateInput } from '../../components/UkDateInput';
import { entryFieldErrors, keepWhileDirty, saveBoundaryEntry } from './boundaryRecords';
import { EntryFormActions } from './EntryFormActions';

const KIND_OPTIONS = BOUNDARY_EVENT_KINDS.map((value) => ({ value, label: boundaryEventKindLabels[value] }));

interface BoundaryEventFormProps {
  studentId: string;
  /** The entry being changed; absent for a new one. */
  event?: BoundaryEvent;
  onSaved(records: BoundaryRecords): void;
  onCancel(): void;
}

export function BoundaryEventForm({ studentId, event, onSaved, onCancel }: BoundaryEventFormProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<BoundaryEventInput>({
    initialValues: event
      ? { on: event.on, kind: event.kind, description: event.description, action: event.action, officeTold: event.officeTold, officeToldOn: event.officeToldOn }
      : { on: todayIso(), kind: 'gift', description: '', action: '', officeTold: false, officeToldOn: '' },
    validate: schemaResolver(BoundaryEventInput, { sync: true }),
  });

  const save = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const records = await saveBoundaryEntry(studentId, { type: 'event', ...(event ? { id: event.id } : {}), entry: values });
      notifySaved(event ? 'The boundary event was updated.' : 'The boundary event was logged.');
      onSaved(records);
    } catch (err) {
      const fields = entryFieldErrors(err);
      if (fields) form.setErrors(fields);
      else setError(describeError(err));
    } finally {
      setBusy(false);
    }
  });

  const title = event ? 'Edit boundary event' : 'Log a boundary event';
  return (
    <Paper withBorder p="md" component="form" aria-label={title} onSubmit={save} onKeyDown={keepWhileDirty(form)} noValidate>
      <Title order={4} size="h5" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">
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
      </Stack>
      <EntryFormActions error={error} busy={busy} submitLabel={event ? 'Save changes' : 'Log event'} onCancel={onCancel} />
    </Paper>
  );
}
