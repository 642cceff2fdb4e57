import { Anchor, Badge, Group, Table, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { firstContactState } from '../../../../shared/domain/firstContact';
import { fundingLabels, type StudentSummary } from '../../../../shared/schemas/student';
import { formatDate, formatDateTime } from '../../app/format';
import { useNow } from '../../app/useNow';
import { StatusBadge } from '../../components/StatusBadge';
import { firstContactColors, firstContactLabel } from '../referrals/firstContactText';
import { HoursCell } from '../sessions/HoursCell';

function ReferralCell({ student, now }: { student: StudentSummary; now: number }) {
  if (student.referralReceivedAt === null) return <Text c="dimmed" size="sm">—</Text>;
  const { state, dueAt } = firstContactState({ receivedAt: student.referralReceivedAt, firstContactAt: student.firstContactAt }, now);
  const waiting = student.status === 'referred' && state !== 'contacted';
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(student.referralReceivedAt)}
      </Text>
      {waiting && (
        <Badge size="sm" color={firstContactColors[state]} variant={state === 'overdue' ? 'filled' : 'light'}>
          {firstContactLabel(state, dueAt, now)}
        </Badge>
      )}
    </Group>
  );
}

export function CaseloadTable({ students, onOpen }: { students: StudentSummary[]; onOpen(id: string): void }) {
  const now = useNow();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Students">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Institution</Table.Th>
            <Table.Th>Funding</Table.Th>
            <Table.Th>Referral</Table.Th>
            <Table.Th>Last updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {students.map((s) => (
            <Table.Tr key={s.id} onClick={() => onOpen(s.id)} style={{ cursor: 'pointer' }}>
              <Table.Td>
                {/* A real button, so the row opens from the keyboard too. */}
                <Group gap={6} wrap="nowrap">
                  <Anchor component="button" type="button" fw={600} ta="left" onClick={(e) => { e.stopPropagation(); onOpen(s.id); }}>
                    {s.fullName}
                  </Anchor>
                  {s.confidentiality === 'open' && (
                    <Tooltip label="Confidentiality exception open">
                      <ThemeIcon color="red" size="sm" radius="xl" role="img" aria-label="Confidentiality exception open" data-testid="confidentiality-icon">
                        <IconLock size={12} aria-hidden />
                      </ThemeIcon>
                    </Tooltip>
                  )}
                </Group>
                {(s.preferredName || s.studentNumber) && (
                  <Text size="xs" c="dimmed">
                    {[s.preferredName && `“${s.preferredName}”`, s.studentNumber].filter(Boolean).join(' · ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={s.status} size="sm" />
              </Table.Td>
              <Table.Td>{s.institution}</Table.Td>
              <Table.Td>
                <Text size="sm">{fundingLabels[s.funding]}</Text>
                <HoursCell student={s} />
              </Table.Td>
              <Table.Td>
                <ReferralCell student={s} now={now} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDateTime(s.updatedAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
