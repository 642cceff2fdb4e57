import { ActionIcon, Button, Group, MultiSelect, Select, Text, TextInput, Tooltip } from '@mantine/core';
import { IconSearch, IconSortAscending, IconSortDescending, IconX } from '@tabler/icons-react';
import { CaseloadSort } from '../../../../shared/schemas/caseload';
import { Funding, StudentStatus, fundingLabels, statusLabels } from '../../../../shared/schemas/student';
import { defaultFilters, isFiltered, naturalDirection, sortLabels, type CaseloadFilters as Filters } from './caseloadQuery';

const STATUS_OPTIONS = StudentStatus.options.map((value) => ({ value, label: statusLabels[value] }));
const FUNDING_OPTIONS = Funding.options.map((value) => ({ value, label: fundingLabels[value] }));
const SORT_OPTIONS = CaseloadSort.options.map((value) => ({ value, label: sortLabels[value] }));

interface CaseloadFiltersProps {
  filters: Filters;
  institutions: string[];
  onChange(next: Filters): void;
}

export function CaseloadFilters({ filters, institutions, onChange }: CaseloadFiltersProps) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label="Search"
        placeholder="Name, ID, email or phone"
        leftSection={<IconSearch size={16} />}
        value={filters.text}
        onChange={(e) => set({ text: e.currentTarget.value })}
        rightSection={
          filters.text ? (
            <ActionIcon variant="subtle" color="gray" aria-label="Clear search" onClick={() => set({ text: '' })}>
              <IconX size={14} />
            </ActionIcon>
          ) : null
        }
        w={260}
        type="search"
        autoComplete="off"
      />
      <MultiSelect
        label="Status"
        placeholder={filters.statuses.length ? undefined : 'Any status'}
        data={STATUS_OPTIONS}
        value={filters.statuses}
        onChange={(v) => set({ statuses: v as StudentStatus[] })}
        w={200}
        clearable
      />
      <MultiSelect
        label="Funding"
        placeholder={filters.fundings.length ? undefined : 'Any funding'}
        data={FUNDING_OPTIONS}
        value={filters.fundings}
        onChange={(v) => set({ fundings: v as Funding[] })}
        w={220}
        clearable
      />
      <Select
        label="Institution"
        placeholder="Any institution"
        data={institutions}
        value={filters.institution || null}
        onChange={(v) => set({ institution: v ?? '' })}
        searchable
        clearable
        w={220}
        nothingFoundMessage="No institution by that name"
      />
      {isFiltered(filters) && (
        <Button variant="subtle" onClick={() => onChange({ ...defaultFilters, sort: filters.sort, direction: filters.direction })}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}

/** Sort order, shown beside the count of students. */
export function CaseloadSortControl({ filters, onChange }: Omit<CaseloadFiltersProps, 'institutions'>) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const ascending = filters.direction === 'asc';
  return (
    <Group gap={4} align="center">
      <Text size="sm" c="dimmed">
        Sort by
      </Text>
      <Select
        aria-label="Sort by"
        size="xs"
        data={SORT_OPTIONS}
        value={filters.sort}
        onChange={(v) => v && set({ sort: v as CaseloadSort, direction: naturalDirection(v as CaseloadSort) })}
        allowDeselect={false}
        w={160}
      />
      <Tooltip label={ascending ? 'Ascending: click for descending' : 'Descending: click for ascending'}>
        <ActionIcon
          variant="default"
          size="input-xs"
          aria-label={ascending ? 'Sorted ascending; sort descending' : 'Sorted descending; sort ascending'}
          onClick={() => set({ direction: ascending ? 'desc' : 'asc' })}
        >
          {ascending ? <IconSortAscending size={18} /> : <IconSortDescending size={18} />}
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
