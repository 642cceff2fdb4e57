import { Badge } from '@mantine/core';

/** Complete once everyone has signed the current version; otherwise awaiting signatures. Never cut short in a tight column. */
export function SignedStateBadge({ complete, testId }: { complete: boolean; testId?: string }) {
  return (
    <Badge color={complete ? 'teal' : 'orange'} variant="light" data-testid={testId} style={{ minWidth: 'max-content' }}>
      {complete ? 'Complete' : 'Awaiting signatures'}
    </Badge>
  );
}
