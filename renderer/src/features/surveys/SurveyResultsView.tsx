import { Alert, Group, List, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { call } from '../../app/client';
import { useLoad } from '../../app/useLoad';

/** Each rating's answers as a bar per point of the scale, and the written answers, with no names. */
export function SurveyResultsView({ surveyId, academicYear }: { surveyId: string; academicYear: string }) {
  const results = useLoad(() => call('surveys:results', { surveyId, academicYear }), [surveyId, academicYear]);
  if (results.error) return <Alert color="red">{results.error}</Alert>;
  if (!results.data) return <Loader size="sm" aria-label="Loading results" />;
  const { questions, returned, invited, responseRate } = results.data;
  return (
    <Stack gap="md">
      <Text>
        {returned} of {invited} returned ({Math.round(responseRate * 100)}%).
      </Text>
      {questions.map((q, index) =>
        q.kind === 'rating' ? (
          <Paper key={q.id} withBorder p="md" radius="md" role="figure" aria-label={`${q.text}: answers`}>
            <Group justify="space-between" mb="xs">
              <Title order={3} size="h5">
                {index + 1}. {q.text}
              </Title>
              <Text size="sm" c="dimmed">
                {q.answered} answered{q.mean !== null ? ` · average ${q.mean.toFixed(1)}` : ''}
              </Text>
            </Group>
            <Stack gap={4}>
              {[...q.distribution].reverse().map((d) => {
                const share = q.answered ? (100 * d.count) / q.answered : 0;
                const label = d.value === q.scale.max && q.scale.maxLabel ? ` ${q.scale.maxLabel}` : d.value === q.scale.min && q.scale.minLabel ? ` ${q.scale.minLabel}` : '';
                return (
                  <Group key={d.value} gap="xs" wrap="nowrap">
                    <Text size="sm" w={130} style={{ flexShrink: 0 }}>
                      {d.value}
                      <Text span size="xs" c="dimmed">
                        {label}
                      </Text>
                    </Text>
                    <Progress value={share} size="lg" radius="sm" style={{ flex: 1 }} aria-label={`${d.value}: ${d.count}`} />
                    <Text size="sm" w={70} ta="right">
                      {d.count} ({Math.round(share)}%)
                    </Text>
                  </Group>
                );
              })}
            </Stack>
          </Paper>
        ) : (
          <Paper key={q.id} withBorder p="md" radius="md">
            <Title order={3} size="h5" mb="xs">
              {index + 1}. {q.text}
            </Title>
            {q.answers.length === 0 ? (
              <Text size="sm" c="dimmed">
                No written answers.
              </Text>
            ) : (
              <List size="sm" spacing={4}>
                {q.answers.map((a, i) => (
                  <List.Item key={i}>{a}</List.Item>
                ))}
              </List>
            )}
          </Paper>
        ),
      )}
    </Stack>
  );
}
