import type { AuditChange } from '../../../../shared/schemas/audit';
import { contactMethodLabels, contactOutcomeLabels, type ContactMethod, type ContactOutcome } from '../../../../shared/schemas/referral';
import { fundingLabels, statusLabels, type Funding, type StudentStatus } from '../../../../shared/schemas/student';

const PREFERRED_CONTACT: Record<string, string> = { email: 'Email', phone: 'Phone call', text: 'Text message' };

/** Stored codes ("dsa", "phone: no-answer", 2027-07-31) as the forms show them. */
function readable(field: string, value: unknown): unknown {
  if (typeof value === 'string') {
    if (field === 'funding') return fundingLabels[value as Funding] ?? value;
    if (field === 'status') return statusLabels[value as StudentStatus] ?? value;
    if (field === 'preferredContact') return PREFERRED_CONTACT[value] ?? value;
    if (field === 'contact') {
      const [method = '', outcome = ''] = value.split(': ');
      return `${contactMethodLabels[method as ContactMethod] ?? method}: ${contactOutcomeLabels[outcome as ContactOutcome] ?? outcome}`;
    }
    // Dates inside values too ("given 2026-11-23 (email)").
    return value.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1');
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    // An emergency contact and the like: its parts in order, or nothing if all are blank.
    return Object.values(value as Record<string, unknown>).filter((v) => v !== '' && v !== null && v !== undefined).join(', ');
  }
  return value;
}

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
  return changes.filter(
    (c) => !('old' in c || 'new' in c) || shortValue(readable(c.field, c.old)) !== '(empty)' || shortValue(readable(c.field, c.new)) !== '(empty)',
  );
}

export function describeChange(change: AuditChange): string {
  // Some fields are logged by name only (support needs: health details leave with consent).
  if (!('old' in change) && !('new' in change)) return `${fieldLabel(change.field)} changed`;
  const label = fieldLabel(change.field);
  // A one-sided entry (a contact logged, a session booked) reads as what happened, not "(empty) →".
  if (!('old' in change) || change.old === undefined) return `${label}: ${shortValue(readable(change.field, change.new))}`;
  return `${label}: ${shortValue(readable(change.field, change.old))} → ${shortValue(readable(change.field, change.new))}`;
}
