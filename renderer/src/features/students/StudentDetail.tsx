import { Alert, Button, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { StudentDraft } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import { notifySaved } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import { useLoad } from '../../app/useLoad';
import { AuditTable } from '../../components/AuditTable';
import { DeleteStudent } from './DeleteStudent';
import { StudentForm } from './StudentForm';

interface StudentDetailProps {
  studentId: string;
  /** The list should reload: a name changed or the student was deleted. */
  onChanged(): void;
  onDeleted(): void;
}

export function StudentDetail({ studentId, onChanged, onDeleted }: StudentDetailProps) {
  const student = useLoad(() => call('students:get', { id: studentId }));
  const history = useLoad(() => call('audit:list', { limit: 100, recordId: studentId }));

  if (student.error) {
    return (
      <Alert color="red" title="Could not open this student">
        {student.error}
        <Button mt="sm" size="xs" variant="light" onClick={() => void student.reload()}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (!student.data) return <Loader aria-label="Loading student" />;

  const save = async (draft: StudentDraft) => {
    await call('students:update', { id: studentId, draft });
    notifySaved('Changes to the student saved.');
    await Promise.all([student.reload(), history.reload()]);
    onChanged();
  };

  const { data } = student;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Added {formatDateTime(data.createdAt)} · last changed {formatDateTime(data.updatedAt)}
      </Text>
      {/* Keyed on updatedAt so the form starts from the saved values after each save. */}
      <StudentForm
        key={data.updatedAt}
        initialValues={{ fullName: data.fullName, preferredName: data.preferredName, studentNumber: data.studentNumber, email: data.email }}
        submitLabel="Save changes"
        onSubmit={save}
      />
      <Divider my="sm" />
      <Title order={3} size="h4">
        History
      </Title>
      {history.error && (
        <Alert color="red" title="Could not load the history">
          {history.error}
        </Alert>
      )}
      {history.data && <AuditTable entries={history.data.entries} />}
      <Divider my="sm" />
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed" maw={320}>
          Deleting erases this student’s record from Mentor Desk.
        </Text>
        <DeleteStudent student={data} onDeleted={onDeleted} />
      </Group>
    </Stack>
  );
}
