import { describe, expect, it } from 'vitest';
import { firstContactLabel, firstContactSentence } from './firstContactText';

const HOUR = 3_600_000;
const due = Date.UTC(2026, 10, 24, 10, 0);

describe('first-contact wording', () => {
  it('says how long a referral is overdue and how long is left', () => {
    expect(firstContactLabel('overdue', due, due + HOUR + 5 * 60_000)).toBe('Overdue by 1 h 5 min');
    expect(firstContactLabel('due-soon', due, due - 3 * HOUR)).toBe('Due in 3 h');
    expect(firstContactLabel('waiting', due, due - 24 * HOUR)).toBe('Due in 24 h');
    expect(firstContactLabel('overdue', due, due + 75 * HOUR)).toBe('Overdue by 3 days 3 h');
    expect(firstContactLabel('contacted', due, due)).toBe('Contacted');
  });

  it('tells the mentor what to do when first contact is overdue', () => {
    expect(firstContactSentence('overdue', due, due + 2 * HOUR, null)).toMatch(/overdue by 2 h: it was due by \d\d\/11\/2026 \d\d:00\. Contact the student/);
  });
});
