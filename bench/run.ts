/**
 * `npm run bench`: what unlocking and saving cost as the records pile up, against one plain lowdb
 * JSON file holding the same records.
 *
 * Each case builds a vault of N students with 10 session logs each (~1 KB of text per log, kept
 * in the student's own encrypted document, with one audit entry per student and per session), then
 * measures, with warm OS caches:
 *   - unlock incl. KDF: a fresh createBackend + vault:unlock with the production scrypt (N=2^17);
 *   - unlock excl. KDF: a fresh createBackend + vault:quickUnlock with an in-memory keychain
 *     (encrypt/decrypt = identity), i.e. everything unlock does after the data key is unwrapped:
 *     key table, newest manifest, audit page, settings. The KDF alone is timed too, as a check;
 *   - first list: the students:list a caseload screen makes right after unlock;
 *   - save: change one session's note in one student's document through session.commit (read the
 *     document, change it, commit it with its audit entry): median and p95 of BENCH_SAVES saves;
 *   - profile save: the same plus the caseload index, as students:update does.
 * Plain lowdb: one JSON file with everything (lowdb's JSONFile, which does not fsync), its load and
 * a one-note save; and the same JSON written durably (temp file, fsync, rename, fsync folder).
 *
 * Options (environment): BENCH_CASES=100,1000,5000,10000 (students), BENCH_SAVES=50.
 * There is no sessions API yet, so documents are written straight through the store; the student
 * key table is filled in one write (a bench-only shortcut) instead of one write per student.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { fsTime, installFsTiming, measureFs, resetFs, type FsCall } from './fsTiming';
import { makeStudent, newNote, prng, studentId, type StudentDocument } from './data';
import { createBackend, type Backend } from '../electron/main/backend/index';
import { systemClock } from '../electron/main/backend/clock';
import type { Keychain } from '../electron/main/backend/keychain';
import { AuditLog, type AuditEvent } from '../electron/main/backend/audit/auditLog';
import { studentKeyId } from '../electron/main/backend/records/students';
import { deriveKey, PRODUCTION_SCRYPT, randomKey } from '../electron/main/backend/vault/crypto';
import { writeFileAtomic } from '../electron/main/backend/vault/durable';
import { PartitionKeyTable } from '../electron/main/backend/vault/partitions';
import { sealValue } from '../electron/main/backend/vault/sealedValue';
import { encodeEnvelope } from '../electron/main/backend/vault/envelope';
import { DocumentStore, listManifests, Manifest, readManifest, type Put } from '../electron/main/backend/vault/store';
import { Vault, type Session } from '../electron/main/backend/vault/vault';
import type { Settings } from '../shared/schemas/settings';

const PASSPHRASE = 'Bench-Marmalade-Tortoise-Lantern-61';
const SESSIONS_PER_STUDENT = 10;
const BATCH = 250;
const CASES = (process.env.BENCH_CASES ?? '100,1000,5000,10000').split(',').map(Number);
const SAVES = Number(process.env.BENCH_SAVES ?? 50);
const TARGET_SAVE_MS = 20;
const TARGET_UNLOCK_MS = 500;
const TARGET_RATIO = 5;
const INDEX_ID = 'index/students';

/** Stands in for the OS keychain so quick unlock can time an unlock without the KDF. */
const keychain: Keychain = { encrypt: (b) => Uint8Array.from(b), decrypt: (b) => Uint8Array.from(b) };
const settings: Settings = { mentorName: 'Bench Mentor', providerName: 'Bench Provider', mentorEmail: 'mentor@example.org', autoLockMinutes: 30, region: 'england-and-wales' };

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (i - lo);
}
const ms = (x: number) => (Number.isNaN(x) ? '-' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));

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

const summaryOf = (doc: StudentDocument) => ({ id: doc.profile.id, fullName: doc.profile.fullName, preferredName: doc.profile.preferredName, studentNumber: doc.profile.studentNumber, updatedAt: doc.profile.updatedAt });

/** A vault of `students` students with their sessions, written in a few large saves. */
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

  const index: Record<string, string> = {};
  for (let first = 0; first < students; first += BATCH) {
    const puts: Put[] = [];
    const events: AuditEvent[] = [];
    for (let i = first; i < Math.min(students, first + BATCH); i++) {
      const doc = makeStudent(i, SESSIONS_PER_STUDENT, now);
      const keyId = studentKeyId(doc.profile.id);
      index[doc.profile.id] = sealValue(session.partitions.get(keyId)!, `summary:${doc.profile.id}`, summaryOf(doc));
      puts.push({ id: `students/${doc.profile.id}`, data: doc, keyId });
      events.push({ action: 'create', kind: 'student', recordId: doc.profile.id });
      for (const s of doc.sessions) events.push({ action: 'create', kind: 'session', recordId: s.id });
    }
    await session.commit({ puts }, events);
  }
  await session.commit({ puts: [{ id: INDEX_ID, data: index }] });
  vault.lock('manual');
}

interface VaultNumbers {
  diskMB: number;
  buildS: number;
  unlockKdf: number;
  unlockNoKdf: number;
  firstList: number;
  save: number[];
  profileSave: number[];
  saveFs: Record<FsCall, { ms: number; calls: number }>;
  unlockParts: { keyTable: number; manifest: number; audit: number; keyTableKB: number; manifestKB: number; indexKB: number; auditPageKB: number; auditPageAfterKB: number };
  /** CPU a save spends on the manifest, which names every document and is rewritten by every save. */
  manifestCpu: { copy: number; stringify: number; encrypt: number; parse: number; entries: number };
  /** MB per top-level folder or file of the vault. */
  space: Record<string, number>;
}

/** Times the manifest work of one save (copy the document table, JSON, encrypt) and of one open (JSON + schema). */
async function manifestCost(dir: string, dataKey: Buffer): Promise<VaultNumbers['manifestCpu']> {
  const saves = await listManifests(dir);
  const head = await readManifest(dir, dataKey, saves[saves.length - 1]!);
  const runs = { copy: [] as number[], stringify: [] as number[], encrypt: [] as number[], parse: [] as number[] };
  for (let i = 0; i < 15; i++) {
    let t = performance.now();
    const next = { ...head, seq: head.seq + 1, docs: { ...head.docs }, blobs: { ...head.blobs } };
    runs.copy.push(performance.now() - t);
    t = performance.now();
    const json = JSON.stringify(next);
    runs.stringify.push(performance.now() - t);
    t = performance.now();
    encodeEnvelope(dataKey, { alg: 'AES-256-GCM', kind: 'manifest', name: `manifest-${next.seq}`, keyId: 'data' }, Buffer.from(json, 'utf8'));
    runs.encrypt.push(performance.now() - t);
    t = performance.now();
    Manifest.parse(JSON.parse(json));
    runs.parse.push(performance.now() - t);
  }
  return { copy: median(runs.copy), stringify: median(runs.stringify), encrypt: median(runs.encrypt), parse: median(runs.parse), entries: Object.keys(head.docs).length };
}

async function timeUnlock(dir: string, how: 'passphrase' | 'quick'): Promise<{ unlock: number; list: number }> {
  const t0 = performance.now();
  const backend: Backend = await createBackend({ dataDir: dir, keychain });
  const t1 = performance.now();
  const status = await must<{ state: string }>(how === 'passphrase' ? backend.call('vault:unlock', { passphrase: PASSPHRASE }) : backend.call('vault:quickUnlock', {}));
  const t2 = performance.now();
  if (status.state !== 'unlocked') throw new Error(`unlock gave ${status.state}`);
  await must(backend.call('students:list', {}));
  const t3 = performance.now();
  await backend.close();
  // With the passphrase the whole createBackend is counted; with quick unlock only the call.
  return { unlock: how === 'passphrase' ? t2 - t0 : t2 - t1, list: t3 - t2 };
}

async function measureVault(dir: string, students: number, now: number): Promise<VaultNumbers> {
  const tBuild = performance.now();
  await buildVault(dir, students, now);
  const buildS = (performance.now() - tBuild) / 1000;

  const kdfRuns: number[] = [];
  for (let i = 0; i < 3; i++) kdfRuns.push((await timeUnlock(dir, 'passphrase')).unlock);
  const quick: { unlock: number; list: number }[] = [];
  for (let i = 0; i < 5; i++) quick.push(await timeUnlock(dir, 'quick'));

  // Where unlock time goes, step by step, with the data key in hand (the fake keychain stores it as is).
  const dataKey = await readFile(join(dir, 'quick-unlock.bin'));
  let t = performance.now();
  const partitions = await PartitionKeyTable.load(dir, dataKey);
  const keyTable = performance.now() - t;
  t = performance.now();
  const store = await DocumentStore.open(dir, dataKey, partitions, systemClock);
  const manifest = performance.now() - t;
  t = performance.now();
  await AuditLog.load(store);
  const audit = performance.now() - t;
  const manifests = (await readdir(join(dir, 'manifests'))).filter((n) => n.endsWith('.mdv')).sort();
  const newestManifest = await stat(join(dir, 'manifests', manifests[manifests.length - 1]!));
  const keyTableFile = await stat(join(dir, 'partition-keys.a.mdv'));
  const indexKB = JSON.stringify(await store.get(INDEX_ID)).length / 1024;
  const manifestCpu = await manifestCost(dir, dataKey);
  const pages = store.list('audit/').sort();
  const auditPageKB = JSON.stringify(await store.get(pages[pages.length - 1]!)).length / 1024;
  partitions.wipe();

  // Saves: one session note in one student's document, with its audit entry.
  const { vault, session } = await openSession(dir);
  const random = prng(4242);
  const save: number[] = [];
  resetFs();
  for (let k = 0; k < SAVES + 5; k++) {
    const id = studentId(Math.floor(random() * students));
    const which = Math.floor(random() * SESSIONS_PER_STUDENT);
    const note = newNote(random);
    const keyId = studentKeyId(id);
    measureFs(k >= 5);
    const t0 = performance.now();
    const doc = (await session.store.get(`students/${id}`)) as StudentDocument;
    const key = session.partitions.get(keyId)!;
    const old = doc.sessions[which]!.note;
    doc.sessions[which]!.note = note;
    const changes = [{ field: 'note', old: `sealed:${sealValue(key, `audit:${id}:note`, old)}`, new: `sealed:${sealValue(key, `audit:${id}:note`, note)}` }];
    await session.commit({ puts: [{ id: `students/${id}`, data: doc, keyId }] }, [{ action: 'update', kind: 'session', recordId: doc.sessions[which]!.id, changes }]);
    if (k >= 5) save.push(performance.now() - t0);
  }
  measureFs(false);
  const saveFs = structuredClone(fsTime);

  // A profile save, as students:update makes it: the student's document and the caseload index.
  const profileSave: number[] = [];
  for (let k = 0; k < 23; k++) {
    const id = studentId(Math.floor(random() * students));
    const keyId = studentKeyId(id);
    const t0 = performance.now();
    const doc = (await session.store.get(`students/${id}`)) as StudentDocument;
    const key = session.partitions.get(keyId)!;
    doc.profile = { ...doc.profile, preferredName: `P${k}`, updatedAt: Date.now() };
    const index = (await session.store.get(INDEX_ID)) as Record<string, string>;
    index[id] = sealValue(key, `summary:${id}`, summaryOf(doc));
    const changes = [{ field: 'preferredName', old: `sealed:${sealValue(key, `audit:${id}:preferredName`, 'x')}`, new: `sealed:${sealValue(key, `audit:${id}:preferredName`, `P${k}`)}` }];
    await session.commit({ puts: [{ id: `students/${id}`, data: doc, keyId }, { id: INDEX_ID, data: index }] }, [{ action: 'update', kind: 'student', recordId: id, changes }]);
    if (k >= 3) profileSave.push(performance.now() - t0);
  }
  const lastPages = session.store.list('audit/').sort();
  const auditPageAfterKB = JSON.stringify(await session.store.get(lastPages[lastPages.length - 1]!)).length / 1024;
  const verify = await session.store.verify();
  if (verify.problems.length) throw new Error(`the bench vault does not verify: ${JSON.stringify(verify.problems.slice(0, 3))}`);
  vault.lock('manual');

  const space: Record<string, number> = {};
  for (const name of await readdir(dir)) space[name] = (await sizeOf(join(dir, name))) / 2 ** 20;
  return {
    manifestCpu,
    space,
    diskMB: (await sizeOf(dir)) / 2 ** 20,
    buildS,
    unlockKdf: median(kdfRuns),
    unlockNoKdf: median(quick.map((q) => q.unlock)),
    firstList: median(quick.map((q) => q.list)),
    save,
    profileSave,
    saveFs,
    unlockParts: { keyTable, manifest, audit, keyTableKB: keyTableFile.size / 1024, manifestKB: newestManifest.size / 1024, indexKB, auditPageKB, auditPageAfterKB },
  };
}

interface PlainNumbers {
  fileMB: number;
  load: number;
  save: number[];
  durableSave: number[];
}

async function measurePlain(dir: string, students: number, now: number): Promise<PlainNumbers> {
  type Data = { settings: Settings; students: StudentDocument[] };
  const file = join(dir, 'plain.json');
  const initial: Data = { settings, students: Array.from({ length: students }, (_, i) => makeStudent(i, SESSIONS_PER_STUDENT, now)) };
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

async function main(): Promise<void> {
  await installFsTiming();
  const started = performance.now();
  const now = Date.now();
  console.log(`Mentor Desk bench: ${CASES.join(', ')} students × ${SESSIONS_PER_STUDENT} sessions (~1 KB each), ${SAVES} saves per case, Node ${process.version}`);

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
    try {
      const vaultDir = join(dir, 'vault');
      const v = await measureVault(vaultDir, students, now);
      await rm(vaultDir, { recursive: true, force: true });
      const p = await measurePlain(dir, students, now);
      results.push({ students, v, p });
      console.log(
        `${(students * SESSIONS_PER_STUDENT).toLocaleString('en-GB')} sessions / ${students.toLocaleString('en-GB')} students: built in ${v.buildS.toFixed(1)} s, ` +
          `save median ${ms(median(v.save))} ms, plain lowdb save ${ms(median(p.save))} ms (${((performance.now() - started) / 1000).toFixed(0)} s so far)`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  const header = ['sessions (students)', 'vault MB', 'unlock incl KDF ms', 'unlock excl KDF ms', 'first list ms', 'save med ms', 'save p95 ms', 'profile save med/p95 ms', 'lowdb MB', 'lowdb load ms', 'lowdb save ms', 'lowdb fsync save ms', 'ratio lowdb/vault', 'ratio fsync/vault'];
  const rows = results.map(({ students, v, p }) => [
    `${(students * SESSIONS_PER_STUDENT).toLocaleString('en-GB')} (${students.toLocaleString('en-GB')})`,
    v.diskMB.toFixed(1),
    ms(v.unlockKdf),
    ms(v.unlockNoKdf),
    ms(v.firstList),
    ms(median(v.save)),
    ms(quantile(v.save, 0.95)),
    `${ms(median(v.profileSave))} / ${ms(quantile(v.profileSave, 0.95))}`,
    p.fileMB.toFixed(1),
    ms(p.load),
    ms(median(p.save)),
    ms(median(p.durableSave)),
    `${(median(p.save) / median(v.save)).toFixed(1)}×`,
    `${(median(p.durableSave) / median(v.save)).toFixed(1)}×`,
  ]);
  console.log(`\n${table([header, ...rows])}`);
  console.log('(save = read one student document, change one session note, commit it with its audit entry; medians unless marked; warm OS cache)');

  console.log('\nWhere the time goes');
  for (const { students, v } of results) {
    const n = v.save.length;
    const total = v.save.reduce((a, b) => a + b, 0) / n;
    const parts = (Object.entries(v.saveFs) as [FsCall, { ms: number; calls: number }][]).filter(([, x]) => x.calls > 0);
    const fsMs = parts.reduce((a, [, x]) => a + x.ms, 0) / n;
    const u = v.unlockParts;
    console.log(
      `  ${students.toLocaleString('en-GB')} students — save (mean ${ms(total)} ms): ` +
        parts.map(([name, x]) => `${name} ${ms(x.ms / n)} ms ×${(x.calls / n).toFixed(1)}`).join(', ') +
        `, CPU and the rest ${ms(total - fsMs)} ms; manifest ${u.manifestKB.toFixed(0)} KB, current audit page ${u.auditPageKB.toFixed(0)} KB before the saves and ${u.auditPageAfterKB.toFixed(0)} KB after (each save rewrites it; its entries carry the note's old and new text, sealed), caseload index ${u.indexKB.toFixed(0)} KB (rewritten by a profile save)`,
    );
    const m = v.manifestCpu;
    console.log(`      manifest CPU per save (${m.entries.toLocaleString('en-GB')} entries): copy ${ms(m.copy)} ms, JSON ${ms(m.stringify)} ms, encrypt ${ms(m.encrypt)} ms; on open: JSON + schema ${ms(m.parse)} ms`);
    console.log(`      unlock after the KDF: key table ${ms(u.keyTable)} ms (${u.keyTableKB.toFixed(0)} KB), newest manifest ${ms(u.manifest)} ms, audit page ${ms(u.audit)} ms`);
    const space = Object.entries(v.space).filter(([, mb]) => mb >= 0.05).sort((a, b) => b[1] - a[1]);
    console.log(`      on disk: ${space.map(([name, mb]) => `${name} ${mb.toFixed(1)} MB`).join(', ')}`);
  }

  const target = results.find((r) => r.students === 10_000) ?? results[results.length - 1]!;
  if (target) {
    const { v, p } = target;
    const checks = [
      [`one save under ${TARGET_SAVE_MS} ms (p95)`, quantile(v.save, 0.95) < TARGET_SAVE_MS, `${ms(quantile(v.save, 0.95))} ms`],
      [`≥${TARGET_RATIO}× faster than plain lowdb (as is)`, median(p.save) / median(v.save) >= TARGET_RATIO, `${(median(p.save) / median(v.save)).toFixed(1)}×`],
      [`≥${TARGET_RATIO}× faster than plain lowdb written durably`, median(p.durableSave) / median(v.save) >= TARGET_RATIO, `${(median(p.durableSave) / median(v.save)).toFixed(1)}×`],
      [`unlock after the KDF under ${TARGET_UNLOCK_MS} ms`, v.unlockNoKdf < TARGET_UNLOCK_MS, `${ms(v.unlockNoKdf)} ms`],
      [`unlock after the KDF plus the first list under ${TARGET_UNLOCK_MS} ms`, v.unlockNoKdf + v.firstList < TARGET_UNLOCK_MS, `${ms(v.unlockNoKdf + v.firstList)} ms`],
    ] as const;
    console.log(`\nTargets at ${(target.students * SESSIONS_PER_STUDENT).toLocaleString('en-GB')} sessions / ${target.students.toLocaleString('en-GB')} students`);
    for (const [what, ok, value] of checks) console.log(`  ${ok ? 'met   ' : 'MISSED'} ${what}: ${value}`);
  }
  console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
