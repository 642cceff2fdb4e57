import { Alert, Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useRef, useState } from 'react';
import type { StudentDraft } from '../../../../shared/schemas/student';
import { isApiError, notifyError } from '../../app/feedback';
import { StudentFormFields, type SupportNeedsRule } from './StudentFormFields';
import {
  draftFromValues,
  emptyStudentValues,
  focusFirstError,
  showIssuesOnFields,
  validateStudent,
  type StudentFormValues,
} from './studentFormModel';

interface StudentFormProps {
  initialValues?: StudentFormValues;
  supportNeeds: SupportNeedsRule;
  submitLabel: string;
  /** Throws an ApiError on failure; INVALID_INPUT issues are shown next to their fields. */
  onSubmit(draft: StudentDraft): Promise<void>;
  onCancel?(): void;
  /** Where the backend puts the draft in its issue paths ("draft.email" for students:update). */
  issuePrefix?: 'draft.' | '';
  autoFocus?: boolean;
  /** Support needs found in the student's referral email, offered once consent is in force. */
  needsFromReferral?: string | undefined;
}

/** Add or edit a student. On any failure the form keeps everything typed; nothing is cleared. */
export function StudentForm({ initialValues = emptyStudentValues, supportNeeds, submitLabel, onSubmit, onCancel, issuePrefix = '', autoFocus = true, needsFromReferral }: StudentFormProps) {
  const [busy, setBusy] = useState(false);
  // `sticky`: a problem no field shows, kept until the next try; otherwise shown while fields have errors.
  const [problem, setProblem] = useState<{ message: string; sticky: boolean } | null>(null);
  const ref = useRef<HTMLFormElement>(null);
  // Consent can be recorded while the form is open (another tab), so validation reads the latest rule.
  const needsEditable = useRef(supportNeeds.editable);
  needsEditable.current = supportNeeds.editable;
  const form = useForm<StudentFormValues>({
    initialValues,
    validate: (values) => validateStudent(values, needsEditable.current),
    // Checked on save, not on blur: an error appearing on blur moves the buttons under the pointer,
    // so a click on "Save" could land on nothing. A field's error clears as soon as it is edited.
  });

  const submit = form.onSubmit(
    async (values) => {
      setBusy(true);
      setProblem(null);
      try {
        await onSubmit(draftFromValues(values, { keepSupportNeeds: supportNeeds.editable }));
      } catch (err) {
        if (isApiError(err, 'INVALID_INPUT') && err.issues.length > 0) {
          const unplaced = showIssuesOnFields(form, err.issues, issuePrefix);
          setProblem(
            unplaced.length
              ? { message: unplaced.map((i) => i.message).join(' '), sticky: true }
              : { message: 'Some details need correcting: see the highlighted fields. Nothing has been saved yet.', sticky: false },
          );
          focusFirstError(ref.current);
        } else {
          notifyError('Student not saved', err);
        }
      } finally {
        setBusy(false);
      }
    },
    () => {
      setProblem({ message: 'Some details need correcting: see the highlighted fields. Nothing has been saved yet.', sticky: false });
      focusFirstError(ref.current);
    },
  );

  return (
    <form onSubmit={submit} noValidate ref={ref}>
      <Stack gap="md">
        <StudentFormFields form={form} supportNeeds={supportNeeds} autoFocus={autoFocus} needsFromReferral={needsFromReferral} />
        {problem && (problem.sticky || Object.keys(form.errors).length > 0) && (
          <Alert color="red" title="Not saved yet" role="alert">
            {problem.message}
          </Alert>
        )}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
