import { NumberInput, Paper, Select, SimpleGrid, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { Booking, SessionMode, sessionModeLabels, type BookingWarning, type Session } from '../../../../shared/schemas/session';
import { call } from '../../app/client';
import { describeError, isApiError, notifySaved } from '../../app/feedback';
import { UkDateInput } from '../../components/UkDateInput';
import { TimeField } from './TimeField';
import { FormActions } from '../../components/FormActions';
import { keepWhileDirty } from '../boundaries/boundaryRecords';

export const MODE_OPTIONS = SessionMode.options.map((value) => ({ value, label: sessionModeLabels[value] }));

interface BookSessionFormProps {
  studentId: string;
  /** A free time offered after a cancellation, or the usual defaults. */
  initial?: Partial<Booking>;
  onBooked(result: { session: Session; warnings: BookingWarning[] }): void;
  onCancel(): void;
}

export function BookSessionForm({ studentId, initial, onBooked, onCancel }: BookSessionFormProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Booking>({
    initialValues: { date: '', start: '10:00', plannedMinutes: 60, mode: 'campus', place: '', ...initial },
    validate: schemaResolver(Booking, { sync: true }),
  });

  const save = form.onSubmit(async (booking) => {
    setBusy(true);
    setError(null);
    try {
      const result = await call('sessions:book', { studentId, booking });
      notifySaved('The session is booked.');
      onBooked(result);
    } catch (err) {
      if (isApiError(err, 'INVALID_INPUT') && err.issues.length > 0) {
        for (const issue of err.issues) form.setFieldError(issue.path.replace(/^booking\./, ''), issue.message);
      } else setError(describeError(err));
    } finally {
      setBusy(false);
    }
  });

  return (
    <Paper withBorder p="md" component="form" aria-label="Book a session" onSubmit={save} onKeyDown={keepWhileDirty(form)} noValidate>
      <Title order={3} size="h5" mb="sm">
        Book a session
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <UkDateInput label="Date" withAsterisk {...form.getInputProps('date')} value={form.values.date} onChange={(v) => form.setFieldValue('date', v)} />
        <TimeField label="Start time" withAsterisk {...form.getInputProps('start')} />
        <NumberInput
          label="Planned length (minutes)"
          withAsterisk
          min={1}
          max={480}
          step={15}
          allowDecimal={false}
          {...form.getInputProps('plannedMinutes')}
          onChange={(v) => form.setFieldValue('plannedMinutes', typeof v === 'number' ? v : Number(v) || 0)}
        />
        <Select label="How" data={MODE_OPTIONS} allowDeselect={false} withAsterisk {...form.getInputProps('mode')} />
        <TextInput
          label="Place"
          placeholder={form.values.mode === 'campus' ? 'e.g. Library room 3' : form.values.mode === 'video' ? 'The meeting link' : form.values.mode === 'phone' ? 'The number to call' : ''}
          maxLength={200}
          style={{ gridColumn: 'span 2' }}
          {...form.getInputProps('place')}
        />
      </SimpleGrid>
      <FormActions error={error} busy={busy} submitLabel="Book session" onCancel={onCancel} />
    </Paper>
  );
}
