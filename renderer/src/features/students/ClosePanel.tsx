import { Alert, Button, Checkbox, Group, List, Modal, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconCircleCheck, IconFileZip } from '@tabler/icons-react';
import { useState } from 'react';
import { z } from 'zod';
import { IsoDate, text } from '../../../../shared/schemas/common';
import type { Student } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import { describeError, isApiError, notifyDone, notifyError } from '../../app/feedback';
import { formatIsoDate } from '../../app/format';
import { FormActions } from '../../components/FormActions';
import { UkDateInput } from '../../components/UkDateInput';
import { DeferSupport, HoursDeadline } from './DeferPanel';

const ClosureValues = z.object({
  finalReviewOn: z.string().min(1, 'Enter the date of the final review meeting: the handbook asks for at least one before mentoring is closed').pipe(IsoDate),
  finalGrade: text(200),
  accessToWorkDiscussed: z.boolean(),
  notes: text(4000),
});
type ClosureValues = z.infer<typeof ClosureValues>;

/**
 * Deferral and closing on the Status tab: where the hours deadline stands, deferring support,
 * closing after the final review (with anything left open named), and the completion pack.
 */
export function SupportEnd({ student, onChanged }: { student: Student; onChanged(): Promise<void> }) {
  const [opened, setOpened] = useState(false);
  const [warnings, setWarnings] = useState<string[] | null>(null);
  return (
    <Paper withBorder p="md" component="section" aria-label="Deferral and closing">
      <Stack gap="sm">
        <HoursDeadline student={student} />
        <Group gap="xs" align="flex-start">
          <DeferSupport student={student} onChanged={onChanged} />
          {student.status !== 'completed' && (
            <Button variant="default" leftSection={<IconCircleCheck size={16} />} onClick={() => setOpened(true)}>
              Close (completed)…
            </Button>
          )}
          <CompletionPackButton student={student} />
        </Group>
        {warnings && warnings.length > 0 && (
          <Alert color="orange" title="Closed, with things still open" role="alert" withCloseButton closeButtonLabel="Dismiss" onClose={() => setWarnings(null)}>
            <List size="sm">
              {warnings.map((w) => (
                <List.Item key={w}>{w}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Close mentoring (completed)" size="lg">
        {opened && (
          <CloseForm
            student={student}
            onDone={async (found) => {
              setOpened(false);
              setWarnings(found);
              await onChanged();
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}

function CloseForm({ student, onDone }: { student: Student; onDone(warnings: string[]): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ClosureValues>({
    initialValues: { finalReviewOn: '', finalGrade: '', accessToWorkDiscussed: false, notes: '' },
    validate: schemaResolver(ClosureValues, { sync: true }),
  });

  const save = form.onSubmit(async (closure) => {
    setBusy(true);
    setError(null);
    try {
      const { warnings } = await call('students:close', { studentId: student.id, closure });
      notifyDone('Mentoring closed', `Status is now Completed, after the final review on ${formatIsoDate(closure.finalReviewOn)}.`);
      await onDone(warnings);
    } catch (err) {
      if (isApiError(err, 'INVALID_INPUT')) for (const issue of err.issues) form.setFieldError(issue.path.replace(/^closure\./, ''), issue.message);
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={save} noValidate aria-label="Close mentoring">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Close {student.preferredName || student.fullName}’s mentoring once you have held the final review together. Their records are kept for the
          retention period in Settings.
        </Text>
        <UkDateInput
          label="Final review meeting held on"
          withAsterisk
          w={260}
          {...form.getInputProps('finalReviewOn')}
          value={form.values.finalReviewOn}
          onChange={(v) => form.setFieldValue('finalReviewOn', v)}
        />
        <TextInput label="Final grade or outcome" description="As the student reported it" maxLength={200} {...form.getInputProps('finalGrade')} />
        <Checkbox label="Access to Work discussed (support once they start work)" {...form.getInputProps('accessToWorkDiscussed', { type: 'checkbox' })} />
        <Textarea label="Notes" autosize minRows={2} maxLength={4000} {...form.getInputProps('notes')} />
      </Stack>
      <FormActions error={error} busy={busy} submitLabel="Close mentoring" />
    </form>
  );
}

/** Every signed record for the office in one PDF: agreements, first session, ILP versions, progress logs. */
function CompletionPackButton({ student }: { student: Student }) {
  const [busy, setBusy] = useState(false);
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const make = async () => {
    setBusy(true);
    try {
      const { path } = await call('students:completionPack', { studentId: student.id });
      setSavedTo(path);
      notifyDone('Completion pack exported', `Saved to ${path}`);
    } catch (err) {
      notifyError('Completion pack not exported', err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4}>
      <Button variant="default" leftSection={<IconFileZip size={16} />} onClick={() => void make()} loading={busy} w="fit-content">
        Completion pack PDF
      </Button>
      {savedTo && (
        <Text size="xs" c="dimmed" data-testid="completion-pack-path">
          Last saved to {savedTo}
        </Text>
      )}
    </Stack>
  );
}
