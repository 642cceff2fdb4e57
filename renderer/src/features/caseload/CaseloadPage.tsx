import { Alert, Button, EmptyState, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconInbox, IconMailForward, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import type { StudentDraft } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import { notifySaved } from '../../app/feedback';
import { plural } from '../../app/format';
import { useNavigate } from '../../app/navigation';
import { useLoad } from '../../app/useLoad';
import { StudentForm } from '../students/StudentForm';
import { SUPPORT_NEEDS_NEED_CONSENT } from '../students/StudentFormFields';
import { CaseloadFilters, CaseloadSortControl } from './CaseloadFilters';
import { CaseloadTable } from './CaseloadTable';
import { PAGE_SIZE, defaultFilters, isFiltered, type CaseloadFilters as Filters } from './caseloadQuery';

interface CaseloadPageProps {
  filters: Filters;
  onFiltersChange(next: Filters): void;
}

export function CaseloadPage({ filters, onFiltersChange }: CaseloadPageProps) {
  const navigate = useNavigate();
  const [adding, addModal] = useDisclosure(false);
  const [limit, setLimit] = useState(PAGE_SIZE);
  // Search as the mentor types, without a request for every key.
  const [text] = useDebouncedValue(filters.text, 150);
  const query = { ...filters, text, offset: 0, limit };
  const page = useLoad(() => call('students:search', query), [JSON.stringify(query)]);

  const changeFilters = (next: Filters) => {
    setLimit(PAGE_SIZE);
    onFiltersChange(next);
  };

  const create = async (draft: StudentDraft) => {
    const created = await call('students:create', draft);
    notifySaved('Student added.');
    addModal.close();
    navigate({ page: 'student', id: created.id });
  };

  const data = page.data;
  const emptyCaseload = data !== null && data.total === 0 && !isFiltered(filters) && data.institutions.length === 0;

  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={1}>Students</Title>
        {/* An empty caseload offers the same three ways in, larger, below; until the first answer is in
            neither is shown, so no button appears and then vanishes under the pointer. */}
        {data !== null && !emptyCaseload && (
          <Group gap="sm">
            <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => navigate({ page: 'import' })}>
              Import from CSV
            </Button>
            <Button variant="default" leftSection={<IconUserPlus size={16} />} onClick={addModal.open}>
              Add student
            </Button>
            <Button leftSection={<IconMailForward size={16} />} onClick={() => navigate({ page: 'newReferral' })}>
              New referral
            </Button>
          </Group>
        )}
      </Group>

      {!emptyCaseload && <CaseloadFilters filters={filters} institutions={data?.institutions ?? []} onChange={changeFilters} />}

      {page.error && (
        <Alert color="red" title="Could not load your students">
          {page.error}
          <Button mt="sm" size="xs" variant="light" onClick={() => void page.reload()}>
            Try again
          </Button>
        </Alert>
      )}
      {!data && page.loading && <Loader aria-label="Loading students" />}

      {emptyCaseload && (
        <EmptyState
          icon={<IconUsers size={32} />}
          withIndicatorBackground
          title="No students yet"
          description="Start from a referral email, add a student by hand, or import the list your institution sent you."
          py="xl"
        >
          <EmptyState.Actions>
            <Button onClick={() => navigate({ page: 'newReferral' })}>New referral</Button>
            <Button variant="default" onClick={addModal.open}>
              Add student
            </Button>
            <Button variant="default" onClick={() => navigate({ page: 'import' })}>
              Import from CSV
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      )}

      {data && !emptyCaseload && (
        <>
          <Group justify="space-between">
            <Text fw={600} data-testid="caseload-count" aria-live="polite">
              {plural(data.total, 'student')}
              {isFiltered(filters) ? ' match' : ''}
              {data.students.length < data.total ? ` · showing ${data.students.length}` : ''}
            </Text>
            <CaseloadSortControl filters={filters} onChange={changeFilters} />
          </Group>
          {data.total === 0 ? (
            <EmptyState icon={<IconInbox size={32} />} title="No students match" description="Try fewer words, or clear the filters." py="lg">
              <EmptyState.Actions>
                <Button variant="default" onClick={() => changeFilters({ ...defaultFilters, sort: filters.sort, direction: filters.direction })}>
                  Clear filters
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <CaseloadTable students={data.students} onOpen={(id) => navigate({ page: 'student', id })} />
          )}
          {data.students.length < data.total && (
            <Group justify="center">
              <Button variant="default" loading={page.loading} onClick={() => setLimit((n) => n + PAGE_SIZE)}>
                Show {Math.min(PAGE_SIZE, data.total - data.students.length)} more
              </Button>
            </Group>
          )}
        </>
      )}

      <Modal opened={adding} onClose={addModal.close} title="Add student" size="xl">
        <StudentForm
          supportNeeds={{ editable: false, note: SUPPORT_NEEDS_NEED_CONSENT }}
          submitLabel="Save student"
          onSubmit={create}
          onCancel={addModal.close}
        />
      </Modal>
    </Stack>
  );
}
