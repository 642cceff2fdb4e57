import { schemaResolver, type FormErrors, type UseFormReturnType } from '@mantine/form';
import type { FieldIssue } from '../../../../shared/errors';
import { StudentDraft, type Student } from '../../../../shared/schemas/student';

/** The form's own shape: NumberInput reports '' while empty, where the schema holds null. */
export type StudentFormValues = Omit<StudentDraft, 'allocatedHours'> & { allocatedHours: number | string };
export type StudentFormApi = UseFormReturnType<StudentFormValues>;
export type StudentField = keyof StudentFormValues | `emergencyContact.${keyof StudentDraft['emergencyContact']}`;

export const emptyStudentValues: StudentFormValues = {
  fullName: '',
  preferredName: '',
  pronouns: '',
  studentNumber: '',
  institution: '',
  course: '',
  yearOfStudy: '',
  funding: 'dsa',
  allocatedHours: '',
  hoursDeadline: '',
  supportNeeds: '',
  email: '',
  phone: '',
  preferredContact: 'email',
  emergencyContact: { name: '', relationship: '', phone: '' },
  mentorNotes: '',
};

export function valuesFromStudent(student: Student): StudentFormValues {
  const values = { ...emptyStudentValues };
  for (const key of Object.keys(emptyStudentValues) as (keyof StudentFormValues)[]) {
    (values as Record<string, unknown>)[key] = student[key];
  }
  return { ...values, allocatedHours: student.allocatedHours ?? '', emergencyContact: { ...student.emergencyContact } };
}

/**
 * The draft to send. Support needs may be shown but not kept (no consent in force yet): they are
 * then sent blank, and the backend would refuse them anyway.
 */
export function draftFromValues(values: StudentFormValues, options: { keepSupportNeeds: boolean }): StudentDraft {
  const hours = values.allocatedHours;
  return {
    ...values,
    allocatedHours: hours === '' ? null : Number(hours),
    supportNeeds: options.keepSupportNeeds ? values.supportNeeds : '',
  };
}

const checkDraft = schemaResolver(StudentDraft, { sync: true });

export function validateStudent(values: StudentFormValues, keepSupportNeeds: boolean): FormErrors {
  const hours = values.allocatedHours;
  if (typeof hours === 'string' && hours.trim() !== '' && !Number.isFinite(Number(hours))) {
    return { ...checkDraft({ ...draftFromValues(values, { keepSupportNeeds }), allocatedHours: null }), allocatedHours: 'Enter a number of hours, like 30' };
  }
  return checkDraft(draftFromValues(values, { keepSupportNeeds }));
}

const FIELDS = new Set<string>([...Object.keys(emptyStudentValues), 'emergencyContact.name', 'emergencyContact.relationship', 'emergencyContact.phone']);

/**
 * Shows the backend's INVALID_INPUT issues next to their fields. students:update nests the draft
 * ("draft.email") and referrals:create names it "student.email". Returns the issues no field shows.
 */
export function showIssuesOnFields(form: StudentFormApi, issues: FieldIssue[], prefix: 'draft.' | 'student.' | '' = ''): FieldIssue[] {
  const unplaced: FieldIssue[] = [];
  for (const issue of issues) {
    const path = prefix && issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path;
    if (FIELDS.has(path)) form.setFieldError(path, issue.message);
    else unplaced.push(issue);
  }
  return unplaced;
}

/** Moves the keyboard to the first field with an error, so a mentor sees (and hears) what to fix. */
export function focusFirstError(container: HTMLElement | null): void {
  // After React has rendered the errors.
  window.requestAnimationFrame(() => {
    const invalid = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
    invalid?.scrollIntoView({ block: 'center' });
  });
}
