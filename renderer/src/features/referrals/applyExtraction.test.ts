import { describe, expect, it } from 'vitest';
import type { ReferralExtraction } from '../../../../shared/domain/referral';
import { emptyStudentValues } from '../students/studentFormModel';
import { applyExtraction } from './applyExtraction';

const extraction: ReferralExtraction = {
  fields: {},
  found: [
    { field: 'fullName', value: 'Zoë Okafor', line: 3, confidence: 'high' },
    { field: 'email', value: 'zoe@example.ac.uk', line: 4, confidence: 'medium' },
    { field: 'allocatedHours', value: 40, line: 9, confidence: 'high' },
  ],
  warnings: [],
};

describe('filling the referral form from an email', () => {
  it('fills untouched fields and says which line each came from', () => {
    const applied = applyExtraction(emptyStudentValues, extraction, () => false);
    expect(applied.values).toMatchObject({ fullName: 'Zoë Okafor', email: 'zoe@example.ac.uk', allocatedHours: 40 });
    expect(applied.filled.fullName).toEqual({ note: 'From the email (line 3)', sure: true });
    expect(applied.filled.email).toEqual({ note: 'From the email (line 4): a guess, check it', sure: false });
  });

  it('keeps what the mentor already typed and lists what the email said instead', () => {
    const typed = { ...emptyStudentValues, email: 'zoe.okafor@uni.ac.uk' };
    const applied = applyExtraction(typed, extraction, (field) => field === 'email');
    expect(applied.values.email).toBe('zoe.okafor@uni.ac.uk');
    expect(applied.filled.email).toBeUndefined();
    expect(applied.kept).toEqual(['Email: you typed “zoe.okafor@uni.ac.uk”; the email says “zoe@example.ac.uk”.']);
  });
});
