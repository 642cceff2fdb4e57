import { Select, Table, Text } from '@mantine/core';
import { studentFieldLabels } from '../../../../shared/domain/csvImport';
import { ImportField, type ImportMapping as Mapping } from '../../../../shared/schemas/caseload';

const FIELD_OPTIONS = [
  { value: '', label: 'Don’t import' },
  ...ImportField.options.map((value) => ({ value, label: studentFieldLabels[value] })),
];

interface ImportMappingProps {
  columns: string[];
  mapping: Mapping;
  onChange(next: Mapping): void;
  disabled?: boolean;
}

/** Each column of the file and the student field it fills; changing one previews the import again. */
export function ImportMapping({ columns, mapping, onChange, disabled }: ImportMappingProps) {
  const used = new Map<string, number>();
  for (const field of Object.values(mapping)) if (field) used.set(field, (used.get(field) ?? 0) + 1);
  return (
    <Table verticalSpacing={6} aria-label="Columns and fields" maw={640}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Column in the file</Table.Th>
          <Table.Th>Imported as</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {columns.map((column) => {
          const field = mapping[column] ?? '';
          const twice = field !== '' && (used.get(field) ?? 0) > 1;
          return (
            <Table.Tr key={column}>
              <Table.Td>
                <Text fw={500}>{column || <Text span c="dimmed">(no heading)</Text>}</Text>
              </Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Import column “${column}” as`}
                  data={FIELD_OPTIONS}
                  value={field}
                  onChange={(value) => onChange({ ...mapping, [column]: (value ?? '') as Mapping[string] })}
                  allowDeselect={false}
                  disabled={disabled}
                  error={twice ? 'Another column is imported as this field too' : undefined}
                  size="sm"
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
