import { Button, Group, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { StudentDraft } from '../../../../shared/schemas/student';
import { isApiError, notifyError } from '../../app/feedback';

export const emptyDraft: StudentDraft = { fullName: '', preferredName: '', studentNumber: '', email: '' };

interface StudentFormProps {
  initialValues?: StudentDraft;
  submitLabel: string;
  /** Throws an ApiError on failure; INVALID_INPUT issues are shown next to their fields. */
  onSubmit(draft: StudentDraft): Promise<void>;
  onCancel?(): void;
}

export function StudentForm({ initialValues = emptyDraft, submitLabel, onSubmit, onCancel }: StudentFormProps) {
  const [busy, setBusy] = useState(false);
  const form = useForm<StudentDraft>({
    initialValues,
    validate: schemaResolver(StudentDraft, { sync: true }),
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (err) {
      if (isApiError(err, 'INVALID_INPUT') && err.issues.length > 0) {
        // students:update nests the draft, so its issues arrive as "draft.email".
        for (const issue of err.issues) form.setFieldError(issue.path.replace(/^draft\./, ''), issue.message);
      } else {
        notifyError('Student not saved', err);
      }
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Full name" withAsterisk autoComplete="off" data-autofocus {...form.getInputProps('fullName')} />
        <TextInput label="Preferred name" description="What they like to be called" autoComplete="off" {...form.getInputProps('preferredName')} />
        <TextInput label="Student number" autoComplete="off" {...form.getInputProps('studentNumber')} />
        <TextInput label="Email" type="email" autoComplete="off" {...form.getInputProps('email')} />
        <Group justify="flex-end" mt="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
