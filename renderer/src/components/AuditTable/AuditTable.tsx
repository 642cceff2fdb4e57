import { Badge, Code, Table, Text } from '@mantine/core';
import type { AuditEntry } from '../../../../shared/schemas/audit';
import { formatDateTime } from '../../app/format';
import { describeChange, meaningfulChanges } from './auditText';

const ACTION_LABELS: Record<AuditEntry['action'], { label: string; color: string }> = {
  create: { label: 'Created', color: 'teal' },
  update: { label: 'Changed', color: 'blue' },
  delete: { label: 'Deleted', color: 'red' },
  vault: { label: 'Vault', color: 'gray' },
};

interface AuditTableProps {
  entries: AuditEntry[];
  /** Show which record each entry is about (the whole-vault log); not needed on one student's page. */
  showRecord?: boolean;
  caption?: string;
}

export function AuditTable({ entries, showRecord = false, caption }: AuditTableProps) {
  if (entries.length === 0) {
    return <Text c="dimmed">Nothing recorded yet.</Text>;
  }
  const sorted = [...entries].sort((a, b) => b.seq - a.seq);
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped verticalSpacing="xs" fz="sm">
        {caption && <Table.Caption>{caption}</Table.Caption>}
        <Table.Thead>
          <Table.Tr>
            <Table.Th>No.</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>What</Table.Th>
            {showRecord && <Table.Th>Record</Table.Th>}
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((entry) => {
            const action = ACTION_LABELS[entry.action];
            return (
              <Table.Tr key={entry.seq}>
                <Table.Td>{entry.seq}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                <Table.Td>
                  <Badge color={action.color} variant="light">
                    {action.label}
                  </Badge>{' '}
                  {entry.kind}
                </Table.Td>
                {showRecord && (
                  <Table.Td>
                    <Code>{entry.recordId}</Code>
                  </Table.Td>
                )}
                <Table.Td>
                  {entry.note && <Text size="sm">{entry.note}</Text>}
                  {meaningfulChanges(entry.changes).map((change) => (
                    <Text size="sm" key={change.field}>
                      {describeChange(change)}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
