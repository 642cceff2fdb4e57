import { Alert, Button, Checkbox, Chip, Group, Input, MultiSelect, Paper, Rating, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import { currentVersion } from '../../../../shared/domain/signing';
import { DiscussionArea, discussionAreaLabels, type Session } from '../../../../shared/schemas/session';
import { call } from '../../app/client';
import { describeError, notifySaved } from '../../app/feedback';
import { UkDateInput } from '../../components/UkDateInput';
import { TimeField } from './TimeField';
import { ActionsEditor } from './ActionsEditor';
import { MODE_OPTIONS } from './BookSessionForm';
import type { GoalName } from './SessionDocument';
import { sessionDrafts } from './sessionDrafts';
import { endsEarly, formValuesOf, formatMinutes, liveDuration, recordFieldErrors, toDraft, validateRecordForm, type RecordFormValues } from './sessionRecordModel';

interface RecordSessionFormProps {
  studentId: string;
  session: Session;
  /** The provider's strategy list from Settings. */
  strategies: string[];
  /** Goals of the student's current learning plan. */
  goals: GoalName[];
  /** Someone has signed: saving makes an amendment. */
  frozen: boolean;
  onSaved(session: Session): void;
  onCancel?(): void;
}

const same = (a: RecordFormValues, b: RecordFormValues) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The timesheet and progress log, filled in at the end of the session. Typing is kept in memory
 * until it is saved (so moving to another tab or into signing mode loses nothing); the rules the
 * backend checks are checked here first, so each message shows next to its field.
 */
export function RecordSessionForm({ studentId, session, strategies, goals, frozen, onSaved, onCancel }: RecordSessionFormProps) {
  const planned = session.booking.plannedMinutes;
  // What the form holds once saved, to tell unsaved typing from what is on file.
  const savedRef = useRef<RecordFormValues | null>(null);
  savedRef.current ??= formValuesOf(session, session.record ? currentVersion(session.record).content : null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unsaved, setUnsaved] = useState(() => sessionDrafts.get(session.id) !== undefined);
  const form = useForm<RecordFormValues>({
    initialValues: sessionDrafts.get(session.id) ?? savedRef.current,
    validate: (values) => validateRecordForm(values, planned),
    onValuesChange: (values) => {
      const changed = savedRef.current === null || !same(values, savedRef.current);
      if (changed) sessionDrafts.keep(session.id, values);
      else sessionDrafts.forget(session.id);
      setUnsaved(changed);
      setError(null);
    },
  });
  const values = form.values;
  const minutes = liveDuration(values);
  const early = endsEarly(values, planned) || values.endedEarlyReason !== '';

  const save = form.onSubmit(
    async (v) => {
      setBusy(true);
      setError(null);
      try {
        const saved = await call('sessions:record', { studentId, sessionId: session.id, draft: toDraft(v, planned) });
        sessionDrafts.forget(session.id);
        const next = formValuesOf(saved, saved.record ? currentVersion(saved.record).content : null);
        savedRef.current = next;
        form.setValues(next);
        form.resetDirty(next);
        setUnsaved(false);
        notifySaved(frozen ? 'The amendment is saved: both of you sign it again.' : 'The session record is saved.');
        onSaved(saved);
      } catch (err) {
        const fields = recordFieldErrors(err);
        if (fields) form.setErrors(fields);
        setError(describeError(err));
      } finally {
        setBusy(false);
      }
    },
    () => setError('Some details need correcting: see the messages next to the fields.'),
  );

  const strategyOptions = [...new Set([...strategies, ...values.strategies])];
  return (
    <Paper withBorder p="md" component="form" aria-label="Session record" onSubmit={save} noValidate>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} size="h5">
            {frozen ? 'Amend the session record' : 'Record the session'}
          </Title>
          <Text size="sm" c={unsaved ? 'orange' : 'dimmed'} data-testid="record-save-state" role="status">
            {unsaved ? 'Unsaved changes (kept until you save or Mentor Desk locks)' : session.record ? 'All changes saved' : 'Not saved yet'}
          </Text>
        </Group>
        {frozen && (
          <Alert color="blue" title="This record is signed">
            Saving a change makes an amendment that both of you sign again; the signed version stays on file as it was signed.
          </Alert>
        )}

        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <UkDateInput label="Date held" withAsterisk {...form.getInputProps('date')} value={values.date} onChange={(v) => form.setFieldValue('date', v)} />
          <TimeField label="Actual start" withAsterisk {...form.getInputProps('actualStart')} />
          <TimeField label="Actual end" withAsterisk {...form.getInputProps('actualEnd')} />
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              Duration
            </Text>
            <Text data-testid="record-duration" fw={600} c={minutes === null ? 'dimmed' : undefined} pt={6}>
              {minutes === null ? '—' : formatMinutes(minutes)}
              <Text span size="sm" c="dimmed" fw={400}>
                {' '}
                (planned {formatMinutes(planned)})
              </Text>
            </Text>
          </Stack>
          <Select label="How" data={MODE_OPTIONS} allowDeselect={false} {...form.getInputProps('mode')} />
          <TextInput label="Place" maxLength={200} style={{ gridColumn: 'span 3' }} {...form.getInputProps('place')} />
        </SimpleGrid>

        {early && (
          <Paper withBorder p="sm" radius="sm" bg="orange.0">
            <Stack gap="xs">
              <Text size="sm" fw={600}>
                {minutes !== null && planned > minutes
                  ? `The session ended ${formatMinutes(planned - minutes)} early`
                  : 'The session ended early'}
              </Text>
              <Textarea label="Why it ended early" autosize minRows={1} maxLength={1000} withAsterisk {...form.getInputProps('endedEarlyReason')} />
              <Checkbox label="The student confirms the session ended early" {...form.getInputProps('endedEarlyConfirmed', { type: 'checkbox' })} />
            </Stack>
          </Paper>
        )}

        <Input.Wrapper label="Areas discussed" withAsterisk error={form.errors.areas}>
          <Chip.Group multiple value={values.areas} onChange={(v) => form.setFieldValue('areas', v as DiscussionArea[])}>
            <Group gap="xs" mt={6} role="group" aria-label="Areas discussed">
              {DiscussionArea.options.map((area) => (
                <Chip key={area} value={area} size="sm">
                  {discussionAreaLabels[area]}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Input.Wrapper>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <MultiSelect label="Strategies used" data={strategyOptions} searchable clearable maxValues={20} {...form.getInputProps('strategies')} />
          {goals.length > 0 ? (
            <MultiSelect
              label="Learning plan goals worked on"
              data={goals.map((g) => ({ value: g.id, label: g.what }))}
              searchable
              clearable
              {...form.getInputProps('goalIds')}
            />
          ) : (
            <Input.Wrapper label="Learning plan goals worked on" error={form.errors.goalIds}>
              <Text size="sm" c="dimmed" pt={6}>
                No goals in a learning plan yet.
              </Text>
            </Input.Wrapper>
          )}
        </SimpleGrid>

        <Textarea label="Notes" autosize minRows={3} maxRows={12} maxLength={8000} {...form.getInputProps('notes')} />
        <ActionsEditor form={form} />

        <Stack gap="xs">
          <Checkbox label="Next session arranged" {...form.getInputProps('hasNextSession', { type: 'checkbox' })} />
          {values.hasNextSession && (
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              <UkDateInput label="Next session on" {...form.getInputProps('nextDate')} value={values.nextDate} onChange={(v) => form.setFieldValue('nextDate', v)} />
              <TimeField label="Next session at" {...form.getInputProps('nextStart')} />
            </SimpleGrid>
          )}
        </Stack>

        <Paper withBorder p="sm" radius="sm" role="group" aria-label="The student’s feedback">
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              The student’s feedback
            </Text>
            <Text size="xs" c="dimmed">
              Part of the signed record: ask the student before either of you signs.
            </Text>
            <Input.Wrapper label="How useful was the session? (1 to 5 stars)" error={form.errors.rating}>
              {/* Enter on a star chooses it; it must not also submit the whole record. */}
              <Group gap="xs" mt={4} onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}>
                <Rating value={values.rating} onChange={(v) => form.setFieldValue('rating', v)} getSymbolLabel={(v) => (v === 1 ? '1 star' : `${v} stars`)} />
                <Text size="sm" c="dimmed" data-testid="feedback-rating">
                  {values.rating > 0 ? `${values.rating} of 5` : 'Not rated'}
                </Text>
                {values.rating > 0 && (
                  <Button size="compact-xs" variant="subtle" onClick={() => form.setFieldValue('rating', 0)}>
                    Clear rating
                  </Button>
                )}
              </Group>
            </Input.Wrapper>
            <Textarea label="The student’s comment" autosize minRows={1} maxLength={2000} {...form.getInputProps('comment')} />
          </Stack>
        </Paper>

        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {frozen ? 'Save as an amendment' : 'Save record'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
