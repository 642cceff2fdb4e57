import { StudentDocument } from '../electron/main/backend/records/students';
import { toSummary } from '../electron/main/backend/records/students';
import type { ContactAttempt, ContactMethod, ContactOutcome } from '../shared/schemas/referral';
import { StudentDraft, type Funding, type StatusChange, type StudentStatus } from '../shared/schemas/student';
import { prng } from '../tests/support/prng';

/**
 * Made-up but realistically sized records, generated from the student's number with a seeded
 * generator, so the vault and the plain lowdb file hold exactly the same content:
 *   - a StudentDocument as records/students.ts stores it: the full profile (parsed through the
 *     schema, so defaults and checks are the app's own) and, for some, the referral as pasted;
 *   - session logs of about 1 KB of text each, as a mentor writes after each meeting. Sessions are
 *     not in the schema yet (StudentDocument is strict), so the bench keeps them in a document of
 *     their own, `students/<id>/sessions`, under the student's key (see run.ts).
 */
export interface SessionLog {
  id: string;
  date: string;
  start: string;
  minutes: number;
  mode: 'in person' | 'online' | 'phone';
  attended: boolean;
  topics: string[];
  note: string;
  actions: string;
}

export type { StudentDocument };

const WORDS = (
  'deadline essay assignment feedback tutor module placement anxiety sleep routine planner ' +
  'reading library referencing draft structure paragraph argument evidence revision exam ' +
  'timetable lecture seminar notes recording break walk mindfulness breathing priorities ' +
  'list email supervisor extension form wellbeing service appointment budget travel ' +
  'accommodation housemates noise focus headphones quiet study space group project role ' +
  'presentation slides practice confidence goal week month progress review strategy ' +
  'chunking pomodoro reward checklist calendar reminder phone app software dictation ' +
  'mind map outline introduction conclusion critical analysis sources journal database ' +
  'agreed discussed explored identified reflected planned reviewed suggested noted felt ' +
  'reported managed struggled improved completed started missed attended prepared shared'
).split(/\s+/);

/** First names, some with accents a mentor does not type ("zoe" must find Zoë). */
const FIRST = (
  'Oliver Amelia Jack Isla Harry Ava Noah Mia Leo Freya Ethan Grace Oscar Lily Charlie Evie George Poppy ' +
  'Thomas Sophie James Ella William Chloë Alfie Ruby Joshua Emily Mohammed Aisha Yusuf Fatima Priya Arjun ' +
  'Zoë Zoe Zoey Siân Rhys Ffion Dylan Niamh Aoife Seán Ciarán Łukasz Kacper Zofia José Inês Chen Wei ' +
  'Kwame Ngozi Chidi Amara Hannah Daniel Lucy Samuel Jasmine Adam Maya Ryan Holly Nathan Katie'
).split(/\s+/);
const LAST = (
  'Smith Jones Williams Brown Taylor Davies Evans Wilson Thomas Roberts Johnson Lewis Walker Robinson Wood ' +
  'Thompson White Watson Jackson Wright Green Harris Cooper King Lee Martin Clarke James Morgan Hughes ' +
  'Edwards Hill Moore Clark Harrison Scott Young Morris Hall Ward Turner Carter Phillips Mitchell Patel ' +
  'Khan Ahmed Ali Singh Kaur Begum Hussain O’Connor O’Brien McCarthy MacDonald McLeod Nowak Kowalski ' +
  'Wiśniewska Müller García Silva Nguyen Okafor Mensah Adeyemi Bianchi Ó_Súilleabháin ap_Gruffydd'
)
  .split(/\s+/)
  .map((s) => s.replace('_', ' '));
const INSTITUTIONS = [
  'University of Leeds', 'University of Manchester', 'Sheffield Hallam University', 'University of Birmingham', 'Cardiff University',
  'University of Bristol', 'Nottingham Trent University', 'University of Leicester', 'De Montfort University', 'University of York',
  'Newcastle University', 'Northumbria University', 'University of Liverpool', 'Liverpool John Moores University', 'Open University',
  'University of Glasgow', 'Queen’s University Belfast', 'Swansea University', 'University of Exeter', 'Kingston University',
];
const COURSES = [
  'BSc Psychology', 'BA English Literature', 'BEng Mechanical Engineering', 'LLB Law', 'BSc Computer Science', 'BA History',
  'BSc Nursing (Adult)', 'BA Fine Art', 'MSc Data Science', 'BSc Biomedical Science', 'BA Primary Education', 'PhD Chemistry',
  'BA Business Management', 'BSc Physiotherapy', 'MA Social Work', 'BMus Music',
];
const YEARS = ['Foundation year', 'Year 1', 'Year 2', 'Year 3', 'Final year', 'Postgraduate taught', 'Postgraduate research'];
const FUNDINGS: Funding[] = ['dsa', 'dsa', 'dsa', 'dsa', 'dsa', 'access-to-work', 'institution', 'institution', 'self-funded', 'other'];
const RELATIONSHIPS = ['Mother', 'Father', 'Partner', 'Sister', 'Brother', 'Friend', 'Guardian'];
const PRONOUNS = ['she/her', 'he/him', 'they/them', '', ''];
const NEEDS = [
  'Autism spectrum condition: finds unstructured time and group work hard; prefers written agendas sent a day ahead.',
  'ADHD: difficulty starting and finishing long assignments; benefits from chunking and regular short check-ins.',
  'Anxiety and low mood under treatment by the GP; avoids phone calls, prefers email.',
  'Dyslexia and dyspraxia: slow reading speed, uses text-to-speech and mind-mapping software.',
  'Chronic fatigue: energy varies day to day, sessions may move online at short notice.',
];

export { prng };

const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

function sentence(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(random, WORDS));
  const s = out.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function paragraph(random: () => number, chars: number): string {
  let text = '';
  while (text.length < chars) text += `${text ? ' ' : ''}${sentence(random, 8 + Math.floor(random() * 10))}`;
  return text;
}

const DAY = 86_400_000;
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);
/** A UK mobile number from Ofcom's range for drama (07700 900000–900999), padded to a possible length. */
const phoneOf = (n: number) => `07700 9${String(n % 100_000).padStart(5, '0')}`;
const ascii = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[łŁ]/g, 'l').toLowerCase().replace(/[^a-z]/g, '');

/** The id a student gets in both stores: URL-safe, 16 characters, like records/students.ts makes. */
export const studentId = (n: number) => `bench${String(n).padStart(11, '0')}`;
/** The university's student number: 7 digits, so typing part of it finds a handful of students. */
export const studentNumberOf = (n: number) => String(2_100_000 + n);

function statusOf(random: () => number): StudentStatus {
  const r = random();
  return r < 0.6 ? 'active' : r < 0.7 ? 'referred' : r < 0.78 ? 'deferred' : r < 0.93 ? 'completed' : 'withdrawn';
}

/** One student's document, exactly as students:get would read it back (parsed by the app's schema). */
export function makeStudent(n: number, now: number): StudentDocument {
  const random = prng(n * 7919 + 17);
  const first = pick(random, FIRST);
  const last = pick(random, LAST);
  const createdAt = now - Math.floor((30 + random() * 700) * DAY);
  const status = statusOf(random);
  const hasReferral = status === 'referred' || random() < 0.5;
  const receivedAt = createdAt - Math.floor(random() * 3 * DAY);
  const statusHistory: StatusChange[] = [{ status: hasReferral ? 'referred' : 'active', on: isoDay(createdAt), at: createdAt, note: hasReferral ? 'referral received' : '' }];
  if (status !== statusHistory[0]!.status) statusHistory.push({ status, on: isoDay(createdAt + 20 * DAY), at: createdAt + 20 * DAY, note: status === 'withdrawn' ? 'left the course' : '' });
  const needs = random() < 0.7 ? pick(random, NEEDS) : '';
  const draft = StudentDraft.parse({
    fullName: `${first} ${last}`,
    preferredName: random() < 0.3 ? first.slice(0, 3) : '',
    pronouns: pick(random, PRONOUNS),
    studentNumber: studentNumberOf(n),
    institution: pick(random, INSTITUTIONS),
    course: pick(random, COURSES),
    yearOfStudy: pick(random, YEARS),
    funding: pick(random, FUNDINGS),
    allocatedHours: random() < 0.9 ? 10 + Math.floor(random() * 60) : null,
    hoursDeadline: random() < 0.8 ? isoDay(createdAt + 365 * DAY) : '',
    supportNeeds: needs,
    email: `${ascii(first)}.${ascii(last)}${n}@example.ac.uk`,
    phone: phoneOf(n),
    preferredContact: random() < 0.7 ? 'email' : random() < 0.5 ? 'phone' : 'text',
    emergencyContact: random() < 0.6 ? { name: `${pick(random, FIRST)} ${last}`, relationship: pick(random, RELATIONSHIPS), phone: phoneOf(n + 50_000) } : undefined,
    mentorNotes: paragraph(random, 400),
  });
  const contacts: ContactAttempt[] = [];
  if (hasReferral) {
    const tries = status === 'referred' ? Math.floor(random() * 3) : 1 + Math.floor(random() * 2);
    for (let k = 0; k < tries; k++) {
      const outcome: ContactOutcome = k === tries - 1 && status !== 'referred' ? 'spoke' : pick(random, ['no-answer', 'left-voicemail', 'message-sent'] as const);
      const method: ContactMethod = pick(random, ['phone', 'email', 'text'] as const);
      contacts.push({ id: `${studentId(n)}c${k}`, at: receivedAt + (k + 1) * 5 * 3_600_000, method, outcome, note: '' });
    }
  }
  return StudentDocument.parse({
    profile: {
      ...draft,
      id: studentId(n),
      status,
      statusHistory,
      consents: needs ? [{ givenOn: isoDay(createdAt), scope: 'Keeping my disability and health information to plan mentoring support.', method: 'signed-form', recordedAt: createdAt }] : [],
      lastContactAt: now - Math.floor(random() * 60 * DAY),
      createdAt,
      updatedAt: now - Math.floor(random() * 30 * DAY),
    },
    referral: hasReferral
      ? { receivedAt, source: 'Needs assessment centre', pastedText: `Referral for ${first} ${last}. ${paragraph(random, 700)}`, contacts, firstSession: null }
      : null,
  });
}

/** The caseload summary of a student: the app's own, so the bench's index matches what it builds. */
export const summaryOf = toSummary;

/** A student's session logs, about 1 KB of text each. */
export function makeSessions(n: number, count: number, now: number): SessionLog[] {
  const random = prng(n * 104_729 + 3);
  const id = studentId(n);
  const logs: SessionLog[] = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(now - (count - i) * 7 * DAY);
    logs.push({
      id: `${id}-s${String(i).padStart(4, '0')}`,
      date: day.toISOString().slice(0, 10),
      start: `${String(9 + Math.floor(random() * 8)).padStart(2, '0')}:${random() < 0.5 ? '00' : '30'}`,
      minutes: 60,
      mode: random() < 0.6 ? 'in person' : random() < 0.5 ? 'online' : 'phone',
      attended: random() < 0.9,
      topics: [0, 1, 2].map(() => pick(random, WORDS)),
      note: paragraph(random, 680),
      actions: paragraph(random, 110),
    });
  }
  return logs;
}

/** A fresh note for one session, as a save would write. */
export function newNote(random: () => number): string {
  return paragraph(random, 680);
}
