import { Divider, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { IlpContent } from '../../../../shared/schemas/ilp';
import { formatIsoDate } from '../../app/format';
import { RecordNote } from '../../components/SignedRecord';
import { GoalProgress, GoalStatusBadge } from './GoalProgress';

/** The learning plan as the student reads it before signing: read-only, every goal with its strategies. */
export function IlpDocument({ content, label }: { content: IlpContent; label?: string }) {
  return (
    <Paper withBorder p="lg" radius="md" role="document" aria-label={label ?? 'Individual Learning Plan'}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {content.studentName} · {content.mentorName || 'mentor not named'} · next review {content.nextReviewOn ? formatIsoDate(content.nextReviewOn) : 'not planned yet'}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <RecordNote title="Strengths" text={content.strengths} />
          <RecordNote title="Barriers to learning" text={content.barriers} />
        </SimpleGrid>
        <Stack gap="xs">
          <Title order={3} size="h5">
            Goals
          </Title>
          <GoalProgress goals={content.goals} />
          {content.goals.length === 0 && (
            <Text size="sm" c="dimmed">
              No goals set yet.
            </Text>
          )}
          {content.goals.map((goal, i) => (
            <Paper key={goal.id} withBorder p="sm" radius="sm" data-testid="ilp-goal">
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text fw={600}>
                    Goal {i + 1}: {goal.what}
                  </Text>
                  <GoalStatusBadge status={goal.status} />
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                  <RecordNote title="Why it matters" text={goal.why} />
                  <RecordNote title="How we will know it is met" text={goal.measure} />
                  <RecordNote title="Target date" text={goal.targetDate ? formatIsoDate(goal.targetDate) : 'Not set'} />
                  <RecordNote title="Strategies" text={goal.strategies.join('; ')} />
                </SimpleGrid>
                {goal.reviewNotes && <RecordNote title="Review notes" text={goal.reviewNotes} />}
              </Stack>
            </Paper>
          ))}
        </Stack>
        <Divider />
        <ReviewTable reviews={content.reviews} />
      </Stack>
    </Paper>
  );
}

export function ReviewTable({ reviews }: { reviews: IlpContent['reviews'] }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        Reviews
      </Title>
      {reviews.length === 0 ? (
        <Text size="sm" c="dimmed">
          No review held yet.
        </Text>
      ) : (
        <Table withTableBorder layout="fixed" aria-label="Reviews">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>Date</Table.Th>
              <Table.Th>Outcome</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reviews.map((review, i) => (
              <Table.Tr key={i}>
                <Table.Td>{formatIsoDate(review.on)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{review.outcome || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
