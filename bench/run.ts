/**
 * `npm run bench`: what unlocking, saving and searching cost as the records pile up, against one
 * plain lowdb JSON file holding the same records.
 *
 * Each case builds a vault of N students, each with the full profile (and, for about half, the
 * pasted referral) in `students/<id>` as records/students.ts stores it, the caseload index pages
 * `index/students/<bucket>` with each summary sealed with the student's key, and 10 session logs
 * (~1 KB of text each) with one audit entry per student and per session. Then, with warm OS caches:
 *   - unlock incl. KDF: a fresh createBackend + vault:unlock with the production scrypt (N=2^17);
 *   - unlock excl. KDF: a fresh createBackend + vault:quickUnlock with an in-memory keychain
 *     (encrypt/decrypt = identity), i.e. everything unlock does after the data key is unwrapped:
 *     key table, newest manifest and its 256 index pages, audit page. The KDF alone is timed too;
 *   - first list: the students:list a caseload screen makes right after unlock (it reads and
 *     unseals the caseload index);
 *   - save: change one session's note through session.store.get + session.commit (read the
 *     sessions document, change it, commit it with its audit entry): median and p95 of BENCH_SAVES;
 *   - profile save: students:update through the backend (student document, its caseload index
 *     page, audit entry), median and p95 of BENCH_SAVES;
 *   - caseload search: students:search through the backend, BENCH_SEARCHES calls of each kind.
 * Plain lowdb: one JSON file with everything (lowdb's JSONFile, which does not fsync), its load and
 * a one-note save; and the same JSON written durably (temp file, fsync, rename, fsync folder).
 * The vault's size is taken after a sweep (the build's few large saves leave superseded pages).
 * Before each timed run of saves the disk is settled (`sync`), so they do not pay for the build.
 *
 * Options (environment): BENCH_CASES=100,1000,5000,10000 (students), BENCH_SAVES=50, BENCH_SEARCHES=50.
 *
 * Then bench/exports.ts: one mentor's year of paperwork exported as PDFs (BENCH_EXPORTS=0 skips it).
 *
 * Bench-only shortcuts: there is no sessions API (and StudentDocument is a strict schema without
 * sessions), so the session logs live in a document of their own, `students/<id>/sessions`, under
 * the student's key, written and read straight through the store; the student key table is filled
 * in one write instead of one per student; students are written 250 to a save.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { fsTime, installFsTiming, measureFs, resetFs, type FsCall } from './fsTiming';
import { benchExports } from './exports';
import { makeSessions, makeStudent, newNote, prng, studentId, studentNumberOf, summaryOf, type SessionLog, type StudentDocument } from './data';
import { createBackend, type Backend } from '../electron/main/backend/index';
import { systemClock } from '../electron/main/backend/clock';
import type { Keychain } from '../electron/main/backend/keychain';
import { AuditLog, type AuditEvent } from '../electron/main/backend/audit/auditLog';
import { studentKeyId } from '../electron/main/backend/records/students';
import { deriveKey, PRODUCTION_SCRYPT, randomKey } from '../electron/main/backend/vault/crypto';
import { writeFileAtomic } from '../electron/main/backend/vault/durable';
import { PartitionKeyTable } from '../electron/main/backend/vault/partitions';
import { openValue, sealValue } from '../electron/main/backend/vault/sealedValue';
import { buildSearchText } from '../shared/domain/search';
import { decodeEnvelope, encodeEnvelope } from '../electron/main/backend/vault/envelope';
import { bucketOf, DATA_KEY_ID, DocumentStore, listManifests, readManifest, type Put } from '../electron/main/backend/vault/store';
import { Vault, type Session } from '../electron/main/backend/vault/vault';
import type { CaseloadPage, CaseloadQuery } from '../shared/schemas/caseload';
import { Settings } from '../shared/schemas/settings';
import { StudentDraft, StudentSummary, type Student } from '../shared/schemas/student';

const PASSPHRASE = 'Bench-Marmalade-Tortoise-Lantern-61';
const SESSIONS_PER_STUDENT = 10;
const BATCH = 250;
const CASES = (process.env.BENCH_CASES ?? '100,1000,5000,10000').split(',').map(Number);
const SAVES = Number(process.env.BENCH_SAVES ?? 50);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 50);
const TARGET_SAVE_MS = 20;
const TARGET_UNLOCK_MS = 500;
const TARGET_RATIO = 5;
const TARGET_SEARCH_MS = 50;
const TARGET_STUDENTS = 10_000;

const studentDocId = (id: string) => `students/${id}`;
/** Bench-only: where the session logs live until the app has a sessions schema. */
const sessionsDocId = (id: string) => `students/${id}/sessions`;
const indexPageId = (id: string) => `index/students/${bucketOf(id)}`;
const caseloadPagesOf = (students: number) => new Set(Array.from({ length: students }, (_, i) => bucketOf(studentId(i)))).size;

/** Stands in for the OS keychain so quick unlock can time an unlock without the KDF. */
const keychain: Keychain = { encrypt: (b) => Uint8Array.from(b), decrypt: (b) => Uint8Array.from(b) };
const settings: Settings = Settings.parse({ mentorName: 'Bench Mentor', providerName: 'Bench Provider', mentorEmail: 'mentor@example.org', mentorPhone: '0116 496 0000', autoLockMinutes: 30, region: 'england-and-wales' });
const DRAFT_FIELDS = Object.keys(StudentDraft.shape) as (keyof StudentDraft)[];

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (i - lo);
}
const p95 = (xs: number[]) => quantile(xs, 0.95);
const ms = (x: number) => (Number.isNaN(x) ? '-' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const n = (x: number) => x.toLocaleString('en-GB');

async function must<T>(p: Promise<{ ok: true; data: unknown } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data as T;
}

async function sizeOf(path: string): Promise<number> {
  const s = await stat(path);
  if (!s.isDirectory()) return s.size;
  let total = 0;
  for (const name of await readdir(path)) total += await sizeOf(join(path, name));
  return total;
}

async function openSession(dir: string): Promise<{ vault: Vault; session: Session }> {
  const vault = await Vault.load({ dir, clock: systemClock, keychain });
  await vault.quickUnlock();
  return { vault, session: vault.requireSession() };
}

async function quickBackend(dir: string): Promise<Backend> {
  const backend = await createBackend({ dataDir: dir, keychain });
  await must(backend.call('vault:quickUnlock', {}));
  return backend;
}

/** A vault of `students` students with their sessions and caseload index, written in a few large saves. */
export async function buildVault(dir: string, students: number, now: number): Promise<void> {
  const backend = await createBackend({ dataDir: dir, keychain });
  await must(backend.call('vault:create', { passphrase: PASSPHRASE }));
  await must(backend.call('vault:setQuickUnlock', { enabled: true }));
  await must(backend.call('settings:save', settings));
  await backend.close();

  const { vault, session } = await openSession(dir);
  // Bench-only shortcut: one key-table write for all students instead of one per student.
  const keys = (session.partitions as unknown as { keys: Map<string, Buffer> }).keys;
  for (let i = 0; i < students - 1; i++) keys.set(studentKeyId(studentId(i)), randomKey());
  await session.partitions.create(studentKeyId(studentId(students - 1)));

  // index page id → { student id → summary sealed with the student's key }, as StudentRecords writes them.
  const pages = new Map<string, Record<string, string>>();
  for (let first = 0; first < students; first += BATCH) {
    const puts: Put[] = [];
    const events: AuditEvent[] = [];
    for (let i = first; i < Math.min(students, first + BATCH); i++) {
      const doc = makeStudent(i, now);
      const sessions = makeSessions(i, SESSIONS_PER_STUDENT, now);
      const id = doc.profile.id;
      const keyId = studentKeyId(id);
      const page = pages.get(indexPageId(id)) ?? {};
      page[id] = sealValue(session.partitions.get(keyId)!, `summary:${id}`, summaryOf(doc));
      pages.set(indexPageId(id), page);
      puts.push({ id: studentDocId(id), data: doc, keyId }, { id: sessionsDocId(id), data: { sessions }, keyId });
      events.push({ action: 'create', kind: 'student', recordId: id });
      for (const s of sessions) events.push({ action: 'create', kind: 'session', recordId: s.id });
    }
    await session.commit({ puts }, events);
  }
  await session.commit({ puts: [...pages].map(([id, data]) => ({ id, data })) });
  vault.lock('manual');
}

type SearchKind = 'text "zoe"' | 'student ID digits' | 'status filter' | 'sort by name';
const SEARCH_KINDS: SearchKind[] = ['text "zoe"', 'student ID digits', 'status filter', 'sort by name'];

/** The k-th query of a kind: what a mentor types or picks on the caseload screen. */
function searchQuery(kind: SearchKind, k: number, students: number, random: () => number): Partial<CaseloadQuery> {
  switch (kind) {
    case 'text "zoe"':
      return { text: 'zoe' };
    case 'student ID digits': {
      // Four or five digits from the middle of a real student number, as typed from a letter.
      const digits = studentNumberOf(Math.floor(random() * students));
      const from = 1 + (k % 2);
      return { text: digits.slice(from, from + 4 + (k % 2)) };
    }
    case 'status filter':
      return { statuses: k % 2 ? ['referred'] : ['active', 'deferred'], sort: 'updated', direction: 'desc' };
    case 'sort by name':
      return { sort: 'name', direction: k % 2 ? 'desc' : 'asc' };
  }
}

interface SaveDetail {
  ms: number;
  sync: number;
  otherFs: number;
  auditPageKB: number;
}

function fsMsSoFar(): { sync: number; other: number } {
  let sync = 0;
  let other = 0;
  for (const [name, x] of Object.entries(fsTime)) {
    if (name === 'fileSync' || name === 'dirSync') sync += x.ms;
    else other += x.ms;
  }
  return { sync, other };
}

/** Bench-only peek at the audit page every save rewrites (outside the timed part). */
const auditPageOf = (session: Session) => (session.audit as unknown as { page: unknown[] }).page;

interface VaultNumbers {
  /** After a sweep; unsweptMB before it. */
  diskMB: number;
  unsweptMB: number;
  buildS: number;
  unlockKdf: number;
  unlockNoKdf: number;
  firstList: number;
  save: number[];
  profileSave: number[];
  search: Record<SearchKind, { times: number[]; matches: number[] }>;
  saveFs: Record<FsCall, { ms: number; calls: number }>;
  /** Each measured save: its time, the part spent in fsync and in other fs calls, and the audit page it rewrote. */
  saveDetail: SaveDetail[];
  /** The first list's steps (see firstListCost). */
  firstListParts: { read: number; unseal: number; schema: number; searchText: number; sort: number };
  unlockParts: { keyTable: number; store: number; audit: number; keyTableKB: number; auditPageKB: number; auditPageAfterKB: number; sessionsDocKB: number; studentDocKB: number };
  pages: PageCost;
  /** MB per top-level folder or file of the vault. */
  space: Record<string, number>;
}

interface PageCost {
  documents: number;
  pages: number;
  manifestKB: number;
  /** Mean size of an index page file, and of a caseload index page (one of the documents). */
  pageKB: number;
  caseloadPageKB: number;
  /** CPU per index page: JSON + encrypt as a save writes it, decrypt + JSON as an open reads it. */
  write: number;
  read: number;
}

/**
 * What the index pages cost: a save rewrites the one or two pages listing the documents it changed
 * (plus a manifest of 256 object names); an open reads all of them.
 */
async function pageCost(dir: string, dataKey: Buffer): Promise<Omit<PageCost, 'caseloadPageKB'>> {
  const saves = await listManifests(dir);
  const newest = saves[saves.length - 1]!;
  const head = await readManifest(dir, dataKey, newest);
  const manifestKB = (await stat(join(dir, 'manifests', `${String(newest.seq).padStart(12, '0')}-${newest.at}.mdv`))).size / 1024;
  const objects = Object.values(head.pages);
  const files = objects.map((o) => join(dir, 'objects', o.slice(0, 2), `${o}.mdv`));
  let bytes = 0;
  for (const f of files) bytes += (await stat(f)).size;
  const write: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < Math.min(40, objects.length); i++) {
    const object = objects[i]!;
    const raw = await readFile(files[i]!);
    let t = performance.now();
    const page = JSON.parse(decodeEnvelope(raw, dataKey, { kind: 'document', name: object, keyId: DATA_KEY_ID }).toString('utf8')) as unknown;
    read.push(performance.now() - t);
    t = performance.now();
    encodeEnvelope(dataKey, { alg: 'AES-256-GCM', kind: 'document', name: object, keyId: DATA_KEY_ID }, Buffer.from(JSON.stringify(page), 'utf8'));
    write.push(performance.now() - t);
  }
  return { documents: head.documents, pages: objects.length, manifestKB, pageKB: bytes / objects.length / 1024, write: median(write), read: median(read) };
}

/**
 * The steps of the first students:list after unlock, as StudentRecords.caseload and CaseloadIndex
 * take them: read the caseload index pages, unseal each summary, check it against the schema,
 * build its search text, sort by name.
 */
async function firstListCost(store: DocumentStore, partitions: PartitionKeyTable, pageIds: string[]): Promise<VaultNumbers['firstListParts']> {
  let t = performance.now();
  const sealed: [string, string][] = [];
  for (const id of pageIds) sealed.push(...Object.entries((await store.get(id)) as Record<string, string>));
  const read = performance.now() - t;
  t = performance.now();
  const opened = sealed.map(([id, value]) => openValue(partitions.get(studentKeyId(id))!, `summary:${id}`, value));
  const unseal = performance.now() - t;
  t = performance.now();
  const summaries = opened.map((o) => StudentSummary.parse(o));
  const schema = performance.now() - t;
  t = performance.now();
  for (const x of summaries) buildSearchText([x.fullName, x.preferredName, x.studentNumber, x.email, x.phone, x.institution]);
  const searchText = performance.now() - t;
  t = performance.now();
  const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
  [...summaries].sort((a, b) => collator.compare(a.fullName, b.fullName));
  const sort = performance.now() - t;
  return { read, unseal, schema, searchText, sort };
}

async function timeUnlock(dir: string, how: 'passphrase' | 'quick', students: number): Promise<{ unlock: number; list: number }> {
  const t0 = performance.now();
  const backend: Backend = await createBackend({ dataDir: dir, keychain });
  const t1 = performance.now();
  const status = await must<{ state: string }>(how === 'passphrase' ? backend.call('vault:unlock', { passphrase: PASSPHRASE }) : backend.call('vault:quickUnlock', {}));
  const t2 = performance.now();
  if (status.state !== 'unlocked') throw new Error(`unlock gave ${status.state}`);
  const list = await must<unknown[]>(backend.call('students:list', {}));
  const t3 = performance.now();
  if (list.length !== students) throw new Error(`students:list gave ${list.length} students, expected ${students}: the bench's caseload index does not match`);
  await backend.close();
  // With the passphrase the whole createBackend is counted; with quick unlock only the call.
  return { unlock: how === 'passphrase' ? t2 - t0 : t2 - t1, list: t3 - t2 };
}

async function measureVault(dir: string, students: number, now: number): Promise<VaultNumbers> {
  const tBuild = performance.now();
  await buildVault(dir, students, now);
  const buildS = (performance.now() - tBuild) / 1000;

  const kdfRuns: number[] = [];
  for (let i = 0; i < 3; i++) kdfRuns.push((await timeUnlock(dir, 'passphrase', students)).unlock);
  const quick: { unlock: number; list: number }[] = [];
  for (let i = 0; i < 5; i++) quick.push(await timeUnlock(dir, 'quick', students));

  // Where unlock time goes, step by step, with the data key in hand (the fake keychain stores it as is).
  const dataKey = await readFile(join(dir, 'quick-unlock.bin'));
  let t = performance.now();
  const partitions = await PartitionKeyTable.load(dir, dataKey);
  const keyTable = performance.now() - t;
  t = performance.now();
  const store = await DocumentStore.open(dir, dataKey, partitions, systemClock);
  const storeOpen = performance.now() - t;
  t = performance.now();
  await AuditLog.load(store);
  const audit = performance.now() - t;
  const keyTableFile = await stat(join(dir, 'partition-keys.a.mdv'));
  const caseloadPages = store.list('index/students/');
  const firstListParts = await firstListCost(store, partitions, caseloadPages);
  let caseloadBytes = 0;
  for (const id of caseloadPages) caseloadBytes += JSON.stringify(await store.get(id)).length;
  const pages: PageCost = { ...(await pageCost(dir, dataKey)), caseloadPageKB: caseloadBytes / caseloadPages.length / 1024 };
  const auditPages = store.list('audit/').sort();
  const auditPageKB = JSON.stringify(await store.get(auditPages[auditPages.length - 1]!)).length / 1024;
  const studentDocKB = JSON.stringify(await store.get(studentDocId(studentId(0)))).length / 1024;
  const sessionsDocKB = JSON.stringify(await store.get(sessionsDocId(studentId(0)))).length / 1024;
  partitions.wipe();

  // Saves: one session note in one student's sessions document, with its audit entry. The disk
  // first finishes what the build (and the previous case's clean-up) left pending, so the saves
  // are not charged for it.
  settleDisk();
  const random = prng(4242);
  const { vault, session } = await openSession(dir);
  const save: number[] = [];
  const saveDetail: SaveDetail[] = [];
  resetFs();
  for (let k = 0; k < SAVES + 5; k++) {
    const id = studentId(Math.floor(random() * students));
    const which = Math.floor(random() * SESSIONS_PER_STUDENT);
    const note = newNote(random);
    const keyId = studentKeyId(id);
    measureFs(k >= 5);
    const fsBefore = fsMsSoFar();
    const t0 = performance.now();
    const doc = (await session.store.get(sessionsDocId(id))) as { sessions: SessionLog[] };
    const key = session.partitions.get(keyId)!;
    const old = doc.sessions[which]!.note;
    doc.sessions[which]!.note = note;
    const changes = [{ field: 'note', old: `sealed:${sealValue(key, `audit:${id}:note`, old)}`, new: `sealed:${sealValue(key, `audit:${id}:note`, note)}` }];
    await session.commit({ puts: [{ id: sessionsDocId(id), data: doc, keyId }] }, [{ action: 'update', kind: 'session', recordId: doc.sessions[which]!.id, changes }]);
    const elapsed = performance.now() - t0;
    if (k >= 5) {
      save.push(elapsed);
      const fsNow = fsMsSoFar();
      saveDetail.push({ ms: elapsed, sync: fsNow.sync - fsBefore.sync, otherFs: fsNow.other - fsBefore.other, auditPageKB: JSON.stringify(auditPageOf(session)).length / 1024 });
    }
  }
  measureFs(false);
  const saveFs = structuredClone(fsTime);
  vault.lock('manual');

  // Profile saves and searches go through the backend, as the app makes them.
  settleDisk();
  const backend = await quickBackend(dir);
  const profileSave: number[] = [];
  for (let k = 0; k < SAVES + 3; k++) {
    const id = studentId(Math.floor(random() * students));
    const profile = await must<Student>(backend.call('students:get', { id }));
    const draft = Object.fromEntries(DRAFT_FIELDS.map((f) => [f, profile[f]])) as StudentDraft;
    draft.mentorNotes = `${draft.mentorNotes.slice(0, 7000)} Phoned on day ${k}: ${newNote(random).slice(0, 120)}`;
    const t0 = performance.now();
    await must(backend.call('students:update', { id, draft }));
    if (k >= 3) profileSave.push(performance.now() - t0);
  }

  const search = Object.fromEntries(SEARCH_KINDS.map((kind) => [kind, { times: [] as number[], matches: [] as number[] }])) as VaultNumbers['search'];
  for (const kind of SEARCH_KINDS) {
    for (let k = 0; k < SEARCHES + 3; k++) {
      const query = searchQuery(kind, k, students, random);
      const t0 = performance.now();
      const page = await must<CaseloadPage>(backend.call('students:search', query));
      const elapsed = performance.now() - t0;
      if (k >= 3) {
        search[kind].times.push(elapsed);
        search[kind].matches.push(page.total);
      }
    }
  }
  await backend.close();

  const check = await openSession(dir);
  const lastPages = check.session.store.list('audit/').sort();
  const auditPageAfterKB = JSON.stringify(await check.session.store.get(lastPages[lastPages.length - 1]!)).length / 1024;
  const verify = await check.session.store.verify();
  if (verify.problems.length) throw new Error(`the bench vault does not verify: ${JSON.stringify(verify.problems.slice(0, 3))}`);
  // The build's few large saves leave many superseded index and audit pages behind; the app's own
  // sweep (every 200 saves) would remove those no kept backup needs. Size the vault after one.
  const unsweptMB = (await sizeOf(dir)) / 2 ** 20;
  await check.session.store.sweep();
  check.vault.lock('manual');

  const space: Record<string, number> = {};
  for (const name of await readdir(dir)) space[name] = (await sizeOf(join(dir, name))) / 2 ** 20;
  return {
    pages,
    space,
    unsweptMB,
    diskMB: (await sizeOf(dir)) / 2 ** 20,
    buildS,
    unlockKdf: median(kdfRuns),
    unlockNoKdf: median(quick.map((q) => q.unlock)),
    firstList: median(quick.map((q) => q.list)),
    save,
    profileSave,
    search,
    saveFs,
    saveDetail,
    firstListParts,
    unlockParts: { keyTable, store: storeOpen, audit, keyTableKB: keyTableFile.size / 1024, auditPageKB, auditPageAfterKB, studentDocKB, sessionsDocKB },
  };
}

interface PlainNumbers {
  fileMB: number;
  load: number;
  save: number[];
  durableSave: number[];
}

async function measurePlain(dir: string, students: number, now: number): Promise<PlainNumbers> {
  type Data = { settings: Settings; students: (Omit<StudentDocument, 'sessions'> & { sessions: SessionLog[] })[] };
  const file = join(dir, 'plain.json');
  const initial: Data = { settings, students: Array.from({ length: students }, (_, i) => ({ ...makeStudent(i, now), sessions: makeSessions(i, SESSIONS_PER_STUDENT, now) })) };
  await new Low<Data>(new JSONFile<Data>(file), initial).write();
  const fileMB = (await stat(file)).size / 2 ** 20;

  const loads: number[] = [];
  let db!: Low<Data>;
  for (let i = 0; i < 3; i++) {
    db = new Low<Data>(new JSONFile<Data>(file), { settings, students: [] });
    const t0 = performance.now();
    await db.read();
    loads.push(performance.now() - t0);
  }
  const reps = students <= 1000 ? 20 : 8;
  settleDisk();
  const random = prng(4242);
  const save: number[] = [];
  const durableSave: number[] = [];
  for (let k = 0; k < reps + 1; k++) {
    const note = newNote(random);
    const t0 = performance.now();
    db.data.students[Math.floor(random() * students)]!.sessions[Math.floor(random() * SESSIONS_PER_STUDENT)]!.note = note;
    await db.write();
    if (k > 0) save.push(performance.now() - t0);
  }
  for (let k = 0; k < reps + 1; k++) {
    const note = newNote(random);
    const t0 = performance.now();
    db.data.students[Math.floor(random() * students)]!.sessions[Math.floor(random() * SESSIONS_PER_STUDENT)]!.note = note;
    // The same JSON lowdb writes, written durably: temp file, fsync, rename, fsync the folder.
    await writeFileAtomic(join(dir, 'plain-durable.json'), Buffer.from(JSON.stringify(db.data, null, 2), 'utf8'));
    if (k > 0) durableSave.push(performance.now() - t0);
  }
  return { fileMB, load: median(loads), save, durableSave };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

/** Flushes pending writes (and the discards of deleted files) to the disk before a timed part. */
function settleDisk(): void {
  if (process.platform !== 'win32') execFileSync('sync');
}

const tempDirs = new Set<string>();
function removeTempDirsNow(): void {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

async function main(): Promise<void> {
  process.once('SIGINT', () => {
    removeTempDirsNow();
    process.exit(130);
  });
  await installFsTiming();
  const started = performance.now();
  const now = Date.now();
  console.log(`Mentor Desk bench: ${CASES.map(n).join(', ')} students × ${SESSIONS_PER_STUDENT} sessions (~1 KB each), ${SAVES} saves and ${SEARCHES} searches of each kind per case, Node ${process.version}`);
  console.log('(bench-only: session logs are kept in `students/<id>/sessions`, under the student’s key; StudentDocument is strict and has no sessions yet, so they cannot go into `students/<id>` without breaking students:get/update)');

  const kdf: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    (await deriveKey(PASSPHRASE, randomBytes(16), PRODUCTION_SCRYPT)).fill(0);
    kdf.push(performance.now() - t0);
  }
  console.log(`scrypt N=2^17 r=8 p=1 alone: ${ms(median(kdf))} ms (median of 3)\n`);

  const results: { students: number; v: VaultNumbers; p: PlainNumbers }[] = [];
  for (const students of CASES) {
    const dir = await mkdtemp(join(tmpdir(), 'mentor-desk-bench-'));
    tempDirs.add(dir);
    try {
      const vaultDir = join(dir, 'vault');
      const v = await measureVault(vaultDir, students, now);
      await rm(vaultDir, { recursive: true, force: true });
      const p = await measurePlain(dir, students, now);
      results.push({ students, v, p });
      console.log(
        `${n(students * SESSIONS_PER_STUDENT)} sessions / ${n(students)} students: built in ${v.buildS.toFixed(1)} s, ` +
          `save median ${ms(median(v.save))} ms, plain lowdb save ${ms(median(p.save))} ms (${((performance.now() - started) / 1000).toFixed(0)} s so far)`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
      tempDirs.delete(dir);
    }
  }

  const worstSearch = (v: VaultNumbers) => Math.max(...SEARCH_KINDS.map((k) => p95(v.search[k].times)));
  const header = ['sessions (students)', 'vault MB (swept)', 'unlock incl KDF ms', 'unlock excl KDF ms', 'first list ms', 'save med ms', 'save p95 ms', 'profile save med/p95 ms', 'search worst p95 ms', 'lowdb MB', 'lowdb load ms', 'lowdb save ms', 'lowdb fsync save ms', 'ratio lowdb/vault', 'ratio fsync/vault'];
  const rows = results.map(({ students, v, p }) => [
    `${n(students * SESSIONS_PER_STUDENT)} (${n(students)})`,
    v.diskMB.toFixed(1),
    ms(v.unlockKdf),
    ms(v.unlockNoKdf),
    ms(v.firstList),
    ms(median(v.save)),
    ms(p95(v.save)),
    `${ms(median(v.profileSave))} / ${ms(p95(v.profileSave))}`,
    ms(worstSearch(v)),
    p.fileMB.toFixed(1),
    ms(p.load),
    ms(median(p.save)),
    ms(median(p.durableSave)),
    `${(median(p.save) / median(v.save)).toFixed(1)}×`,
    `${(median(p.durableSave) / median(v.save)).toFixed(1)}×`,
  ]);
  console.log(`\n${table([header, ...rows])}`);
  console.log('(save = read one student’s sessions document, change one session note, commit it with its audit entry; profile save = students:update; medians unless marked; warm OS cache)');

  console.log('\nCaseload search (students:search through the backend, first page of 100; ms)');
  const searchRows = results.flatMap(({ students, v }) =>
    SEARCH_KINDS.map((kind) => {
      const s = v.search[kind];
      return [n(students), kind, `${n(Math.min(...s.matches))}–${n(Math.max(...s.matches))}`, ms(median(s.times)), ms(p95(s.times)), ms(Math.max(...s.times))];
    }),
  );
  console.log(table([['students', 'query', 'matches', 'median', 'p95', 'max'], ...searchRows]));

  console.log('\nWhere the time goes');
  for (const { students, v } of results) {
    const count = v.save.length;
    const total = v.save.reduce((a, b) => a + b, 0) / count;
    const parts = (Object.entries(v.saveFs) as [FsCall, { ms: number; calls: number }][]).filter(([, x]) => x.calls > 0);
    const fsMs = parts.reduce((a, [, x]) => a + x.ms, 0) / count;
    const u = v.unlockParts;
    const pg = v.pages;
    console.log(
      `  ${n(students)} students — save (mean ${ms(total)} ms): ` +
        parts.map(([name, x]) => `${name} ${ms(x.ms / count)} ms ×${(x.calls / count).toFixed(1)}`).join(', ') +
        `, CPU and the rest ${ms(total - fsMs)} ms`,
    );
    const slowest = [...v.saveDetail].sort((a, b) => b.ms - a.ms).slice(0, 3);
    const pageKB = v.saveDetail.map((d) => d.auditPageKB);
    console.log(
      `      slowest saves: ${slowest.map((d) => `${ms(d.ms)} ms (fsync ${ms(d.sync)}, other fs ${ms(d.otherFs)}, audit page ${d.auditPageKB.toFixed(0)} KB)`).join('; ')}; ` +
        `audit page written by the saves ${Math.min(...pageKB).toFixed(0)}–${Math.max(...pageKB).toFixed(0)} KB`,
    );
    console.log(
      `      documents: student ${u.studentDocKB.toFixed(1)} KB, sessions ${u.sessionsDocKB.toFixed(1)} KB; current audit page ${u.auditPageKB.toFixed(0)} KB before the saves and ${u.auditPageAfterKB.toFixed(0)} KB after ` +
        `(each save rewrites it; its entries carry the changed text, sealed); caseload index page ${pg.caseloadPageKB.toFixed(1)} KB (a profile save rewrites one)`,
    );
    console.log(
      `      index: ${n(pg.documents)} documents over ${pg.pages} pages of ${pg.pageKB.toFixed(1)} KB each, manifest ${pg.manifestKB.toFixed(1)} KB; ` +
        `per page written by a save: JSON + encrypt ${ms(pg.write)} ms; per page read on open: decrypt + JSON ${ms(pg.read)} ms`,
    );
    const f = v.firstListParts;
    console.log(`      unlock after the KDF: key table ${ms(u.keyTable)} ms (${u.keyTableKB.toFixed(0)} KB), manifest + ${pg.pages} index pages ${ms(u.store)} ms, audit page ${ms(u.audit)} ms`);
    console.log(
      `      first list ${ms(v.firstList)} ms: read ${caseloadPagesOf(students)} caseload index pages ${ms(f.read)} ms, unseal ${n(students)} summaries ${ms(f.unseal)} ms, ` +
        `schema ${ms(f.schema)} ms, search text ${ms(f.searchText)} ms, sort by name ${ms(f.sort)} ms`,
    );
    const space = Object.entries(v.space).filter(([, mb]) => mb >= 0.05).sort((a, b) => b[1] - a[1]);
    console.log(`      on disk after a sweep (${v.unsweptMB.toFixed(1)} MB before): ${space.map(([name, mb]) => `${name} ${mb.toFixed(1)} MB`).join(', ')}`);
  }

  const target = results.find((r) => r.students === TARGET_STUDENTS) ?? results[results.length - 1];
  if (target) {
    const { v, p } = target;
    const upToTarget = results.filter((r) => r.students <= target.students);
    const worstSave = Math.max(...upToTarget.map((r) => p95(r.v.save)));
    const checks: [string, boolean, string][] = [
      [`one save under ${TARGET_SAVE_MS} ms (p95, every case up to ${n(target.students)} students)`, worstSave < TARGET_SAVE_MS, `worst ${ms(worstSave)} ms`],
      [`profile save (students:update) under ${TARGET_SAVE_MS} ms (p95)`, p95(v.profileSave) < TARGET_SAVE_MS, `${ms(p95(v.profileSave))} ms`],
      [`≥${TARGET_RATIO}× faster than plain lowdb (as is)`, median(p.save) / median(v.save) >= TARGET_RATIO, `${(median(p.save) / median(v.save)).toFixed(1)}×`],
      [`≥${TARGET_RATIO}× faster than plain lowdb written durably`, median(p.durableSave) / median(v.save) >= TARGET_RATIO, `${(median(p.durableSave) / median(v.save)).toFixed(1)}×`],
      [`unlock after the KDF under ${TARGET_UNLOCK_MS} ms`, v.unlockNoKdf < TARGET_UNLOCK_MS, `${ms(v.unlockNoKdf)} ms`],
      [`unlock after the KDF plus the first list under ${TARGET_UNLOCK_MS} ms`, v.unlockNoKdf + v.firstList < TARGET_UNLOCK_MS, `${ms(v.unlockNoKdf + v.firstList)} ms`],
      ...SEARCH_KINDS.map((kind): [string, boolean, string] => [`search (${kind}) under ${TARGET_SEARCH_MS} ms (p95)`, p95(v.search[kind].times) < TARGET_SEARCH_MS, `${ms(p95(v.search[kind].times))} ms`]),
    ];
    console.log(`\nTargets at ${n(target.students * SESSIONS_PER_STUDENT)} sessions / ${n(target.students)} students`);
    for (const [what, ok, value] of checks) console.log(`  ${ok ? 'met   ' : 'MISSED'} ${what}: ${value}`);
  }
  if (process.env.BENCH_EXPORTS !== '0') await benchExports();
  console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await main();
  } finally {
    removeTempDirsNow();
  }
}
