import { Group, List, Paper, Rating, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ukDate, ukDayAndDate } from '../../../../shared/domain/sessionRules';
import { actionOwnerLabels, discussionAreaLabels, sessionModeLabels, type SessionRecordContent } from '../../../../shared/schemas/session';
import { formatMinutes } from './sessionRecordModel';

export interface GoalName {
  id: string;
  what: string;
}

/**
 * A session's timesheet and progress log as the student reads it before signing: read-only, with
 * the planned and actual times side by side and the student's own feedback.
 */
export function SessionDocument({ content, goals = [], label }: { content: SessionRecordContent; goals?: GoalName[]; label?: string }) {
  const goalName = (id: string) => goals.find((g) => g.id === id)?.what ?? 'A goal from the learning plan';
  return (
    <Paper withBorder p="lg" radius="md" role="document" aria-label={label ?? 'Session record'}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {content.studentName} · {content.mentorName} · {ukDayAndDate(content.date)}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="session-times">
          <Field title="Time">
            {content.actualStart}–{content.actualEnd}
          </Field>
          <Field title="Duration">
            {formatMinutes(content.durationMinutes)} (planned {formatMinutes(content.plannedMinutes)})
          </Field>
          <Field title="How">{sessionModeLabels[content.mode]}</Field>
          <Field title="Place">{content.place || '—'}</Field>
        </SimpleGrid>
        {content.endedEarly && (
          <Field title="Ended early">
            {content.endedEarly.reason} {content.endedEarly.studentConfirmed ? '(confirmed by the student)' : '(not yet confirmed by the student)'}
          </Field>
        )}
        <Field title="Areas discussed">{content.areas.map((a) => discussionAreaLabels[a]).join(', ') || '—'}</Field>
        {content.strategies.length > 0 && <Field title="Strategies used">{content.strategies.join('; ')}</Field>}
        {content.goalIds.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              Learning plan goals worked on
            </Text>
            <List size="sm">
              {content.goalIds.map((id) => (
                <List.Item key={id}>{goalName(id)}</List.Item>
              ))}
            </List>
          </Stack>
        )}
        <Field title="Notes">
          <span style={{ whiteSpace: 'pre-wrap' }}>{content.notes || '—'}</span>
        </Field>
        <Stack gap={4}>
          <Title order={3} size="h6">
            Actions agreed
          </Title>
          {content.actions.length === 0 ? (
            <Text size="sm" c="dimmed">
              None
            </Text>
          ) : (
            <Table withTableBorder verticalSpacing={4} fz="sm" aria-label="Actions agreed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>By</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {content.actions.map((a, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{a.what}</Table.Td>
                    <Table.Td>{a.owner === 'other' ? a.ownerName : actionOwnerLabels[a.owner]}</Table.Td>
                    <Table.Td>{a.due ? ukDate(a.due) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
        <Field title="Next session">{content.nextSession ? `${ukDayAndDate(content.nextSession.date)} at ${content.nextSession.start}` : 'Not arranged yet'}</Field>
        <Stack gap={2} data-testid="session-feedback">
          <Text size="sm" fw={600}>
            The student’s feedback
          </Text>
          {content.feedback ? (
            <Group gap="xs" align="flex-start">
              <Rating value={content.feedback.rating} readOnly aria-label={`${content.feedback.rating} out of 5`} />
              <Text size="sm">{content.feedback.comment || 'No comment'}</Text>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              None given
            </Text>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}

function Field({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}
