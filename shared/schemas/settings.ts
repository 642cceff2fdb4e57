import { z } from 'zod';
import { text } from './common';
import { defaultBoundaryItems, defaultMentoringGuidelines } from './handbook';
import { CalendarSettings, defaultCalendarSettings } from './calendar';
import { HoursPolicy, defaultHoursPolicy } from './hoursPolicy';
import { DEFAULT_STRATEGIES } from './ilp';
import { Availability, defaultAvailability } from './session';
import { SurveyDefinitions, defaultSurveys } from './survey';

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

/** Our own default wording of a service agreement; the provider replaces it with its own in Settings. */
export const defaultServiceAgreementTemplate = [
  'Service agreement for specialist mentoring, {{academicYear}}',
  '',
  'Between {{studentFullName}} (the student) and {{mentorName}} of {{providerName}} (the mentor).',
  '',
  'What mentoring is. Mentoring is a series of one-to-one meetings that help you manage your studies: planning and organising your work, setting goals, building confidence and motivation, and finding other support when you need it. It is academic in focus. It is not counselling; if counselling would help, your mentor will tell you where to find it.',
  '',
  'How we work. Support is flexible: together we decide what each session covers, responding to what comes up (reactive) and planning ahead for what is coming (proactive). Sessions normally last one hour and work best when they are regular.',
  '',
  'Where we meet. Sessions take place on campus in a quiet space where we can talk freely, or remotely by phone, email or video where we both agree.',
  '',
  'Your hours. You have {{allocatedHours}} hours of mentoring support, to be used by {{hoursDeadline}}. Your mentor keeps a timesheet and progress log of every session, which you both sign at the end of the session.',
  '',
  'Cancelling. If you cannot attend, please tell your mentor at least 24 hours before the session. A session cancelled with less notice, or missed, may count against your hours.',
  '',
  'Confidentiality. What you discuss stays between you and your mentor, with two exceptions: if your mentor believes you or someone else is at risk of harm, or if the law requires information to be shared. Your mentor will, wherever possible, talk with you first.',
  '',
  'Ending mentoring. Either of us can end the mentoring after genuinely trying to make it work. We will aim to hold a final review meeting to close it properly.',
].join('\n');

/** An editable list from the handbook: each statement on its own, none blank. */
function handbookList(what: string, max: number) {
  return z
    .array(z.string().trim().min(1, `A ${what} cannot be blank: remove it instead`).max(1000, 'Keep each one under 1000 characters'))
    .min(1, `Keep at least one ${what}`)
    .max(max, `At most ${max} items`);
}

export const LOGO_MAX_BYTES = 512 * 1024;
export const LogoMime = z.enum(['image/png', 'image/jpeg']);
export type LogoMime = z.infer<typeof LogoMime>;
export const ProviderLogo = z.strictObject({ blob: z.string().regex(/^[0-9a-f]{64}$/), mime: LogoMime, bytes: z.number().int().positive().max(LOGO_MAX_BYTES) });
export type ProviderLogo = z.infer<typeof ProviderLogo>;

/**
 * Fields added after the first release carry defaults, so settings saved earlier still read.
 */
export const Settings = z.strictObject({
  mentorName: text(120),
  providerName: text(160),
  mentorEmail: z.union([z.literal(''), z.email('Enter a valid email address, like name@example.org')]),
  mentorPhone: text(40).default(''),
  /** Where the weekly availability email goes: the provider's coordinator. */
  coordinatorEmail: z.union([z.literal(''), z.email('Enter a valid email address, like coordinator@example.org')]).default(''),
  autoLockMinutes: z.number().int('Whole minutes only').min(1, 'At least 1 minute').max(240, 'At most 240 minutes (4 hours)'),
  region: Region,
  /** Records are due for deletion this many years after the last contact. */
  retentionYears: z.number().int('Whole years only').min(1, 'At least 1 year').max(30, 'At most 30 years').default(6),
  firstContactTemplate: EmailTemplate.default(defaultFirstContactTemplate),
  serviceAgreementTemplate: text(20_000).default(defaultServiceAgreementTemplate),
  mentoringGuidelines: handbookList('guideline', 60).default([...defaultMentoringGuidelines]),
  boundaryItems: handbookList('boundary', 40).default([...defaultBoundaryItems]),
  /** The provider's logo for PDFs: an encrypted blob in the vault, set through settings:setLogo only. */
  providerLogo: ProviderLogo.nullable().default(null),
  /** The academic year's start and the provider's deadlines (surveys, timesheets, weekly email, …). */
  calendar: CalendarSettings.default(defaultCalendarSettings),
  /** How support hours are counted: cancellations, email support, when to warn. */
  hoursPolicy: HoursPolicy.default(defaultHoursPolicy),
  /** The strategies offered for ILP goals and session records, in the provider's words. */
  ilpStrategies: z.array(z.string().trim().min(1, 'A strategy cannot be blank: remove it instead').max(120, 'Keep each strategy under 120 characters')).max(60, 'At most 60 strategies').default([...DEFAULT_STRATEGIES]),
  /** When the mentor can see students: the usual week and dates that differ. */
  availability: Availability.default(defaultAvailability),
  /** The student surveys and their questions (rating scales and free text), in the provider's words. */
  surveys: SurveyDefinitions.default(defaultSurveys),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  mentorName: '',
  providerName: '',
  mentorEmail: '',
  mentorPhone: '',
  coordinatorEmail: '',
  autoLockMinutes: 10,
  region: 'england-and-wales',
  retentionYears: 6,
  firstContactTemplate: defaultFirstContactTemplate,
  serviceAgreementTemplate: defaultServiceAgreementTemplate,
  mentoringGuidelines: [...defaultMentoringGuidelines],
  boundaryItems: [...defaultBoundaryItems],
  providerLogo: null,
  calendar: defaultCalendarSettings,
  hoursPolicy: defaultHoursPolicy,
  ilpStrategies: [...DEFAULT_STRATEGIES],
  availability: defaultAvailability,
  surveys: defaultSurveys,
};
