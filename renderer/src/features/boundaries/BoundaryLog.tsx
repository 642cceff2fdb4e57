import { Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { boundaryEventKindLabels, type BoundaryRecords } from '../../../../shared/schemas/boundaries';
import { formatIsoDate } from '../../app/format';
import { BoundaryEventForm } from './BoundaryEventForm';
import { AddEntryButton, EditEntryButton, useEntryEditor } from './entryEditor';

export function BoundaryLog({ studentId, records, onSaved }: { studentId: string; records: BoundaryRecords; onSaved(records: BoundaryRecords): void }) {
  const editor = useEntryEditor(records.events, onSaved);

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
                    <EditEntryButton label={`Edit the event of ${formatIsoDate(e.on)}: ${boundaryEventKindLabels[e.kind]}`} onClick={() => editor.edit(e.id)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editor.editing === null ? (
        <AddEntryButton buttonRef={editor.addButton} onClick={() => editor.edit('new')}>
          Log a boundary event
        </AddEntryButton>
      ) : (
        <BoundaryEventForm key={editor.editing} studentId={studentId} {...(editor.entry ? { event: editor.entry } : {})} onSaved={editor.saved} onCancel={editor.close} />
      )}
    </Stack>
  );
}
