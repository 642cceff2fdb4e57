const FIELD_LABELS: Record<string, string> = {
  text: 'The wording',
  studentName: 'The student’s name',
  mentorName: 'The mentor’s name',
  providerName: 'The provider',
  academicYear: 'The academic year',
};

/** A changed field of an agreement's content, in the mentor's words. */
export const changeLabel = (path: string): string => FIELD_LABELS[path] ?? path;

/**
 * Placeholders the template could not fill (the student has no hours recorded yet, say), left in
 * the text as "[allocatedHours]": worth fixing before anyone signs.
 */
export function unfilledGaps(text: string): string[] {
  return [...new Set([...text.matchAll(/\[([a-zA-Z]+)\]/g)].map((m) => m[1]!))];
}
