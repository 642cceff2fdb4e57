import { spawn, type ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/main/backend/index';
import { systemClock } from '../../../electron/main/backend/clock';
import { Vault } from '../../../electron/main/backend/vault/vault';
import { studentKeyId } from '../../../electron/main/backend/records/students';
import { Settings, defaultSettings } from '../../../shared/schemas/settings';
import type { Student, StudentDraft } from '../../../shared/schemas/student';
import { PASSPHRASE, TEST_KDF, removeDir, tempDir } from '../helpers';
import { prng } from '../../support/prng';
import type { ChildConfig, OpKind } from './crash-child';

/**
 * The durability promise, tested the hard way: a child process saves records one after another
 * and says "ack" only once a save has resolved; this process kills it with SIGKILL at ~40 points
 * (at exact file-system steps of each kind of save, after a random number of acks plus a random
 * delay, during unlock, in the middle of the sweep that runs after 200 saves), then opens the
 * same vault in-process and checks that every acknowledged save is there with its content, that
 * the vault opens undamaged and verifies, and that the audit chain is whole and counts exactly the
 * saves that landed. The same folder is reused across kills, so damage would accumulate.
 *
 * SIGKILL ends the process but not the OS: data already handed to the kernel survives. So this
 * checks the order of writes and renames (torn temp files, half-made saves, a crash between the
 * two copies of a key table), not what fsync protects against a power cut.
 *
 * Replay a failing run with CRASH_SEED=<the seed it printed>.
 */
const SEED = Number(process.env.CRASH_SEED) || (Date.now() & 0x7fffffff);
const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

type SelfKill = NonNullable<ChildConfig['selfKill']>;
type Plan =
  | { label: string; self: SelfKill; maxOps?: number }
  | { label: string; afterAcks: number; delayMs: number; maxOps?: number }
  | { label: string; afterGoMs: number };


/** The kill points: deterministic steps first (each kind of save), then timed ones. */
function plans(random: () => number): Plan[] {
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const at = (op: OpKind, when: SelfKill['when'], step: SelfKill['step'], count: number, afterAcks = int(0, 4)): Plan => ({
    label: `${op}: ${when} ${step} #${count}`,
    self: { op, afterAcks, when, step, count },
  });
  const out: Plan[] = [
    // First run. vault:create writes manifest 1, keyring.json, keyring.copy.json, then its first save.
    at('vault-create', 'before', 'rename', 1, 0), // only a temp manifest exists: still "new"
    at('vault-create', 'torn', 'writeFile', 1, 0), // a torn temp manifest: still "new"
    at('vault-create', 'before', 'rename', 3, 0), // keyring.json in place, its copy not: a vault with no saves yet
  ];
  // Each save renames, in order: its documents, the index pages that list them, the manifest (and a
  // create or delete also rewrites the two key-table copies). The counts below walk through them.
  // students:create: key table A, key table B, student doc, caseload index page, audit page, index pages, manifest.
  for (let k = 1; k <= 6; k++) out.push(at('create', 'before', 'rename', k));
  out.push(at('create', 'after', 'rename', 6), at('create', 'torn', 'writeFile', 3));
  // students:update: student doc, caseload index page, audit page, index pages, manifest.
  for (let k = 1; k <= 4; k++) out.push(at('update', 'before', 'rename', k));
  out.push(at('update', 'after', 'rename', 4), at('update', 'after', 'sync', 4));
  // settings:save: settings doc, audit page, index pages, manifest.
  out.push(at('settings', 'before', 'rename', 3), at('settings', 'after', 'rename', 3), at('settings', 'torn', 'writeFile', 3));
  // students:delete: key table A, B (erasure begun); caseload index page, audit page, index pages,
  // manifest; then the student's key is destroyed (key table A, B).
  out.push(at('delete', 'before', 'rename', 3), at('delete', 'after', 'rename', 3), at('delete', 'before', 'rename', 5), at('delete', 'after', 'rename', 5));
  // Once more than 20 saves exist, each save deletes the oldest manifest no longer kept.
  out.push(at('create', 'before', 'unlink', 1), at('update', 'after', 'unlink', 1));
  // Timed kills: after a random number of acks plus a random delay, anywhere in a save.
  for (let i = 0; i < 10; i++) {
    const afterAcks = int(0, 12);
    const delayMs = int(0, 12);
    out.push({ label: `timed: ${delayMs} ms after ack ${afterAcks}`, afterAcks, delayMs });
  }
  // During opening and unlocking (which may repair a key table left out of step).
  for (let i = 0; i < 3; i++) {
    const afterGoMs = int(0, 40);
    out.push({ label: `timed: ${afterGoMs} ms into startup`, afterGoMs });
  }
  // After 200 saves a sweep deletes unreferenced files while saves go on.
  const afterAcks = int(200, 206);
  const delayMs = int(0, 20);
  out.push({ label: `timed: around the sweep, ${delayMs} ms after ack ${afterAcks}`, afterAcks, delayMs });
  return out;
}

interface Running {
  proc: ChildProcess;
  lines: string[];
  stderr: string[];
  loaded: Promise<void>;
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  onLine(listener: (line: string) => void): void;
}

function spawnChild(config: ChildConfig): Running {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: REPO,
    env: { ...process.env, CRASH_CONFIG: JSON.stringify(config) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(proc);
  const lines: string[] = [];
  const stderr: string[] = [];
  const listeners: ((line: string) => void)[] = [];
  let markLoaded!: () => void;
  const loaded = new Promise<void>((resolve) => (markLoaded = resolve));
  const out = createInterface({ input: proc.stdout! });
  out.on('line', (line) => {
    lines.push(line);
    if (line === 'loaded') markLoaded();
    for (const l of listeners) l(line);
  });
  proc.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  const outClosed = new Promise<void>((resolve) => out.on('close', () => resolve()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  // Resolve once the process is gone and every line it printed has been read.
  const closed = Promise.all([exited, outClosed]).then(([e]) => e);
  void exited.then(() => markLoaded());
  proc.stdin!.on('error', () => undefined);
  return { proc, lines, stderr, loaded, closed, onLine: (l) => listeners.push(l) };
}

interface Pending {
  n: number;
  kind: OpKind;
  payload: Record<string, unknown>;
}

/** What the vault must hold: everything acknowledged so far. */
class Model {
  students = new Map<string, StudentDraft>();
  settings: Settings = defaultSettings;
  erased = new Set<string>();
  vaultExists = false;
  audit = 0;

  apply(p: Pending, id: string): void {
    switch (p.kind) {
      case 'vault-create':
        this.vaultExists = true;
        break;
      case 'create':
        this.students.set(id, p.payload as unknown as StudentDraft);
        break;
      case 'update':
        this.students.set(p.payload.id as string, p.payload.draft as StudentDraft);
        break;
      case 'delete':
        this.students.delete(p.payload.id as string);
        this.erased.add(p.payload.id as string);
        break;
      case 'settings':
        this.settings = Settings.parse(p.payload);
        break;
    }
    this.audit += 1;
  }
}

const draftOf = (s: Student): Pick<StudentDraft, 'fullName' | 'preferredName' | 'studentNumber' | 'email'> => ({ fullName: s.fullName, preferredName: s.preferredName, studentNumber: s.studentNumber, email: s.email });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

const dirs: string[] = [];
const children = new Set<ChildProcess>();
afterAll(async () => {
  // A failed test may leave the next child waiting for "go": end it (only children started here).
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) await removeDir(d);
});

describe('a crash at any point keeps every acknowledged save', () => {
  it('survives repeated SIGKILLs: acknowledged saves present, vault opens and verifies, audit chain whole', async () => {
    const started = performance.now();
    const random = prng(SEED);
    const dir = await tempDir();
    dirs.push(dir);
    const schedule = plans(random);
    const model = new Model();
    const notes = { landedUnacknowledged: 0, keysLeft: new Set<string>(), fallbackKills: 0, acknowledged: 0 };
    console.log(`crash test seed ${SEED} (replay with CRASH_SEED=${SEED}), ${schedule.length} planned kill points`);

    const configFor = (i: number): ChildConfig => {
      const plan = schedule[i]!;
      return { dir, run: i + 1, seed: Math.floor(random() * 2 ** 31), ...('self' in plan ? { selfKill: plan.self } : {}) };
    };

    let killPoints = 0;
    let next = spawnChild(configFor(0));
    for (let i = 0; i < schedule.length; i++) {
      const plan = schedule[i]!;
      const child = next;
      await child.loaded;
      let pending: Pending | null = null;
      let acked = 0;
      const kill = () => child.proc.kill('SIGKILL');
      const afterAcks = 'afterAcks' in plan ? plan.afterAcks : null;
      child.onLine((line) => {
        const [word, n, a, ...rest] = line.split(' ');
        if (word === 'begin') pending = { n: Number(n), kind: a as OpKind, payload: JSON.parse(rest.join(' ')) };
        // "after ack 0": once the vault is open, as the first save starts.
        if (word === 'ready' && afterAcks === 0) setTimeout(kill, (plan as { delayMs: number }).delayMs);
        if (word === 'ack') {
          expect(pending?.n, `ack without its begin: ${line}`).toBe(Number(n));
          model.apply(pending!, a!);
          pending = null;
          acked += 1;
          if (afterAcks !== null && afterAcks > 0 && acked === afterAcks) setTimeout(kill, (plan as { delayMs: number }).delayMs);
        }
      });
      child.proc.stdin!.write('go\n');
      if ('afterGoMs' in plan) setTimeout(kill, plan.afterGoMs);
      // A plan that cannot fire (it never should) is still ended, and said so.
      const fallback = setTimeout(() => {
        notes.fallbackKills += 1;
        kill();
      }, 30_000);
      const exit = await child.closed;
      clearTimeout(fallback);
      // Start loading the next child while this one's leftovers are checked.
      if (i + 1 < schedule.length) next = spawnChild(configFor(i + 1));

      const context = `kill point ${i + 1} (${plan.label}), seed ${SEED}\n${child.lines.slice(-6).join('\n')}\n${child.stderr.join('').slice(-2000)}`;
      expect(exit.signal, `the child should have died by SIGKILL: ${context}`).toBe('SIGKILL');
      expect(child.lines.some((l) => l.startsWith('fail')), context).toBe(false);
      killPoints += 1;
      notes.acknowledged += acked;
      await checkVault(dir, model, pending, notes, context);
    }

    // Backups (earlier saves kept) are reported, not asserted here: see the sweep test below.
    const backups = await checkBackups(dir);
    // Files left behind by kills: temp files are swept later; none may hold plaintext (no-plaintext.test.ts).
    const leftovers = (await filesUnder(dir)).filter((f) => f.endsWith('.tmp')).map((f) => relative(dir, f));
    const byFolder = new Map<string, number>();
    for (const f of leftovers) {
      const folder = f.includes('/') ? f.slice(0, f.indexOf('/')) : '(top level)';
      byFolder.set(folder, (byFolder.get(folder) ?? 0) + 1);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`kill points: ${killPoints}`);
    console.log(
      `crash test: ${seconds} s, ${notes.acknowledged} acknowledged saves, ${model.students.size} students at the end, ${model.audit} audit entries, ` +
        `${notes.landedUnacknowledged} saves landed without their ack, ${leftovers.length} temp files left by kills (${[...byFolder].map(([f, n]) => `${f} ${n}`).join(', ')}), ` +
        `${notes.keysLeft.size} erasures whose key survived a crash before the ack, ${notes.fallbackKills} fallback kills; ` +
        `${backups.checked} backups kept, ${backups.damaged.length} of them damaged${backups.damaged.length ? ` (${backups.damaged.join('; ')})` : ''}`,
    );
    expect(killPoints).toBeGreaterThanOrEqual(30);
    expect(notes.fallbackKills).toBe(0);
  }, 240_000);
});

/** Decrypts every document of every kept backup. */
describe('backups stay whole while saves go on', () => {
  /**
   * BUG, reported, not yet fixed (so this is marked as failing): DocumentStore.sweep() reads the
   * backups kept when it starts, then takes the save queue to delete. A save that lands in between
   * turns the previous current state into a kept backup that the sweep never read, and the sweep
   * deletes that backup's files. The store runs this sweep by itself after every 200 saves, while
   * saves go on. Once fixed, vitest reports this test as passing unexpectedly: change `it.fails` to `it`.
   */
  it('a sweep that runs while a save lands deletes no file a kept backup needs', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const vault = await Vault.load({ dir, clock: systemClock, kdf: TEST_KDF });
    await vault.create(PASSPHRASE);
    const { store, commit } = vault.requireSession();
    for (let i = 0; i < 25; i++) await commit({ puts: [{ id: 'notes/one', data: { version: i } }] });
    const sweeping = store.sweep();
    await commit({ puts: [{ id: 'notes/one', data: { version: 'saved during the sweep' } }] });
    await sweeping;
    for (const b of store.backups()) expect((await store.verify(b.seq)).problems, `backup ${b.seq}`).toEqual([]);
    vault.lock('manual');
  });
});

describe('an interrupted erasure', () => {
  /**
   * students:delete marks the student's key for erasure, saves the deletion, then destroys the
   * key. These reproduce a crash between those steps (the state a SIGKILL there leaves) and check
   * the next unlock finishes or cancels the erasure.
   */
  async function vaultWithStudent() {
    const dir = await tempDir();
    dirs.push(dir);
    const backend = await createBackend({ dataDir: dir, kdf: TEST_KDF });
    await backend.call('vault:create', { passphrase: PASSPHRASE });
    const created = await backend.call('students:create', { fullName: 'Quillon Zephyrine' });
    if (!created.ok) throw new Error(created.error.message);
    await backend.close();
    const vault = await Vault.load({ dir, clock: systemClock, kdf: TEST_KDF });
    await vault.unlock(PASSPHRASE);
    return { dir, vault, id: (created.data as Student).id };
  }

  it('a crash after the deletion was saved but before the key was destroyed: the key is destroyed on the next unlock', async () => {
    const { dir, vault, id } = await vaultWithStudent();
    const { partitions, store, commit } = vault.requireSession();
    await partitions.beginErasure(studentKeyId(id));
    await commit({ deletes: store.list(`students/${id}`) });
    vault.lock('manual'); // the crash: the key was never destroyed

    const reopened = await Vault.load({ dir, clock: systemClock, kdf: TEST_KDF });
    await reopened.unlock(PASSPHRASE);
    expect(reopened.requireSession().partitions.has(studentKeyId(id))).toBe(false);
    reopened.lock('manual');
  });

  it('a crash after the erasure began but before the deletion was saved: the student is kept, readable', async () => {
    const { dir, vault, id } = await vaultWithStudent();
    await vault.requireSession().partitions.beginErasure(studentKeyId(id));
    vault.lock('manual'); // the crash: the deletion was never saved

    const backend = await createBackend({ dataDir: dir, kdf: TEST_KDF });
    await backend.call('vault:unlock', { passphrase: PASSPHRASE });
    const got = await backend.call('students:get', { id });
    expect(got.ok && (got.data as Student).fullName).toBe('Quillon Zephyrine');
    // And a later, real delete still works.
    expect((await backend.call('students:delete', { id, confirmName: 'Quillon Zephyrine' })).ok).toBe(true);
  });
});

async function checkBackups(dir: string): Promise<{ checked: number; damaged: string[] }> {
  const vault = await Vault.load({ dir, clock: systemClock, kdf: TEST_KDF });
  await vault.unlock(PASSPHRASE);
  const { store } = vault.requireSession();
  const damaged: string[] = [];
  const backups = store.backups();
  for (const b of backups) {
    const report = await store.verify(b.seq).catch((err: Error) => ({ problems: [{ document: 'manifest', message: err.message }] }));
    if (report.problems.length) damaged.push(`save ${b.seq}: ${report.problems.length} unreadable, e.g. ${report.problems[0]!.document}: ${report.problems[0]!.message}`);
  }
  vault.lock('manual');
  return { checked: backups.length, damaged };
}

async function checkVault(
  dir: string,
  model: Model,
  pending: Pending | null,
  notes: { landedUnacknowledged: number; keysLeft: Set<string> },
  context: string,
): Promise<void> {
  const backend = await createBackend({ dataDir: dir, kdf: TEST_KDF });
  const call = async (channel: string, input: unknown) => {
    const result = await backend.call(channel, input);
    if (!result.ok) throw new Error(`${channel} failed after ${context}: ${result.error.code} ${result.error.message}`);
    return result.data as never;
  };
  try {
    const status: { state: string } = await call('vault:status', {});
    if (status.state === 'new') {
      // Only an interrupted first-run create may leave no vault.
      expect(model.vaultExists, `the vault vanished: ${context}`).toBe(false);
      expect(pending === null || pending.kind === 'vault-create', context).toBe(true);
      return;
    }
    expect(status.state, `the vault should open locked: ${context}`).toBe('locked');
    if (!model.vaultExists) {
      // The create was interrupted after the keyring landed: a vault with at most its first save.
      expect(pending?.kind, context).toBe('vault-create');
      model.vaultExists = true;
      notes.landedUnacknowledged += 1;
    }
    const unlocked: { state: string; damage: unknown } = await call('vault:unlock', { passphrase: PASSPHRASE });
    expect(unlocked.state, `unlock should give an undamaged vault: ${context} ${JSON.stringify(unlocked.damage)}`).toBe('unlocked');

    let landed = false;
    const listed: { id: string }[] = await call('students:list', {});
    const ids = new Set(listed.map((s) => s.id));
    for (const [id, draft] of model.students) {
      if (!ids.has(id)) {
        expect(pending?.kind === 'delete' && pending.payload.id === id, `acknowledged student ${id} is missing: ${context}`).toBe(true);
        landed = true;
        continue;
      }
      const stored = draftOf(await call('students:get', { id }));
      if (same(stored, draft)) continue;
      expect(pending?.kind === 'update' && pending.payload.id === id && same(stored, pending.payload.draft), `student ${id} lost its acknowledged content: ${context}\nstored ${JSON.stringify(stored)}\nacked ${JSON.stringify(draft)}`).toBe(true);
      landed = true;
    }
    const extra = [...ids].filter((id) => !model.students.has(id));
    expect(extra.length, `students nobody created: ${context}`).toBeLessThanOrEqual(1);
    for (const id of extra) {
      expect(pending?.kind, `an unexpected student ${id}: ${context}`).toBe('create');
      expect(draftOf(await call('students:get', { id })), context).toEqual(pending!.payload);
      landed = true;
    }
    const settings: Settings = await call('settings:get', {});
    if (!same(settings, model.settings)) {
      expect(pending?.kind === 'settings' && same(settings, Settings.parse(pending.payload)), `settings lost their acknowledged content: ${context}\nstored ${JSON.stringify(settings)}`).toBe(true);
      landed = true;
    }

    const verify: { ok: boolean; problems: unknown[] } = await call('vault:verify', {});
    expect(verify.problems, `vault:verify after ${context}`).toEqual([]);
    expect(verify.ok).toBe(true);
    const audit: { ok: boolean; entries: number; message: string } = await call('audit:verify', {});
    expect(audit.ok, `audit:verify after ${context}: ${audit.message}`).toBe(true);
    if (pending?.kind === 'vault-create') {
      // Killed between the keyring and the first save ("vault created"), or after it.
      expect([0, 1], context).toContain(audit.entries);
      landed = audit.entries === 1;
    } else {
      expect(audit.entries, `audit entries = acknowledged saves${landed ? ' + the one that landed unacknowledged' : ''}: ${context}`).toBe(model.audit + (landed ? 1 : 0));
    }
    if (landed && pending) {
      model.apply(pending, extra[0] ?? '');
      if (pending.kind !== 'vault-create') notes.landedUnacknowledged += 1;
    }
    model.audit = audit.entries;
  } finally {
    await backend.close();
  }

  // Erasure: an acknowledged delete has destroyed the student's key (so backups cannot be read).
  const vault = await Vault.load({ dir, clock: systemClock, kdf: TEST_KDF });
  await vault.unlock(PASSPHRASE);
  const { partitions } = vault.requireSession();
  for (const id of model.erased) {
    if (!partitions.has(studentKeyId(id)) || notes.keysLeft.has(id)) continue;
    // A delete that landed but was killed before its key was destroyed leaves the key behind.
    const acknowledged = !(pending?.kind === 'delete' && pending.payload.id === id);
    expect(acknowledged, `an acknowledged erasure left the student's key: ${id}: ${context}`).toBe(false);
    notes.keysLeft.add(id);
  }
  vault.lock('manual');
}
