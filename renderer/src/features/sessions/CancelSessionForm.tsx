import { Button, Checkbox, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import type { CancelledBy, Session } from '../../../../shared/schemas/session';
import { call } from '../../app/client';
import { describeError, isApiError } from '../../app/feedback';
import { keepWhileDirty } from '../boundaries/boundaryRecords';

export type CancelResult = ResponseOf<'sessions:cancel'>;

interface CancelValues {
  cancelledBy: CancelledBy;
  didNotAttend: boolean;
  reason: string;
}

/**
 * Cancelling a booked session: who cancelled, why, and whether the student simply did not come.
 * Late or with notice is the backend's call from its clock, and so is whether it uses hours.
 */
export function CancelSessionForm({ studentId, session, onCancelled, onClose }: { studentId: string; session: Session; onCancelled(result: CancelResult): void; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<CancelValues>({
    initialValues: { cancelledBy: 'student', didNotAttend: false, reason: '' },
    validate: {
      reason: (v) => (v.length > 1000 ? 'Keep the reason under 1000 characters' : null),
      didNotAttend: (v, values) => (v && values.cancelledBy === 'mentor' ? 'Only the student can fail to attend' : null),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      onCancelled(await call('sessions:cancel', { studentId, sessionId: session.id, ...values, reason: values.reason.trim() }));
    } catch (err) {
      if (isApiError(err, 'INVALID_INPUT')) for (const issue of err.issues) form.setFieldError(issue.path, issue.message);
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  });

  return (
    <Paper withBorder p="md" component="form" aria-label="Cancel the session" onSubmit={submit} onKeyDown={keepWhileDirty(form)} noValidate>
      <Title order={3} size="h5" mb="sm">
        Cancel the session
      </Title>
      <Stack gap="sm">
        <Radio.Group label="Who cancelled" withAsterisk {...form.getInputProps('cancelledBy')}>
          <Group gap="lg" mt={4}>
            <Radio value="student" label="The student" />
            <Radio value="mentor" label="You (the mentor)" />
          </Group>
        </Radio.Group>
        {form.values.cancelledBy === 'student' && (
          <Checkbox
            label="The student did not attend (no cancellation)"
            description="Only once the session’s start time has passed."
            {...form.getInputProps('didNotAttend', { type: 'checkbox' })}
          />
        )}
        <Textarea label="Reason" autosize minRows={2} maxLength={1000} {...form.getInputProps('reason')} />
        <Text size="xs" c="dimmed">
          Whether it is late (less notice than your policy asks) and whether it uses the student’s hours is worked out from the time now and your hours policy in Settings.
        </Text>
      </Stack>
      {error && (
        <Text c="red" size="sm" mt="xs" role="alert">
          {error}
        </Text>
      )}
      <Group justify="flex-end" mt="sm" gap="xs">
        <Button variant="default" onClick={onClose}>
          Keep the session
        </Button>
        <Button type="submit" color="red" loading={busy}>
          Cancel the session
        </Button>
      </Group>
    </Paper>
  );
}
