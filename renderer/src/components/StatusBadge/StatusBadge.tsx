import { Badge } from '@mantine/core';
import { statusLabels, type StudentStatus } from '../../../../shared/schemas/student';

export const statusColors: Record<StudentStatus, string> = {
  referred: 'violet',
  active: 'teal',
  deferred: 'yellow',
  completed: 'blue',
  withdrawn: 'gray',
};

export function StatusBadge({ status, size = 'md' }: { status: StudentStatus; size?: 'sm' | 'md' | 'lg' }) {
  return (
    // Never cut short ("ACTI…") when a table column is tight.
    <Badge color={statusColors[status]} variant="light" size={size} data-testid="status-badge" style={{ minWidth: 'max-content' }}>
      {statusLabels[status]}
    </Badge>
  );
}
