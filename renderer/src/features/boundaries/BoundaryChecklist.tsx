import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import type { BoundaryChecklistItem, BoundaryRecords } from '../../../../shared/schemas/boundaries';
import { call } from '../../app/client';
import { notifyError } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import { announceBoundaries } from './boundaryRecords';

interface BoundaryChecklistProps {
  studentId: string;
  records: BoundaryRecords;
  /** The provider's current list, used until the mentor first confirms one for this student. */
  providerItems: readonly string[];
  onSaved(records: BoundaryRecords): void;
}

/**
 * Each tick is saved as it is made, so nothing is lost; ticks made quickly are saved one after
 * another, in order, and the time each was confirmed comes from the backend.
 */
export function BoundaryChecklist({ studentId, records, providerItems, onSaved }: BoundaryChecklistProps) {
  const items: BoundaryChecklistItem[] = records.checklist.length > 0 ? records.checklist : providerItems.map((text) => ({ text, confirmedAt: null }));
  const [ticked, setTicked] = useState<boolean[]>(() => items.map((i) => i.confirmedAt !== null));
  const [saving, setSaving] = useState(0);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const save = (next: boolean[]) => {
    setTicked(next);
    setSaving((n) => n + 1);
    queue.current = queue.current.then(async () => {
      try {
        const saved = await call('boundaries:saveChecklist', { studentId, confirmed: next });
        announceBoundaries(studentId, saved);
        onSaved(saved);
      } catch (err) {
        notifyError('Boundaries not saved', err);
        setTicked(items.map((i) => i.confirmedAt !== null));
      } finally {
        setSaving((n) => n - 1);
      }
    });
  };

  const confirmedCount = ticked.filter(Boolean).length;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Go through each boundary with the student and tick it once confirmed. Each tick is saved straight away.
      </Text>
      <Stack gap={10} role="group" aria-label="Boundaries checklist">
        {items.map((item, i) => (
          <Checkbox
            key={`${i}-${item.text}`}
            checked={ticked[i] ?? false}
            onChange={(e) => save(ticked.map((t, j) => (j === i ? e.currentTarget.checked : t)))}
            label={item.text}
            description={item.confirmedAt !== null && ticked[i] ? `confirmed ${formatDateTime(item.confirmedAt)}` : undefined}
          />
        ))}
      </Stack>
      <Group justify="space-between" mt="xs">
        <Text size="sm" role="status" data-testid="checklist-status">
          {saving > 0 ? 'Saving…' : `${confirmedCount} of ${items.length} confirmed`}
        </Text>
        {confirmedCount < items.length && (
          <Button variant="default" size="xs" onClick={() => save(items.map(() => true))}>
            Confirm all
          </Button>
        )}
      </Group>
    </Stack>
  );
}
