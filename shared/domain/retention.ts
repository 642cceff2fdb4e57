/**
 * Retention: a provider keeps a student's records for a set number of years after the last
 * contact (six by default), then deletes them. Where there was never a contact, the clock runs
 * from when the record was made.
 */
export function retentionDueAt(record: { lastContactAt: number | null; createdAt: number }, years: number): number {
  const from = new Date(record.lastContactAt ?? record.createdAt);
  const due = new Date(from);
  due.setUTCFullYear(from.getUTCFullYear() + years);
  // 29 February + n years lands on 1 March, which is what a person would expect.
  return due.getTime();
}

export function isDueForDeletion(record: { lastContactAt: number | null; createdAt: number }, years: number, now: number): boolean {
  return now >= retentionDueAt(record, years);
}
