import { Badge } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { hasOpenException, type BoundaryRecords } from '../../../../shared/schemas/boundaries';
import { call } from '../../app/client';
import { useLoad } from '../../app/useLoad';
import { useBoundariesChanged } from './boundaryRecords';

/**
 * The profile header's flag for a confidentiality exception: red while one is open, gray once all
 * are closed, nothing when there are none. Clicking it opens the Boundaries tab.
 */
export function ConfidentialityFlag({ studentId, onOpen }: { studentId: string; onOpen(): void }) {
  const loaded = useLoad(() => call('boundaries:get', { studentId }), [studentId]);
  const [latest, setLatest] = useState<BoundaryRecords | null>(null);
  useBoundariesChanged(
    useCallback((changed: string, records: BoundaryRecords) => {
      if (changed === studentId) setLatest(records);
    }, [studentId]),
  );
  const records = latest ?? loaded.data;
  if (!records || records.exceptions.length === 0) return null;
  const open = hasOpenException(records);
  return (
    <Badge
      component="button"
      type="button"
      onClick={onOpen}
      color={open ? 'red' : 'gray'}
      variant={open ? 'filled' : 'light'}
      size="lg"
      leftSection={<IconLock size={14} aria-hidden />}
      style={{ cursor: 'pointer' }}
      data-testid="confidentiality-flag"
      title="Open the Boundaries tab"
    >
      {open ? 'Confidentiality exception open' : 'Confidentiality exception on file'}
    </Badge>
  );
}
