/**
 * The process that crash.test.ts kills. Run as `node --import tsx crash-child.ts` with its
 * configuration in the CRASH_CONFIG environment variable (JSON, see ChildConfig).
 *
 * It loads the backend, prints "loaded", and waits for "go" on stdin (so the parent can start the
 * next child while it checks the last one's leftovers). Then it opens the vault in `dir` (creating
 * it if there is none) and runs a stream of saves, one at a time:
 *
 *   begin <n> <kind> <json>     just before a call: what is about to be saved
 *   ack <n> <id> <kind>         only after that call resolved ok: it must survive any crash
 *
 * stdout is a pipe, and writes to a pipe are synchronous on Linux, so a line printed before the
 * kill is read by the parent after it. Any call that fails prints "fail …" and exits 1.
 *
 * `selfKill` makes the child SIGKILL itself at an exact file-system step of one save (before the
 * k-th rename, after the k-th fsync, half-way through the k-th file write …), the points a timer
 * can hardly ever hit. The fs functions are wrapped before the backend is imported;
 * syncBuiltinESMExports makes the wrapped versions what `import … from 'node:fs/promises'` sees.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { createInterface } from 'node:readline';

export type OpKind = 'create' | 'update' | 'delete' | 'settings' | 'vault-create';
export type FsStep = 'open' | 'rename' | 'unlink' | 'sync' | 'writeFile';

export interface ChildConfig {
  dir: string;
  run: number;
  seed: number;
  /** Kill itself at an exact step of the first save of kind `op` made after `afterAcks` acknowledged saves. */
  selfKill?: { op: OpKind; afterAcks: number; when: 'before' | 'after' | 'torn'; step: FsStep; count: number };
  /** Stop (and wait to be killed) after this many saves. */
  maxOps?: number;
  /** Print every fs step of every save to stderr (to choose kill points). */
  trace?: boolean;
}

const config = JSON.parse(process.env.CRASH_CONFIG ?? '{}') as ChildConfig;
const out = (line: string) => process.stdout.write(`${line}\n`);

// ---- fs hooks: installed before the backend module graph is loaded ----------------------------
const require = createRequire(import.meta.url);
const fs = require('node:fs') as typeof import('node:fs');
const fsp = fs.promises as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
let armed: { when: 'before' | 'after' | 'torn'; step: FsStep; count: number } | null = null;
let traceOp: string | null = null;
const seen: Record<FsStep, number> = { open: 0, rename: 0, unlink: 0, sync: 0, writeFile: 0 };

function die(): never {
  process.kill(process.pid, 'SIGKILL');
  // SIGKILL sent to oneself is delivered before kill() returns; this is never reached.
  throw new Error('unreachable');
}

/** Counts a step; returns what to do at it. */
function step(name: FsStep, detail: string): 'before' | 'after' | 'torn' | null {
  if (config.trace && traceOp) process.stderr.write(`  ${traceOp} ${name} ${detail}\n`);
  if (!armed) return null;
  seen[name] += 1;
  return armed.step === name && armed.count === seen[name] ? armed.when : null;
}

function wrap(name: 'open' | 'rename' | 'unlink') {
  const original = fsp[name]!;
  fsp[name] = async (...args: unknown[]) => {
    const at = step(name, String(args[0]).slice(config.dir.length));
    if (at === 'before') die();
    const result = await original(...args);
    if (at === 'after' || at === 'torn') die();
    return result;
  };
}
wrap('open');
wrap('rename');
wrap('unlink');
syncBuiltinESMExports();

// FileHandle methods live on its prototype: reach it through one real handle.
{
  const probe = await fs.promises.open(process.execPath, 'r');
  const proto = Object.getPrototypeOf(probe) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  await probe.close();
  const sync = proto.sync!;
  proto.sync = async function (this: unknown, ...args: unknown[]) {
    const at = step('sync', '');
    if (at === 'before') die();
    const result = await sync.apply(this, args);
    if (at === 'after' || at === 'torn') die();
    return result;
  };
  const writeFile = proto.writeFile!;
  proto.writeFile = async function (this: unknown, data: unknown, ...rest: unknown[]) {
    const at = step('writeFile', data instanceof Uint8Array ? `${data.length} bytes` : '');
    if (at === 'before') die();
    if (at === 'torn' && data instanceof Uint8Array) {
      // A torn write: half the bytes reach the file, then the process is gone.
      await (this as { write(b: Uint8Array): Promise<unknown> }).write(data.subarray(0, Math.floor(data.length / 2)));
      die();
    }
    const result = await writeFile.call(this, data, ...rest);
    if (at === 'after') die();
    return result;
  };
}

// ---- the backend -----------------------------------------------------------------------------
const { createBackend } = await import('../../../electron/main/backend/index');
const { TEST_KDF, PASSPHRASE } = await import('../helpers');
out('loaded');

const stdin = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => stdin.on('line', (line) => line.trim() === 'go' && resolve()));

let rand = config.seed >>> 0 || 1;
/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
function random(): number {
  rand = (rand + 0x6d2b79f5) >>> 0;
  let t = rand;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const backend = await createBackend({ dataDir: config.dir, kdf: TEST_KDF });
let n = 0;
let acks = 0;

async function save(kind: OpKind, channel: string, input: unknown, describe: unknown, idOf: (data: unknown) => string): Promise<unknown> {
  n += 1;
  out(`begin ${n} ${kind} ${JSON.stringify(describe)}`);
  const kill = config.selfKill;
  if (kill && kill.op === kind && acks >= kill.afterAcks && !armed) armed = { when: kill.when, step: kill.step, count: kill.count };
  traceOp = kind;
  const result = await backend.call(channel, input);
  traceOp = null;
  if (!result.ok) {
    out(`fail ${n} ${kind} ${result.error.code} ${result.error.message}`);
    process.exit(1);
  }
  acks += 1;
  out(`ack ${n} ${idOf(result.data)} ${kind}`);
  return result.data;
}

const status = (await backend.call('vault:status', {})) as { ok: true; data: { state: string } };
if (status.data.state === 'new') {
  await save('vault-create', 'vault:create', { passphrase: PASSPHRASE }, {}, () => 'vault');
} else {
  const unlocked = await backend.call('vault:unlock', { passphrase: PASSPHRASE });
  if (!unlocked.ok || (unlocked.data as { state: string }).state !== 'unlocked') {
    out(`fail 0 unlock ${JSON.stringify(unlocked)}`);
    process.exit(1);
  }
}
const listed = await backend.call('students:list', {});
if (!listed.ok) {
  out(`fail 0 list ${listed.error.code}`);
  process.exit(1);
}
const live = new Map<string, string>((listed.data as { id: string; fullName: string }[]).map((s) => [s.id, s.fullName]));
out(`ready ${live.size}`);

const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
const tag = () => `r${config.run}n${n + 1}`;

async function runOne(kind: Exclude<OpKind, 'vault-create'>): Promise<void> {
  if ((kind === 'update' || kind === 'delete') && live.size === 0) kind = 'create';
  switch (kind) {
    case 'create': {
      const t = tag();
      const draft = { fullName: `Crash Student ${t}`, preferredName: `P${t}`, studentNumber: `SN-${t}`, email: `${t}@example.ac.uk` };
      const data = (await save('create', 'students:create', draft, draft, (d) => (d as { id: string }).id)) as { id: string };
      live.set(data.id, draft.fullName);
      return;
    }
    case 'update': {
      const id = pick([...live.keys()]);
      const t = tag();
      const draft = { fullName: `Changed Student ${t}`, preferredName: random() < 0.5 ? '' : `Q${t}`, studentNumber: `SU-${t}`, email: random() < 0.3 ? '' : `u${t}@example.ac.uk` };
      await save('update', 'students:update', { id, draft }, { id, draft }, () => id);
      live.set(id, draft.fullName);
      return;
    }
    case 'delete': {
      const id = pick([...live.keys()]);
      await save('delete', 'students:delete', { id, confirmName: live.get(id)! }, { id }, () => id);
      live.delete(id);
      return;
    }
    case 'settings': {
      const t = tag();
      const settings = {
        mentorName: `Mentor ${t}`,
        providerName: `Provider ${t}`,
        mentorEmail: `m${t}@example.org`,
        autoLockMinutes: 1 + Math.floor(random() * 240),
        region: pick(['england-and-wales', 'scotland', 'northern-ireland'] as const),
      };
      await save('settings', 'settings:save', settings, settings, () => 'settings');
      return;
    }
  }
}

const maxOps = config.maxOps ?? 100_000;
while (n < maxOps) {
  const kill = config.selfKill;
  if (kill && kill.op !== 'vault-create' && acks >= kill.afterAcks && !armed) {
    await runOne(kill.op);
    continue;
  }
  const r = random();
  // Mostly new and changed students, as a caseload grows; now and then settings, rarely an erasure.
  await runOne(r < 0.4 ? 'create' : r < 0.8 ? 'update' : r < 0.92 ? 'settings' : live.size > 3 ? 'delete' : 'create');
}
out('idle');
setInterval(() => undefined, 60_000);
