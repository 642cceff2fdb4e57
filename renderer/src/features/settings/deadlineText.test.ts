import { describe, expect, it } from 'vitest';
import { defaultDeadlineRules } from '../../../../shared/schemas/calendar';
import { Id } from '../../../../shared/schemas/common';
import { describeRule, newRuleId } from './deadlineText';

describe('deadline rules in words', () => {
  it('says each built-in rule the way the handbook does', () => {
    expect(defaultDeadlineRules.map(describeRule)).toEqual([
      'Opens 1st November; due the last working day of January',
      'Opens 1st April; due the last working day of May',
      'Every Friday, or the working day before when it is a bank holiday',
      'The last working day of every month',
      'At the start of the academic year',
      'At the start of the academic year',
      'At the start of the academic year',
    ]);
  });

  it('makes ids that are valid, readable and not already taken', () => {
    expect(newRuleId('Send DSA invoices', [])).toBe('send-dsa-invoices');
    expect(newRuleId('Send DSA invoices', ['send-dsa-invoices'])).toBe('send-dsa-invoices-2');
    expect(Id.safeParse(newRuleId('Q', [])).success).toBe(true);
    expect(Id.safeParse(newRuleId('!!!', [])).success).toBe(true);
  });
});
