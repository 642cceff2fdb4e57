import type { Student } from '../../../../../shared/schemas/student';
import type { Field } from '../blocks';

/** An empty answer printed as a dash, so a blank on the form reads as "nothing given", not a gap. */
export const orDash = (value: string): string => value.trim() || '—';

/**
 * The fields every form opens with, in the same order everywhere: who the student is and who
 * mentors them. Each form adds its own after them (date, academic year, review…).
 */
export function studentAndMentorFields(studentName: string, profile: Pick<Student, 'studentNumber' | 'institution'>, mentorName: string): Field[] {
  return [
    { label: 'Student', value: studentName },
    { label: 'Student number', value: orDash(profile.studentNumber) },
    { label: 'Institution', value: orDash(profile.institution) },
    { label: 'Mentor', value: orDash(mentorName) },
  ];
}
