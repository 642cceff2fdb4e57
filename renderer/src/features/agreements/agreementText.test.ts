import { describe, expect, it } from 'vitest';
import { changeLabel, signedByText, unfilledGaps } from './agreementText';

describe('signedByText', () => {
  it('says nobody has signed when no role has', () => {
    expect(signedByText([])).toBe('Nobody yet');
  });
  it('names one signer', () => {
    expect(signedByText(['mentor'])).toBe('Mentor');
  });
  it('names both signers in the order they signed', () => {
    expect(signedByText(['student', 'mentor'])).toBe('Student and mentor');
    expect(signedByText(['mentor', 'student'])).toBe('Mentor and student');
  });
});

describe('changeLabel', () => {
  it('names the fields of an agreement in the mentor’s words', () => {
    expect(changeLabel('text')).toBe('The wording');
    expect(changeLabel('studentName')).toBe('The student’s name');
  });
  it('shows an unknown path as it is', () => {
    expect(changeLabel('extra.0')).toBe('extra.0');
  });
});

describe('gaps the template could not fill', () => {
  it('lists each placeholder left in the text once', () => {
    expect(unfilledGaps('You have [allocatedHours] hours, by [hoursDeadline]; [allocatedHours] in all.')).toEqual(['allocatedHours', 'hoursDeadline']);
    expect(unfilledGaps('You have 36 hours.')).toEqual([]);
  });
});
