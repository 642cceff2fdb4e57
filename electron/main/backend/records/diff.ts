import type { AuditChange } from '../../../../shared/schemas/audit';

/** The fields whose values differ between two versions of a flat record. */
export function changedFields<T extends Record<string, unknown>>(before: T | null, after: T, ignore: string[] = []): AuditChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const changes: AuditChange[] = [];
  for (const field of keys) {
    if (ignore.includes(field)) continue;
    const old = before?.[field];
    const value = after[field];
    if (JSON.stringify(old) !== JSON.stringify(value)) changes.push({ field, old, new: value });
  }
  return changes;
}
