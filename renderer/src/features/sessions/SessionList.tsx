import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { ukDayAndDate } from '../../../../shared/domain/sessionRules';
import { cancellationKindLabels, sessionModeLabels, sessionStatusLabels, type SessionStatus, type SessionSummary } from '../../../../shared/schemas/session';
import { signerRoleLabels, type SignerRole } from '../../../../shared/schemas/signature';
import { sessionDrafts } from './sessionDrafts';
import { formatMinutes } from './sessionRecordModel';

export const statusColors: Record<SessionStatus, string> = { booked: 'blue', recorded: 'yellow', complete: 'teal', cancelled: 'gray' };

interface SessionListProps {
  sessions: SessionSummary[];
  /** Who has signed each session still awaiting signatures. */
  signedBy: Record<string, SignerRole[]>;
  onOpen(sessionId: string): void;
}

function SignedCell({ session, roles }: { session: SessionSummary; roles: SignerRole[] | undefined }) {
  if (session.status === 'complete') return <Text size="sm">Student and mentor</Text>;
  if (session.status !== 'recorded') return <Text size="sm" c="dimmed">—</Text>;
  if (!roles || roles.length === 0) return <Text size="sm">Nobody yet</Text>;
  return <Text size="sm">{roles.map((r) => signerRoleLabels[r]).join(' and ')} only</Text>;
}

/** Every session, oldest first: when, how, how long, where it stands, and what a cancellation cost. */
export function SessionList({ sessions, signedBy, onOpen }: SessionListProps) {
  if (sessions.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No sessions booked yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label="Sessions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Time</Table.Th>
            <Table.Th>How</Table.Th>
            <Table.Th>Planned</Table.Th>
            <Table.Th>Actual</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Signed by</Table.Th>
            <Table.Th aria-label="Open" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.id} onClick={() => onOpen(s.id)} style={{ cursor: 'pointer' }} data-testid="session-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{ukDayAndDate(s.date)}</Table.Td>
              <Table.Td>{s.start}</Table.Td>
              <Table.Td>{sessionModeLabels[s.mode]}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMinutes(s.plannedMinutes)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.durationMinutes === null ? '—' : formatMinutes(s.durationMinutes)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Badge size="sm" variant="light" color={statusColors[s.status]} data-testid="session-status">
                    {s.cancellation ? cancellationKindLabels[s.cancellation.kind] : sessionStatusLabels[s.status]}
                  </Badge>
                  {sessionDrafts.get(s.id) && (
                    <Badge size="sm" variant="outline" color="orange">
                      Unsaved changes
                    </Badge>
                  )}
                  {s.cancellation?.countsAgainstHours && (
                    <Badge size="sm" variant="outline" color="orange">
                      Counts against hours
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <SignedCell session={s} roles={signedBy[s.id]} />
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  aria-label={`Open the session on ${ukDayAndDate(s.date)} at ${s.start}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(s.id);
                  }}
                >
                  Open
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
