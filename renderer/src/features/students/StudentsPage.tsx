import { Alert, Anchor, Button, Drawer, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { StudentDraft } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import { notifySaved } from '../../app/feedback';
import { useLoad } from '../../app/useLoad';
import { StudentDetail } from './StudentDetail';
import { StudentForm } from './StudentForm';

export function StudentsPage() {
  const students = useLoad(() => call('students:list', {}));
  const [adding, addModal] = useDisclosure(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const openStudent = students.data?.find((s) => s.id === openId);

  const create = async (draft: StudentDraft) => {
    const created = await call('students:create', draft);
    notifySaved('Student added.');
    addModal.close();
    await students.reload();
    setOpenId(created.id);
  };

  const sorted = [...(students.data ?? [])].sort((a, b) => a.fullName.localeCompare(b.fullName, 'en-GB'));

  return (
    <Stack maw={1000}>
      <Group justify="space-between">
        <Title order={1}>Students</Title>
        <Button leftSection={<IconUserPlus size={16} />} onClick={addModal.open}>
          Add student
        </Button>
      </Group>
      {students.error && (
        <Alert color="red" title="Could not load your students">
          {students.error}
        </Alert>
      )}
      {students.loading && !students.data && <Loader aria-label="Loading students" />}
      {students.data && sorted.length === 0 && (
        <Text c="dimmed">No students yet. Choose “Add student” to add the first one.</Text>
      )}
      {sorted.length > 0 && (
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Preferred name</Table.Th>
              <Table.Th>Student number</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((student) => (
              <Table.Tr key={student.id} onClick={() => setOpenId(student.id)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  {/* A real button, so the row opens from the keyboard too. */}
                  <Anchor component="button" type="button" fw={600} onClick={() => setOpenId(student.id)}>
                    {student.fullName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{student.preferredName}</Table.Td>
                <Table.Td>{student.studentNumber}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Modal opened={adding} onClose={addModal.close} title="Add student" size="lg">
        <StudentForm submitLabel="Save student" onSubmit={create} onCancel={addModal.close} />
      </Modal>

      <Drawer
        opened={openId !== null}
        onClose={() => setOpenId(null)}
        position="right"
        size="lg"
        title={openStudent?.fullName ?? 'Student'}
        styles={{ title: { fontSize: 'var(--mantine-font-size-xl)', fontWeight: 700 } }}
      >
        {openId && (
          <StudentDetail
            key={openId}
            studentId={openId}
            onChanged={() => void students.reload()}
            onDeleted={() => {
              setOpenId(null);
              void students.reload();
            }}
          />
        )}
      </Drawer>
    </Stack>
  );
}
