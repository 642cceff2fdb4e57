import { describe, expect, it } from 'vitest';
import { signedByText, signingModeNote, versionName } from './signedRecordText';

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

describe('versionName', () => {
  it('calls the first version the original and later ones numbered amendments', () => {
    expect(versionName(0)).toBe('Original version');
    expect(versionName(2)).toBe('Amendment 2');
  });
});

describe('signingModeNote', () => {
  it('says signing mode shows only this document and asks for the passphrase to leave', () => {
    expect(signingModeNote('plan')).toBe('Signing shows only this plan on screen; leaving it asks for your passphrase.');
  });
});
