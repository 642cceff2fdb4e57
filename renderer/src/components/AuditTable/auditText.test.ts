import { describe, expect, it } from 'vitest';
import { describeChange, fieldLabel, meaningfulChanges } from './auditText';

describe('audit field labels', () => {
  it('reads field names the way the forms label them', () => {
    expect(fieldLabel('preferredName')).toBe('Preferred name');
    expect(fieldLabel('studentNumber')).toBe('Student number');
    expect(fieldLabel('email')).toBe('Email');
    expect(fieldLabel('consent.dataSharing')).toBe('Consent data sharing');
  });

  it('shows a profile change as old → new, and other kinds by field name alone', () => {
    expect(describeChange({ field: 'preferredName', old: 'Zeb', new: 'Zed' })).toBe('Preferred name: Zeb → Zed');
    expect(describeChange({ field: 'notes' })).toBe('Notes');
  });

  it('leaves out fields that were blank before and after', () => {
    const changes = [{ field: 'fullName', old: '', new: 'Ada' }, { field: 'email', old: '', new: '' }, { field: 'notes' }];
    expect(meaningfulChanges(changes).map((c) => c.field)).toEqual(['fullName', 'notes']);
  });
});
