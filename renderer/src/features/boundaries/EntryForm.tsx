import { Paper, Stack, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import type { BoundaryEntry, BoundaryRecords } from '../../../../shared/schemas/boundaries';
import { describeError, notifySaved } from '../../app/feedback';
import { entryFieldErrors, keepWhileDirty, saveBoundaryEntry } from './boundaryRecords';
import { FormActions } from '../../components/FormActions';

interface EntryFormProps<Values> {
  studentId: string;
  /** The form's heading and accessible name, e.g. "Log a boundary event". */
  title: string;
  form: UseFormReturnType<Values>;
  /** The checked values as the entry to save, with the id when it changes an existing one. */
  toEntry(values: Values): BoundaryEntry;
  /** The notification once saved, e.g. "The boundary event was logged." */
  savedMessage: string;
  submitLabel: string;
  onSaved(records: BoundaryRecords): void;
  onCancel(): void;
  /** The fields. */
  children: ReactNode;
}

/**
 * One entry of the Boundaries tab, new or changed: saved through the backend, whose field issues
 * land on the fields they are about; any other failure is shown above the buttons.
 */
export function EntryForm<Values>({ studentId, title, form, toEntry, savedMessage, submitLabel, onSaved, onCancel, children }: EntryFormProps<Values>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const records = await saveBoundaryEntry(studentId, toEntry(values));
      notifySaved(savedMessage);
      onSaved(records);
    } catch (err) {
      const fields = entryFieldErrors(err);
      if (fields) form.setErrors(fields);
      else setError(describeError(err));
    } finally {
      setBusy(false);
    }
  });

  return (
    <Paper withBorder p="md" component="form" aria-label={title} onSubmit={save} onKeyDown={keepWhileDirty(form)} noValidate>
      <Title order={4} size="h5" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
      <FormActions error={error} busy={busy} submitLabel={submitLabel} onCancel={onCancel} />
    </Paper>
  );
}
