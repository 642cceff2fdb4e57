import { Button, Divider, Group, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useMemo } from 'react';
import { extractReferral } from '../../../../shared/domain/referral';
import { activeConsent, type Student, type StudentDraft } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import { notifySaved } from '../../app/feedback';
import { formatDateTime, formatIsoDate } from '../../app/format';
import { DeleteStudent } from './DeleteStudent';
import { StudentDetailsView } from './StudentDetailsView';
import { StudentForm } from './StudentForm';
import { SUPPORT_NEEDS_NEED_CONSENT } from './StudentFormFields';
import { valuesFromStudent } from './studentFormModel';

interface DetailsPanelProps {
  student: Student;
  /** The referral's pasted email, whose support needs can be taken into the record once consent is in force. */
  referralText: string;
  editing: boolean;
  onEditingChange(editing: boolean): void;
  onSaved(): Promise<void>;
  onDeleted(): void;
}

export function DetailsPanel({ student, referralText, editing, onEditingChange, onSaved, onDeleted }: DetailsPanelProps) {
  const consent = activeConsent(student);
  // Read only when needed: consent in force and the form open.
  const needsFromReferral = useMemo(
    () => (editing && consent && referralText ? extractReferral(referralText).fields.supportNeeds : undefined),
    [editing, consent, referralText],
  );

  const save = async (draft: StudentDraft) => {
    await call('students:update', { id: student.id, draft });
    notifySaved('Changes to the student saved.');
    await onSaved();
    onEditingChange(false);
  };

  return (
    <Stack gap="lg">
      {editing ? (
        <StudentForm
          initialValues={valuesFromStudent(student)}
          supportNeeds={consent ? { editable: true, note: `Kept under the student’s consent of ${formatIsoDate(consent.givenOn)}.` } : { editable: false, note: SUPPORT_NEEDS_NEED_CONSENT }}
          submitLabel="Save changes"
          issuePrefix="draft."
          needsFromReferral={needsFromReferral}
          onSubmit={save}
          onCancel={() => onEditingChange(false)}
        />
      ) : (
        <>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Added {formatDateTime(student.createdAt)} · last changed {formatDateTime(student.updatedAt)}
            </Text>
            <Button leftSection={<IconPencil size={16} />} onClick={() => onEditingChange(true)}>
              Edit details
            </Button>
          </Group>
          <StudentDetailsView student={student} />
        </>
      )}
      <Divider />
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed" maw={420}>
          Deleting erases this student’s record and everything kept with it from Mentor Desk.
        </Text>
        <DeleteStudent student={student} onDeleted={onDeleted} />
      </Group>
    </Stack>
  );
}
