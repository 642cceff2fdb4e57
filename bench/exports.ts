/**
 * Export bench: one year of one busy mentor's paperwork as PDFs, through the real backend.
 *
 * Builds a vault with BENCH_EXPORT_STUDENTS students (40) and BENCH_EXPORT_SESSIONS sessions (1,200)
 * spread over the academic year (weekly from October), each booked, recorded with ~700 characters
 * of notes, two areas, a strategy and an action, and signed by the student and the mentor, all
 * through the channels the app uses. Then, timed:
 *   - every session's timesheet and progress log (sessions:exportPdf), one PDF each;
 *   - every monthly timesheet with a session in it (sessions:exportMonth), rows with small signatures;
 *   - every student's completion pack (students:completionPack): cover, ILP, all progress logs.
 * Reports seconds, PDFs, pages, pages per second and megabytes written for each.
 *
 * Run on its own with `npx tsx bench/exports.ts`, or as part of `npm run bench` (BENCH_EXPORTS=0 skips it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { readFile } from 'node:fs/promises';
import { createBackend } from '../electron/main/backend/index';
import { AdjustableClock } from '../electron/main/backend/clock';
import { contentHash } from '../shared/domain/canonical';
import { addDays } from '../shared/domain/sessionRules';
import type { Channel, RequestOf, ResponseOf } from '../shared/contract';
import type { SessionRecordDraft } from '../shared/schemas/session';
import { newNote, prng } from './data';

const STUDENTS = Number(process.env.BENCH_EXPORT_STUDENTS ?? 40);
const SESSIONS = Number(process.env.BENCH_EXPORT_SESSIONS ?? 1200);
const PASSPHRASE = 'Bench-Marmalade-Tortoise-Lantern-61';
const YEAR_START = '2026-10-05'; // a Monday
const HOURS = ['09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00'];
const NAMES = ['Zoë Adams', 'Łukasz Nowak', 'Aoife Ní Bhriain', 'Kwame Mensah', 'Priyanka Patel', 'Siân Evans', 'Tomás Ó Briain', 'Chen Wei'];

type Call = <C extends Channel>(channel: C, req: RequestOf<C>) => Promise<ResponseOf<C>>;

const strokes = (seed: number) => [
  Array.from({ length: 24 }, (_, i) => ({ x: 10 + i * 14, y: 75 + Math.sin(i / 2 + seed) * 40 })),
  Array.from({ length: 8 }, (_, i) => ({ x: 150 + i * 10, y: 40 + i * 6 })),
];
const signature = (role: 'student' | 'mentor', signerName: string, hash: string, signedAt: number, seed: number) => ({
  role, signerName, signedAt, contentHash: hash, width: 400, height: 150, strokes: strokes(seed),
});

interface Measured {
  what: string;
  pdfs: number;
  pages: number;
  bytes: number;
  seconds: number;
}

async function pagesOf(paths: string[]): Promise<{ pages: number; bytes: number }> {
  let pages = 0;
  let bytes = 0;
  for (const path of paths) {
    const data = await readFile(path);
    bytes += data.length;
    pages += (await PDFDocument.load(data, { updateMetadata: false })).getPageCount();
  }
  return { pages, bytes };
}

export async function benchExports(): Promise<Measured[]> {
  const dir = await mkdtemp(join(tmpdir(), 'mentor-desk-bench-exports-'));
  try {
    const clock = new AdjustableClock();
    const backend = await createBackend({ dataDir: join(dir, 'vault'), exportDir: join(dir, 'exports'), clock, kdf: { N: 2 ** 10, r: 8, p: 1 } });
    const call: Call = async (channel, req) => {
      const result = await backend.call(channel, req);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.data as never;
    };
    clock.set(Date.parse('2026-09-28T09:00:00Z'));
    await call('vault:create', { passphrase: PASSPHRASE });
    const settings = await call('settings:get', {});
    await call('settings:save', { ...settings, mentorName: 'Bench Mentor', providerName: 'Bench Mentoring Ltd' });

    console.log(`\nExports: one year of one mentor's paperwork — ${STUDENTS} students, ${SESSIONS} sessions signed by both`);
    const built = performance.now();
    const random = prng(7);
    const students: { id: string; name: string; sessions: string[] }[] = [];
    for (let s = 0; s < STUDENTS; s++) {
      const name = `${NAMES[s % NAMES.length]} ${s + 1}`;
      const student = await call('students:create', { fullName: name, studentNumber: String(2_100_000 + s), institution: 'University of Leicester', allocatedHours: 40, hoursDeadline: '2027-07-31' });
      await call('ilp:start', { studentId: student.id });
      await call('ilp:save', {
        studentId: student.id,
        draft: { strengths: newNote(random).slice(0, 300), barriers: newNote(random).slice(0, 300), goals: [{ what: 'Hand in every essay on time', why: '', measure: 'All essays in by their deadlines', targetDate: '2027-05-28', strategies: ['Planning', 'Time management'], status: 'in-progress', reviewNotes: '' }], reviews: [], nextReviewOn: '' },
      });
      students.push({ id: student.id, name, sessions: [] });
    }
    // Sessions round-robin over the students, week by week, in time order (the clock only moves on).
    const perWeek = STUDENTS;
    for (let i = 0; i < SESSIONS; i++) {
      const student = students[i % STUDENTS]!;
      const week = Math.floor(i / perWeek);
      const slot = i % perWeek;
      const date = addDays(YEAR_START, week * 7 + (slot % 5));
      const start = HOURS[Math.floor(slot / 5) % HOURS.length]!;
      const length = slot % 4 === 0 ? 45 : 60;
      const startAt = Date.parse(`${date}T${start}:00Z`);
      clock.set(Math.max(clock.now(), startAt - 7 * 86_400_000));
      const { session } = await call('sessions:book', { studentId: student.id, booking: { date, start, plannedMinutes: length, mode: slot % 7 === 0 ? 'video' : 'campus', place: 'Library room 2' } });
      const endAt = startAt + length * 60_000;
      clock.set(Math.max(clock.now(), endAt + 60_000));
      const draft: SessionRecordDraft = {
        date, actualStart: start, actualEnd: new Date(endAt).toISOString().slice(11, 16), durationMinutes: length, mode: slot % 7 === 0 ? 'video' : 'campus', place: 'Library room 2',
        areas: ['academic', 'emotional'], strategies: ['Planning'], goalIds: [], notes: newNote(random),
        actions: [{ what: 'Draft the next section and bring it next time', owner: 'student', due: addDays(date, 7) }],
        nextSession: { date: addDays(date, 7), start }, endedEarly: null, feedback: { rating: 4 + (i % 2), comment: '' },
      };
      const recorded = await call('sessions:record', { studentId: student.id, sessionId: session.id, draft });
      const hash = contentHash(recorded.record!.versions[0]!.content);
      await call('sessions:sign', { studentId: student.id, sessionId: session.id, signature: signature('student', student.name, hash, endAt, i) });
      await call('sessions:sign', { studentId: student.id, sessionId: session.id, signature: signature('mentor', 'Bench Mentor', hash, endAt + 30_000, i + 1) });
      student.sessions.push(session.id);
    }
    console.log(`  built through the backend in ${((performance.now() - built) / 1000).toFixed(0)} s`);

    const results: Measured[] = [];
    const measure = async (what: string, run: () => Promise<string[]>) => {
      if (process.platform !== 'win32') execFileSync('sync');
      const t0 = performance.now();
      const paths = await run();
      const seconds = (performance.now() - t0) / 1000;
      const { pages, bytes } = await pagesOf(paths);
      results.push({ what, pdfs: paths.length, pages, bytes, seconds });
    };

    await measure('progress logs (sessions:exportPdf)', async () => {
      const paths: string[] = [];
      for (const s of students) for (const id of s.sessions) paths.push((await call('sessions:exportPdf', { studentId: s.id, sessionId: id })).path);
      return paths;
    });
    const months = ['2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07'];
    await measure('monthly timesheets (sessions:exportMonth)', async () => {
      const paths: string[] = [];
      for (const s of students) {
        const { sessions } = await call('sessions:list', { studentId: s.id });
        for (const month of months) if (sessions.some((x) => x.date.startsWith(month))) paths.push((await call('sessions:exportMonth', { studentId: s.id, month })).path);
      }
      return paths;
    });
    await measure('completion packs (students:completionPack)', async () => {
      const paths: string[] = [];
      for (const s of students) paths.push((await call('students:completionPack', { studentId: s.id })).path);
      return paths;
    });

    const rows = results.map((r) => [r.what, String(r.pdfs), String(r.pages), `${r.seconds.toFixed(1)} s`, `${(r.pages / r.seconds).toFixed(1)}`, `${((r.seconds * 1000) / r.pdfs).toFixed(0)} ms`, `${(r.bytes / 2 ** 20).toFixed(1)} MB`, `${(r.bytes / r.pdfs / 1024).toFixed(0)} KB`]);
    const header = ['export', 'PDFs', 'pages', 'time', 'pages/s', 'per PDF', 'written', 'per PDF'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    for (const row of [header, ...rows]) console.log(`  ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`);
    const files = await readdir(join(dir, 'exports'));
    const total = results.reduce((a, r) => ({ s: a.s + r.seconds, p: a.p + r.pages }), { s: 0, p: 0 });
    console.log(`  all: ${files.length} PDFs, ${total.p} pages in ${total.s.toFixed(1)} s (${(total.p / total.s).toFixed(1)} pages/s); exports folder ${((await Promise.all(files.map((f) => stat(join(dir, 'exports', f))))).reduce((a, x) => a + x.size, 0) / 2 ** 20).toFixed(1)} MB`);
    await backend.close();
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchExports();
}
