import type { Student } from '../shared/schemas/student';

/**
 * Made-up but realistically sized records: each student has a profile and sessions whose log is
 * about 1 KB of text, as a mentor writes after each meeting. Generated from the student's number
 * with a seeded generator, so the vault and the plain lowdb file hold exactly the same content.
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

export interface StudentDocument {
  profile: Student;
  sessions: SessionLog[];
}

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

export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(random() * WORDS.length)]!);
  const s = out.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function paragraph(random: () => number, chars: number): string {
  let text = '';
  while (text.length < chars) text += `${text ? ' ' : ''}${sentence(random, 8 + Math.floor(random() * 10))}`;
  return text;
}

/** The id a student gets in both stores: URL-safe, 16 characters, like records/students.ts makes. */
export const studentId = (n: number) => `bench${String(n).padStart(11, '0')}`;

export function makeStudent(n: number, sessions: number, now: number): StudentDocument {
  const random = prng(n * 7919 + 17);
  const id = studentId(n);
  const profile: Student = {
    id,
    fullName: `Student ${n} ${sentence(random, 1).slice(0, -1)}`,
    preferredName: `S${n}`,
    studentNumber: `U${String(2_000_000 + n)}`,
    email: `student${n}@example.ac.uk`,
    createdAt: now - 365 * 86_400_000,
    updatedAt: now,
  };
  const logs: SessionLog[] = [];
  for (let i = 0; i < sessions; i++) {
    const day = new Date(now - (sessions - i) * 7 * 86_400_000);
    logs.push({
      id: `${id}-s${String(i).padStart(4, '0')}`,
      date: day.toISOString().slice(0, 10),
      start: `${String(9 + Math.floor(random() * 8)).padStart(2, '0')}:${random() < 0.5 ? '00' : '30'}`,
      minutes: 60,
      mode: random() < 0.6 ? 'in person' : random() < 0.5 ? 'online' : 'phone',
      attended: random() < 0.9,
      topics: [0, 1, 2].map(() => WORDS[Math.floor(random() * WORDS.length)]!),
      note: paragraph(random, 680),
      actions: paragraph(random, 110),
    });
  }
  return { profile, sessions: logs };
}

/** A fresh note for one session, as a save would write. */
export function newNote(random: () => number): string {
  return paragraph(random, 680);
}
