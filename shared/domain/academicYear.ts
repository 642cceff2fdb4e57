/**
 * The academic year a date falls in, written as a UK provider writes it: "2026/27". The year
 * starts on the first day of `startMonth` (September by default).
 */
export function academicYearOf(at: number, startMonth = 9): string {
  const d = new Date(at);
  const year = d.getUTCMonth() + 1 >= startMonth ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}
