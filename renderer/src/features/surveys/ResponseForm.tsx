import { Alert, Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { SurveyAnswers, SurveyDefinition } from '../../../../shared/schemas/survey';
import { call } from '../../app/client';
import { describeError, isApiError, notifySaved } from '../../app/feedback';
import { todayIso } from '../../app/format';
import { UkDateInput } from '../../components/UkDateInput';

interface Props {
  survey: SurveyDefinition;
  academicYear: string;
  studentId: string;
  studentName: string;
  initial: SurveyAnswers;
  onSaved(): Promise<void>;
  onCancel(): void;
}

/** A returned survey typed in by the mentor: each rating on its scale, each written answer as given. */
export function ResponseForm({ survey, academicYear, studentId, studentName, initial, onSaved, onCancel }: Props) {
  const [answers, setAnswers] = useState<Record<string, number | string | null>>(() => ({ ...initial }));
  const [returnedOn, setReturnedOn] = useState(todayIso());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setFailure(null);
    setErrors({});
    try {
      await call('surveys:saveResponse', { studentId, surveyId: survey.id, academicYear, answers, ...(returnedOn ? { returnedOn } : {}) });
      notifySaved(`${studentName}’s answers to ${survey.title} are saved.`);
      await onSaved();
    } catch (err) {
      if (isApiError(err, 'INVALID_INPUT') && err.issues.length > 0) {
        setErrors(Object.fromEntries(err.issues.map((i) => [i.path.replace(/^answers\./, ''), i.message])));
      }
      setFailure(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
      <Stack gap="md">
        {survey.questions.map((q, index) =>
          q.kind === 'rating' && q.scale ? (
            <Radio.Group
              key={q.id}
              label={`${index + 1}. ${q.text}`}
              description={q.scale.minLabel || q.scale.maxLabel ? `${q.scale.min} = ${q.scale.minLabel || 'lowest'}, ${q.scale.max} = ${q.scale.maxLabel || 'highest'}` : undefined}
              value={answers[q.id] === undefined || answers[q.id] === null ? '' : String(answers[q.id])}
              onChange={(v) => setAnswers({ ...answers, [q.id]: Number(v) })}
              error={errors[q.id]}
            >
              <Group mt={6} gap="md">
                {Array.from({ length: q.scale.max - q.scale.min + 1 }, (_, i) => q.scale!.min + i).map((value) => (
                  <Radio key={value} value={String(value)} label={String(value)} />
                ))}
                <Button size="compact-xs" variant="subtle" onClick={() => setAnswers({ ...answers, [q.id]: null })}>
                  No answer
                </Button>
              </Group>
            </Radio.Group>
          ) : (
            <Textarea
              key={q.id}
              label={`${index + 1}. ${q.text}`}
              autosize
              minRows={2}
              maxRows={8}
              value={typeof answers[q.id] === 'string' ? (answers[q.id] as string) : ''}
              onChange={(e) => setAnswers({ ...answers, [q.id]: e.currentTarget.value })}
              error={errors[q.id]}
            />
          ),
        )}
        <UkDateInput label="Returned on" value={returnedOn} onChange={setReturnedOn} w={200} />
        {failure && (
          <Alert color="red" role="alert" title="Not saved">
            {failure}
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          Saving marks the survey returned.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save answers
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
