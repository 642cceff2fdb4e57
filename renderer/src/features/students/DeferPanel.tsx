import { Button, Modal, NumberInput, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconPlayerPause } from '@tabler/icons-react';
import { useState } from 'react';
import { z } from 'zod';
import { IsoDate, text } from '../../../../shared/schemas/common';
import type { Student } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import { describeError, isApiError, notifyDone } from '../../app/feedback';
import { formatIsoDate, todayIso } from '../../app/format';
import { useLoad } from '../../app/useLoad';
import { FormActions } from '../../components/FormActions';
import { UkDateInput } from '../../components/UkDateInput';

const requiredDate = (message: string) => z.string().min(1, message).pipe(IsoDate);
const DeferralValues = z
  .object({
    from: requiredDate('Enter the date support is paused from, like 23/11/2026'),
    newDeadline: requiredDate('Enter the new date by which the hours must be used'),
    extraHours: z.number({ error: 'Enter a number of hours (0 if none)' }).min(0, 'Extra hours cannot be negative').max(500, 'That is more extra hours than a deferral gives'),
    note: text(1000),
  })
  .refine((d) => !d.from || !d.newDeadline || d.newDeadline > d.from, { path: ['newDeadline'], message: 'The new deadline must come after the date support is paused from' });
type DeferralValues = z.infer<typeof DeferralValues>;

/** Where the student's hours deadline stands now, after any deferrals (from the caseload index). */
export function HoursDeadline({ student }: { student: Student }) {
  const summary = useLoad(async () => (await call('students:list', {})).find((s) => s.id === student.id) ?? null, [student.id, student.updatedAt, student.status, student.statusHistory.length]);
  const deadline = summary.data?.hoursDeadline ?? student.hoursDeadline;
  return (
    <Text size="sm" data-testid="hours-deadline">
      {deadline ? `Hours to be used by ${formatIsoDate(deadline)}` : 'No hours deadline recorded'}
      {deadline && student.hoursDeadline && deadline !== student.hoursDeadline ? ` (originally ${formatIsoDate(student.hoursDeadline)}, before deferral)` : ''}
    </Text>
  );
}

/** Support paused as agreed with the office: a new deadline, and any extra hours the office gave. */
export function DeferSupport({ student, onChanged }: { student: Student; onChanged(): Promise<void> }) {
  const [opened, setOpened] = useState(false);
  // The backend refuses a deferral for closed or withdrawn mentoring: reopening comes first.
  if (student.status === 'completed' || student.status === 'withdrawn') return null;
  return (
    <>
      <Button variant="default" leftSection={<IconPlayerPause size={16} />} onClick={() => setOpened(true)}>
        Defer support…
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Defer support" size="lg">
        {opened && (
          <DeferForm
            student={student}
            onDone={async () => {
              setOpened(false);
              await onChanged();
            }}
          />
        )}
      </Modal>
    </>
  );
}

function DeferForm({ student, onDone }: { student: Student; onDone(): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Omit<DeferralValues, 'extraHours'> & { extraHours: number | string }>({
    initialValues: { from: todayIso(), newDeadline: '', extraHours: 0, note: '' },
    validate: schemaResolver(DeferralValues, { sync: true }),
  });

  const save = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const deferral = { ...values, extraHours: Number(values.extraHours) };
      await call('students:defer', { studentId: student.id, deferral });
      notifyDone('Support deferred', `Status is now Deferred; the hours are to be used by ${formatIsoDate(values.newDeadline)}.`);
      await onDone();
    } catch (err) {
      if (isApiError(err, 'INVALID_INPUT')) for (const issue of err.issues) form.setFieldError(issue.path.replace(/^deferral\./, ''), issue.message);
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={save} noValidate aria-label="Defer support">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Record a deferral agreed with the office: {student.preferredName || student.fullName}’s status becomes Deferred, and the hours are then due by
          the new deadline. The original allocation stays on record.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <UkDateInput label="Paused from" withAsterisk {...form.getInputProps('from')} value={form.values.from} onChange={(v) => form.setFieldValue('from', v)} />
          <UkDateInput
            label="New hours deadline"
            withAsterisk
            {...form.getInputProps('newDeadline')}
            value={form.values.newDeadline}
            onChange={(v) => form.setFieldValue('newDeadline', v)}
          />
        </SimpleGrid>
        <NumberInput
          label="Extra hours agreed with the office"
          description="0 if the office gave no extra hours"
          min={0}
          max={500}
          step={0.5}
          decimalScale={1}
          w={280}
          {...form.getInputProps('extraHours')}
        />
        <Textarea label="Note" description="Optional: why, and who agreed it" autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
      </Stack>
      <FormActions error={error} busy={busy} submitLabel="Defer support" />
    </form>
  );
}
