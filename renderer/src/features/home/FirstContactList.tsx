import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { FirstContactItem } from '../../../../shared/schemas/caseload';
import { formatDateTime } from '../../app/format';
import { useNavigate } from '../../app/navigation';
import { firstContactColors, firstContactLabel } from '../referrals/firstContactText';

/** Referred students still waiting for first contact, overdue first (the backend orders them). */
export function FirstContactList({ items, now }: { items: FirstContactItem[]; now: number }) {
  const navigate = useNavigate();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="First contacts to make">
      {items.map(({ student, dueAt, state }) => (
        <li key={student.id}>
          <UnstyledButton
            w="100%"
            onClick={() => navigate({ page: 'student', id: student.id, tab: 'contact' })}
            aria-label={`${student.fullName}: first contact ${firstContactLabel(state, dueAt, now).toLowerCase()}`}
          >
            <Paper
              withBorder
              p="sm"
              data-testid="first-contact-item"
              data-state={state}
              style={{ borderLeft: `4px solid var(--mantine-color-${firstContactColors[state]}-6)` }}
            >
              <Group justify="space-between" wrap="nowrap">
                <div>
                  <Text fw={600}>{student.fullName}</Text>
                  <Text size="sm" c="dimmed">
                    {[student.institution, student.email || student.phone].filter(Boolean).join(' · ') || 'No contact details yet'}
                  </Text>
                </div>
                <Stack gap={2} align="flex-end">
                  <Badge color={firstContactColors[state]} variant={state === 'overdue' ? 'filled' : 'light'} size="lg">
                    {firstContactLabel(state, dueAt, now)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    Due by {formatDateTime(dueAt)}
                  </Text>
                </Stack>
              </Group>
            </Paper>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}
