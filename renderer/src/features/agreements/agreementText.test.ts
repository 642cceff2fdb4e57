import { describe, expect, it } from 'vitest';
import { changeLabel, unfilledGaps } from './agreementText';

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
