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
    expect(describeChange({ field: 'notes' })).toBe('Notes changed');
  });

  it('leaves out fields that were blank before and after', () => {
    const changes = [{ field: 'fullName', old: '', new: 'Ada' }, { field: 'email', old: '', new: '' }, { field: 'notes' }];
    expect(meaningfulChanges(changes).map((c) => c.field)).toEqual(['fullName', 'notes']);
  });

  it('shows stored codes the way the forms show them', () => {
    expect(describeChange({ field: 'funding', old: 'dsa', new: 'access-to-work' })).toBe('Funding: Disabled Students’ Allowance → Access to Work');
    expect(describeChange({ field: 'contact', new: 'phone: spoke' })).toBe('Contact: Phone call: Spoke with the student');
    expect(describeChange({ field: 'hoursDeadline', old: '', new: '2027-07-31' })).toBe('Hours deadline: (empty) → 31/07/2027');
    expect(describeChange({ field: 'emergencyContact', old: { name: '', relationship: '', phone: '' }, new: { name: 'Ann', relationship: 'mother', phone: '' } })).toBe(
      'Emergency contact: (empty) → Ann, mother',
    );
  });

  it('leaves out an emergency contact that was blank before and after', () => {
    expect(meaningfulChanges([{ field: 'emergencyContact', old: '', new: { name: '', relationship: '', phone: '' } }])).toEqual([]);
  });
});
