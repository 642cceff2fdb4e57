import { z } from 'zod';
import { text } from './common';

export const Region = z.enum(['england-and-wales', 'scotland', 'northern-ireland']);
export type Region = z.infer<typeof Region>;

/** The provider's and mentor's own settings. Later features add their sections here. */
export const EmailTemplate = z.strictObject({
  subject: text(200),
  body: text(5000),
});
export type EmailTemplate = z.infer<typeof EmailTemplate>;

/** Our own default wording; the provider edits it in Settings. Placeholders are filled per student. */
export const defaultFirstContactTemplate: EmailTemplate = {
  subject: 'Your mentoring support – arranging our first meeting',
  body: [
    'Dear {{studentName}},',
    '',
    'I am {{mentorName}}, your specialist mentor with {{providerName}}. Your referral for mentoring support has reached me, and I would like to arrange our first meeting.',
    '',
    'In that first session we will go through how mentoring works, agree how we will work together, and talk about what you would like support with. It usually takes about an hour.',
    '',
    'Please reply with a few days and times that suit you, or call me on {{mentorPhone}}.',
    '',
    'Best wishes,',
    '{{mentorName}}',
    '{{providerName}}',
  ].join('\n'),
};

/**
 * Fields added after the first release carry defaults, so settings saved earlier still read.
 */
export const Settings = z.strictObject({
  mentorName: text(120),
  providerName: text(160),
  mentorEmail: z.union([z.literal(''), z.email('Enter a valid email address, like name@example.org')]),
  mentorPhone: text(40).default(''),
  autoLockMinutes: z.number().int('Whole minutes only').min(1, 'At least 1 minute').max(240, 'At most 240 minutes (4 hours)'),
  region: Region,
  /** Records are due for deletion this many years after the last contact. */
  retentionYears: z.number().int('Whole years only').min(1, 'At least 1 year').max(30, 'At most 30 years').default(6),
  firstContactTemplate: EmailTemplate.default(defaultFirstContactTemplate),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  mentorName: '',
  providerName: '',
  mentorEmail: '',
  mentorPhone: '',
  autoLockMinutes: 10,
  region: 'england-and-wales',
  retentionYears: 6,
  firstContactTemplate: defaultFirstContactTemplate,
};
