import { Badge, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { goalStatusLabels, type GoalStatus } from '../../../../shared/schemas/ilp';
import { countByStatus, goalStatusColors } from './ilpDraft';

export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  return (
    <Badge color={goalStatusColors[status]} variant="light" style={{ minWidth: 'max-content' }} data-testid="goal-status">
      {goalStatusLabels[status]}
    </Badge>
  );
}

/** One bar split by goal status, with the counts spelt out beside it for anyone not reading colours. */
export function GoalProgress({ goals }: { goals: readonly { status: GoalStatus }[] }) {
  if (goals.length === 0) return null;
  const counts = countByStatus(goals).filter((c) => c.count > 0);
  const summary = counts.map((c) => `${c.count} ${goalStatusLabels[c.status].toLowerCase()}`).join(', ');
  return (
    <Stack gap={4} maw={520}>
      <Progress.Root size="lg" aria-label={`Goals: ${summary}`} role="img">
        {counts.map((c) => (
          <Tooltip key={c.status} label={`${goalStatusLabels[c.status]}: ${c.count}`}>
            <Progress.Section value={(100 * c.count) / goals.length} color={c.status === 'not-started' ? 'gray.5' : goalStatusColors[c.status]} />
          </Tooltip>
        ))}
      </Progress.Root>
      <Group gap="xs">
        {counts.map((c) => (
          <Text key={c.status} size="xs" c="dimmed" data-testid="goal-count">
            <Text span c={`${goalStatusColors[c.status]}.7`} fw={700}>
              ■
            </Text>{' '}
            {goalStatusLabels[c.status]} {c.count}
          </Text>
        ))}
      </Group>
    </Stack>
  );
}
