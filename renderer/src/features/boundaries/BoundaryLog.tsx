import { Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { boundaryEventKindLabels, type BoundaryRecords } from '../../../../shared/schemas/boundaries';
import { formatIsoDate } from '../../app/format';
import { BoundaryEventForm } from './BoundaryEventForm';

/** Which form is open: none, a new entry, or the entry with this id. */
export type Editing = null | 'new' | string;

export function BoundaryLog({ studentId, records, onSaved }: { studentId: string; records: BoundaryRecords; onSaved(records: BoundaryRecords): void }) {
  const [editing, setEditing] = useState<Editing>(null);
  const editingEvent = editing && editing !== 'new' ? records.events.find((e) => e.id === editing) : undefined;
  const addButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setEditing(null);
    // The form is gone: keep the keyboard where the mentor was working.
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const saved = (next: BoundaryRecords) => {
    close();
    onSaved(next);
  };

  return (
    <Stack gap="sm">
      {records.events.length === 0 ? (
        <Text size="sm" c="dimmed">
          No boundary events logged. Log a gift offered, a request to connect on social media, to meet off campus, for a lift or for personal help, or contact out of hours.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" striped aria-label="Boundary log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Event</Table.Th>
                <Table.Th>What happened</Table.Th>
                <Table.Th>What you did</Table.Th>
                <Table.Th>Office told</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.events.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatIsoDate(e.on)}</Table.Td>
                  <Table.Td>{boundaryEventKindLabels[e.kind]}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.description}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.action}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.officeTold ? `Yes, ${formatIsoDate(e.officeToldOn)}` : 'Not yet'}</Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      leftSection={<IconPencil size={14} aria-hidden />}
                      aria-label={`Edit the event of ${formatIsoDate(e.on)}: ${boundaryEventKindLabels[e.kind]}`}
                      onClick={() => setEditing(e.id)}
                    >
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing === null ? (
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} ref={addButton} onClick={() => setEditing('new')}>
            Log a boundary event
          </Button>
        </Group>
      ) : (
        <BoundaryEventForm key={editing} studentId={studentId} {...(editingEvent ? { event: editingEvent } : {})} onSaved={saved} onCancel={close} />
      )}
    </Stack>
  );
}
