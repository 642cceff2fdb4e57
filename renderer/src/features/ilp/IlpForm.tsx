import { Alert, Button, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconDeviceFloppy, IconPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { IlpDraft, type IlpContent } from '../../../../shared/schemas/ilp';
import { call } from '../../app/client';
import { describeError, isApiError, notifySaved } from '../../app/feedback';
import { UkDateInput } from '../../components/UkDateInput';
import { GoalFields } from './GoalFields';
import { ReviewTable } from './IlpDocument';
import { draftOf, emptyGoal } from './ilpDraft';

interface IlpFormProps {
  studentId: string;
  content: IlpContent;
  strategies: readonly string[];
  /** The version on screen is signed: saving makes an amendment. */
  frozen: boolean;
  onSaved(): Promise<void>;
  /** Only while amending a signed version: go back to reading it. */
  onCancel?: (() => void) | undefined;
  onDirtyChange(dirty: boolean): void;
}

/**
 * The plan as the mentor edits it, saved with one button: a signed plan changes only by amendment,
 * so each save is a deliberate step rather than every keystroke.
 */
export function IlpForm({ studentId, content, strategies, frozen, onSaved, onCancel, onDirtyChange }: IlpFormProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<IlpDraft>({ initialValues: draftOf(content), validate: schemaResolver(IlpDraft, { sync: true }) });
  // Stable keys for goals, so removing one never moves another's half-typed value.
  const nextKey = useRef(0);
  const keys = useRef<number[]>(form.values.goals.map(() => nextKey.current++));
  const dirty = form.isDirty();
  const goalCount = form.values.goals.length;

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const addGoal = () => {
    keys.current.push(nextKey.current++);
    form.insertListItem('goals', emptyGoal());
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[aria-label="Goal ${goalCount + 1}: what the goal is"]`)?.focus());
  };
  const removeGoal = (index: number) => {
    keys.current.splice(index, 1);
    form.removeListItem('goals', index);
  };

  const save = form.onSubmit(
    async (values) => {
      setBusy(true);
      setError(null);
      try {
        await call('ilp:save', { studentId, draft: values });
        notifySaved(frozen ? 'The plan was saved as an amendment: both of you sign it again. The signed version stays on file.' : 'The learning plan was saved.');
        form.resetDirty();
        await onSaved();
      } catch (err) {
        if (isApiError(err, 'INVALID_INPUT') && err.issues.length > 0) {
          for (const issue of err.issues) form.setFieldError(issue.path, issue.message);
        }
        setError(describeError(err));
      } finally {
        setBusy(false);
      }
    },
    () => setError('Some details need correcting: see the fields marked in red.'),
  );

  return (
    <form onSubmit={save} noValidate aria-label="Edit the learning plan">
      <Stack gap="md">
        {frozen && (
          <Alert color="blue" title="This version is signed">
            Saving your changes makes an amendment that both of you sign again; the signed version stays on file as it was signed.
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Textarea label="Strengths" description="What goes well; what the student is good at" autosize minRows={3} maxLength={4000} {...form.getInputProps('strengths')} />
          <Textarea label="Barriers to learning" description="What gets in the way" autosize minRows={3} maxLength={4000} {...form.getInputProps('barriers')} />
        </SimpleGrid>

        <Group justify="space-between" align="flex-end">
          <Title order={3} size="h5">
            Goals ({goalCount})
          </Title>
          <UkDateInput
            label="Next review"
            clearable
            w={200}
            {...form.getInputProps('nextReviewOn')}
            value={form.values.nextReviewOn}
            onChange={(v) => form.setFieldValue('nextReviewOn', v)}
          />
        </Group>
        {goalCount === 0 && (
          <Text size="sm" c="dimmed">
            No goals yet. Agree one to three goals with the student to start with.
          </Text>
        )}
        {form.values.goals.map((_, i) => (
          <GoalFields key={keys.current[i] ?? i} form={form} index={i} strategies={strategies} onRemove={() => removeGoal(i)} />
        ))}
        {form.errors.goals && (
          <Text c="red" size="sm" role="alert">
            {form.errors.goals}
          </Text>
        )}
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={addGoal} disabled={goalCount >= 30}>
            Add a goal
          </Button>
        </Group>

        <ReviewTable reviews={form.values.reviews} />

        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={busy} disabled={!dirty} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
            {frozen ? 'Save as an amendment' : 'Save plan'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
