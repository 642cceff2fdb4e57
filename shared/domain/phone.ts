import { isPossiblePhoneNumber } from 'libphonenumber-js/min';

/**
 * UK numbers may be written the way people write them (07700 900123, 0116 254 8881); anything
 * else needs its country code (+353 1 234 5678). Checked against libphonenumber's metadata for
 * a possible number (the right length for its country), not for an assigned range: the metadata
 * bundled with an app ages, and a student's new number must not be refused for that.
 */
export function isValidPhone(value: string): boolean {
  const trimmed = value.trim();
  if (!/^[+0-9 ()\-.]{6,25}$/.test(trimmed)) return false;
  return isPossiblePhoneNumber(trimmed, 'GB');
}
