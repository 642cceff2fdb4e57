import { Alert, List, Table, Text } from '@mantine/core';
import type { ImportPreview } from '../../../../shared/schemas/caseload';
import { fundingLabels } from '../../../../shared/schemas/student';
import { formatIsoDate } from '../../app/format';

/** The first rows as they would be saved, so the mentor can see the columns landed in the right fields. */
export function SampleRows({ sample }: { sample: ImportPreview['sample'] }) {
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped fz="sm" verticalSpacing={4} aria-label="Rows as they will be imported">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            <Table.Th>Full name</Table.Th>
            <Table.Th>Student number</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Phone</Table.Th>
            <Table.Th>Institution</Table.Th>
            <Table.Th>Funding</Table.Th>
            <Table.Th>Hours</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sample.map(({ row, draft }) => (
            <Table.Tr key={row}>
              <Table.Td>{row}</Table.Td>
              <Table.Td>{draft.fullName}</Table.Td>
              <Table.Td>{draft.studentNumber}</Table.Td>
              <Table.Td>{draft.email}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{draft.phone}</Table.Td>
              <Table.Td>{draft.institution}</Table.Td>
              <Table.Td>{fundingLabels[draft.funding]}</Table.Td>
              <Table.Td>
                {draft.allocatedHours ?? ''}
                {draft.hoursDeadline && ` by ${formatIsoDate(draft.hoursDeadline)}`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Rows that will not be (or were not) imported, each with what to fix. */
export function BadRows({ bad, title }: { bad: ImportPreview['bad']; title: string }) {
  if (bad.length === 0) return null;
  return (
    <Alert color="orange" title={title} data-testid="bad-rows">
      <List size="sm" spacing={4}>
        {bad.map((problem) => (
          <List.Item key={problem.row}>
            <Text span fw={600} size="sm">
              {problem.row > 0 ? `Row ${problem.row}` : 'The file'}:
            </Text>{' '}
            {problem.reasons.map((reason) => reason.replace(/^row \d+:\s*/i, '')).join(' ')}
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        To add them later, fix them in a spreadsheet and import a file holding only those rows (importing the whole file again would add the good rows twice).
      </Text>
    </Alert>
  );
}
