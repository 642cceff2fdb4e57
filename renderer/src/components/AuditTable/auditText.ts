import type { AuditChange } from '../../../../shared/schemas/audit';

// Audit values are whatever the backend kept (strings mostly); show them briefly and never as markup.
function shortValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

// Field names arrive as code spells them ("preferredName"); show them as the forms label them.
export function fieldLabel(field: string): string {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[._-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Drops "(empty) → (empty)" lines, which a new record has for every field left blank. */
export function meaningfulChanges(changes: AuditChange[]): AuditChange[] {
  return changes.filter((c) => !('old' in c || 'new' in c) || shortValue(c.old) !== '(empty)' || shortValue(c.new) !== '(empty)');
}

export function describeChange(change: AuditChange): string {
  if (!('old' in change) && !('new' in change)) return fieldLabel(change.field);
  return `${fieldLabel(change.field)}: ${shortValue(change.old)} → ${shortValue(change.new)}`;
}
