import { z } from 'zod';
import { text } from './common';

export const Region = z.enum(['england-and-wales', 'scotland', 'northern-ireland']);
export type Region = z.infer<typeof Region>;

/** The provider's and mentor's own settings. Later features add their sections here. */
export const Settings = z.strictObject({
  mentorName: text(120),
  providerName: text(160),
  mentorEmail: z.union([z.literal(''), z.email('Enter a valid email address')]),
  autoLockMinutes: z.number().int('Whole minutes only').min(1, 'At least 1 minute').max(240, 'At most 240 minutes (4 hours)'),
  region: Region,
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  mentorName: '',
  providerName: '',
  mentorEmail: '',
  autoLockMinutes: 10,
  region: 'england-and-wales',
};
