import { Alert, Anchor, Button, EmptyState, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck } from '@tabler/icons-react';
import { call } from '../../app/client';
import { formatDate, plural } from '../../app/format';
import { useNavigate } from '../../app/navigation';
import { useLoad } from '../../app/useLoad';
import { StatusBadge } from '../../components/StatusBadge';
import { DeleteStudent } from '../students/DeleteStudent';

/** Students whose records are past the retention period, for the mentor to erase one by one. */
export function RetentionPage() {
  const navigate = useNavigate();
  const due = useLoad(async () => {
    const [items, settings] = await Promise.all([call('students:retentionDue', {}), call('settings:get', {})]);
    return { items, years: settings.retentionYears };
  });

  return (
    <Stack maw={1000} gap="lg">
      <Group>
        <Button variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate({ page: 'students' })}>
          Students
        </Button>
      </Group>
      <div>
        <Title order={1}>Due for deletion</Title>
        {due.data && (
          <Text c="dimmed">
            You keep records for {plural(due.data.years, 'year')} after the last contact (change this in{' '}
            <Anchor component="button" type="button" onClick={() => navigate({ page: 'settings' })}>
              Settings
            </Anchor>
            ). These students are past that; deleting erases each record for good.
          </Text>
        )}
      </div>
      {due.error && (
        <Alert color="red" title="Could not load the list">
          {due.error}
        </Alert>
      )}
      {!due.data && due.loading && <Loader aria-label="Loading" />}
      {due.data && due.data.items.length === 0 && (
        <EmptyState icon={<IconCircleCheck size={32} />} withIndicatorBackground title="Nothing is due for deletion" description="No student’s record is past the time you keep records for." py="xl" />
      )}
      {due.data && due.data.items.length > 0 && (
        <Table striped verticalSpacing="sm" aria-label="Due for deletion">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Student</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Last contact</Table.Th>
              <Table.Th>Due for deletion since</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {due.data.items.map(({ student, dueAt }) => (
              <Table.Tr key={student.id}>
                <Table.Td>
                  <Anchor component="button" type="button" fw={600} ta="left" onClick={() => navigate({ page: 'student', id: student.id })}>
                    {student.fullName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={student.status} size="sm" />
                </Table.Td>
                <Table.Td>{student.lastContactAt === null ? 'None logged' : formatDate(student.lastContactAt)}</Table.Td>
                <Table.Td>{formatDate(dueAt)}</Table.Td>
                <Table.Td>
                  <DeleteStudent student={student} onDeleted={() => void due.reload()} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
