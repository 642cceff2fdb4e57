import { describe, expect, it, vi } from 'vitest';
import { draftFromValues, emptyStudentValues, showIssuesOnFields, validateStudent, type StudentFormApi } from './studentFormModel';

describe('the student form', () => {
  it('sends no allocated hours as null, and support needs only when consent lets them be kept', () => {
    const values = { ...emptyStudentValues, fullName: 'Ada Lovelace', supportNeeds: 'Dyslexia' };
    expect(draftFromValues(values, { keepSupportNeeds: false })).toMatchObject({ allocatedHours: null, supportNeeds: '' });
    expect(draftFromValues({ ...values, allocatedHours: 30 }, { keepSupportNeeds: true })).toMatchObject({ allocatedHours: 30, supportNeeds: 'Dyslexia' });
  });

  it('names the field that is wrong, in words a mentor can act on', () => {
    const errors = validateStudent({ ...emptyStudentValues, fullName: ' ', email: 'ada@', phone: '123', allocatedHours: 'lots' }, false);
    expect(errors.fullName).toBe('Full name is required');
    expect(errors.email).toMatch(/Enter a valid email address/);
    expect(errors.phone).toMatch(/Enter a UK number/);
    expect(errors.allocatedHours).toBe('Enter a number of hours, like 30');
    expect(validateStudent({ ...emptyStudentValues, fullName: 'Ada', emergencyContact: { name: '', relationship: '', phone: '99' } }, false)).toHaveProperty(
      ['emergencyContact.phone'],
    );
  });

  it('puts the backend’s issues next to their fields, whichever request carried the draft', () => {
    const setFieldError = vi.fn();
    const form = { setFieldError } as unknown as StudentFormApi;
    const rest = showIssuesOnFields(
      form,
      [
        { path: 'draft.email', message: 'Bad email' },
        { path: 'draft.emergencyContact.phone', message: 'Bad phone' },
        { path: 'id', message: 'Not a valid record id' },
      ],
      'draft.',
    );
    expect(setFieldError.mock.calls).toEqual([
      ['email', 'Bad email'],
      ['emergencyContact.phone', 'Bad phone'],
    ]);
    expect(rest).toEqual([{ path: 'id', message: 'Not a valid record id' }]);
  });
});
