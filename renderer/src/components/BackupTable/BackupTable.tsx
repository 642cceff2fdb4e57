import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { BackupInfo } from '../../../../shared/schemas/vault';
import { plural } from '../../app/format';
import { backupTimeFormat } from './backupTime';

interface BackupTableProps {
  backups: BackupInfo[];
  onRestore(backup: BackupInfo): void;
  /** The backup being restored, so its button shows progress and the others wait. */
  restoringId?: string | null;
}

/** Encrypted copies of the vault, newest first, each restorable. */
export function BackupTable({ backups, onRestore, restoringId = null }: BackupTableProps) {
  if (backups.length === 0) {
    return <Text c="dimmed">There are no backup copies yet. Mentor Desk makes one as you save your work.</Text>;
  }
  const sorted = [...backups].sort((a, b) => b.takenAt - a.takenAt);
  const when = backupTimeFormat(backups);
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Copy taken</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Records</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((backup) => (
            <Table.Tr key={backup.id}>
              <Table.Td>{when(backup.takenAt)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {backup.kinds.map((kind) => (
                    <Badge key={kind} variant="light" color={kind === 'daily' ? 'blue' : 'gray'}>
                      {kind === 'daily' ? 'Daily' : 'Recent'}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{plural(backup.documents, 'document')}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onRestore(backup)}
                  loading={restoringId === backup.id}
                  disabled={restoringId !== null && restoringId !== backup.id}
                  aria-label={`Restore the copy taken ${when(backup.takenAt)}`}
                >
                  Restore
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
