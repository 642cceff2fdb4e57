import { ActionIcon, Alert, Button, Group, Loader, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { SurveyDefinitions, type SurveyDefinition, type SurveyQuestion } from '../../../../shared/schemas/survey';
import { useSettingsDraft } from './useSettingsDraft';

/** A new question's id: from its words, unique in the survey. Ids never change once made (they name CSV columns). */
export function newQuestionId(text: string, taken: readonly string[]): string {
  const base = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 30) || 'question';
  let id = base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}-${n}`;
  return id;
}

/**
 * The questions of each survey. Wording can change freely; a question's id (its CSV column, and the
 * key of answers already saved) stays as it was made, so removing and re-adding a question is a new one.
 */
export function SurveyQuestions() {
  const { settings, value, dirty, error, busy, update, discard, save } = useSettingsDraft('surveys', SurveyDefinitions, 'Survey questions saved.');
  if (settings.error) return <Alert color="red">{settings.error}</Alert>;
  if (!settings.data || !value) return <Loader size="sm" aria-label="Loading" />;
  const surveys = value;
  const windows = settings.data.calendar.deadlineRules.filter((r) => r.kind === 'window').map((r) => ({ value: r.id, label: r.title }));
  const setSurvey = (index: number, next: SurveyDefinition) => update(surveys.map((s, i) => (i === index ? next : s)));
  const setQuestions = (index: number, questions: SurveyQuestion[]) => setSurvey(index, { ...surveys[index]!, questions });

  return (
    <Stack gap="md">
      {surveys.map((survey, si) => (
        <Paper key={survey.id} withBorder p="md" radius="md" aria-label={`Survey: ${survey.title}`} role="group">
          <Stack gap="xs">
            <Group grow align="flex-end">
              <TextInput label="Survey title" value={survey.title} onChange={(e) => setSurvey(si, { ...survey, title: e.currentTarget.value })} />
              <Select
                label="Its window on the calendar"
                data={windows.length ? windows : [{ value: survey.windowRuleId, label: survey.windowRuleId }]}
                value={survey.windowRuleId}
                onChange={(v) => v && setSurvey(si, { ...survey, windowRuleId: v })}
                allowDeselect={false}
                error={windows.some((w) => w.value === survey.windowRuleId) ? undefined : 'No survey window with this name in the deadlines: it will have no dates'}
              />
            </Group>
            {survey.questions.map((q, qi) => (
              <Group key={q.id} gap="xs" wrap="nowrap" align="flex-end">
                <TextInput
                  style={{ flex: 1 }}
                  label={`${qi + 1}. ${q.kind === 'rating' ? `Rating ${q.scale?.min}–${q.scale?.max}` : 'Written answer'}`}
                  value={q.text}
                  onChange={(e) => setQuestions(si, survey.questions.map((x, i) => (i === qi ? { ...x, text: e.currentTarget.value } : x)))}
                />
                <ActionIcon variant="subtle" disabled={qi === 0} aria-label={`Move question ${qi + 1} up`} onClick={() => setQuestions(si, swap(survey.questions, qi, qi - 1))}>
                  <IconArrowUp size={16} />
                </ActionIcon>
                <ActionIcon variant="subtle" disabled={qi === survey.questions.length - 1} aria-label={`Move question ${qi + 1} down`} onClick={() => setQuestions(si, swap(survey.questions, qi, qi + 1))}>
                  <IconArrowDown size={16} />
                </ActionIcon>
                <ActionIcon variant="subtle" color="red" aria-label={`Remove question ${qi + 1}`} onClick={() => setQuestions(si, survey.questions.filter((_, i) => i !== qi))}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Group gap="xs">
              {(['rating', 'text'] as const).map((kind) => (
                <Button
                  key={kind}
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => {
                    const text = kind === 'rating' ? 'New rating question' : 'New question';
                    const id = newQuestionId(`${text}-${survey.questions.length + 1}`, survey.questions.map((x) => x.id));
                    const question: SurveyQuestion = kind === 'rating' ? { id, kind, text, scale: { min: 1, max: 5, minLabel: 'Not at all', maxLabel: 'Very much' } } : { id, kind, text };
                    setQuestions(si, [...survey.questions, question]);
                  }}
                >
                  {kind === 'rating' ? 'Add a rating (1–5)' : 'Add a written question'}
                </Button>
              ))}
            </Group>
          </Stack>
        </Paper>
      ))}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Text size="xs" c="dimmed">
        Answers already saved stay with their question; a removed question’s answers stay in earlier exports.
      </Text>
      <Group justify="flex-end">
        {dirty && (
          <Button variant="default" onClick={discard}>
            Discard changes
          </Button>
        )}
        <Button onClick={() => void save()} loading={busy} disabled={!dirty}>
          Save questions
        </Button>
      </Group>
    </Stack>
  );
}

function swap<T>(list: T[], a: number, b: number): T[] {
  const next = [...list];
  [next[a], next[b]] = [next[b]!, next[a]!];
  return next;
}
