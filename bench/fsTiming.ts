import { createRequire, syncBuiltinESMExports } from 'node:module';

/**
 * Where a save's time goes: wraps the fs calls the vault makes (open, write, fsync, close,
 * rename, unlink, mkdir, read) and adds up the time spent in each while `measuring` is on.
 * Whatever is left of a save's time is CPU: JSON, encryption, schema checks.
 * syncBuiltinESMExports makes the wrapped functions what `import { rename } from 'node:fs/promises'` sees in the vault's modules.
 */
export type FsCall = 'open' | 'writeFile' | 'fileSync' | 'dirSync' | 'close' | 'rename' | 'unlink' | 'mkdir' | 'readFile';

export const fsTime: Record<FsCall, { ms: number; calls: number }> = {
  open: { ms: 0, calls: 0 },
  writeFile: { ms: 0, calls: 0 },
  fileSync: { ms: 0, calls: 0 },
  dirSync: { ms: 0, calls: 0 },
  close: { ms: 0, calls: 0 },
  rename: { ms: 0, calls: 0 },
  unlink: { ms: 0, calls: 0 },
  mkdir: { ms: 0, calls: 0 },
  readFile: { ms: 0, calls: 0 },
};

let measuring = false;
export function measureFs(on: boolean): void {
  measuring = on;
}
export function resetFs(): void {
  for (const v of Object.values(fsTime)) {
    v.ms = 0;
    v.calls = 0;
  }
}

const add = (call: FsCall, since: number) => {
  if (!measuring) return;
  fsTime[call].ms += performance.now() - since;
  fsTime[call].calls += 1;
};

export async function installFsTiming(): Promise<void> {
  const require = createRequire(import.meta.url);
  const fs = require('node:fs') as typeof import('node:fs');
  const fsp = fs.promises as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const dirHandles = new WeakSet<object>();
  for (const name of ['open', 'rename', 'unlink', 'mkdir', 'readFile'] as const) {
    const original = fsp[name]!;
    fsp[name] = async (...args: unknown[]) => {
      const t = performance.now();
      const result = await original(...args);
      add(name, t);
      // fsyncDir opens the folder read-only; every other open in the vault writes a temp file.
      if (name === 'open' && args[1] === 'r' && result && typeof result === 'object') dirHandles.add(result);
      return result;
    };
  }
  syncBuiltinESMExports();
  const probe = await fs.promises.open(process.execPath, 'r');
  const proto = Object.getPrototypeOf(probe) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  await probe.close();
  const sync = proto.sync!;
  proto.sync = async function (this: object, ...args: unknown[]) {
    const t = performance.now();
    const result = await sync.apply(this, args);
    add(dirHandles.has(this) ? 'dirSync' : 'fileSync', t);
    return result;
  };
  const close = proto.close!;
  proto.close = async function (this: object, ...args: unknown[]) {
    const t = performance.now();
    const result = await close.apply(this, args);
    add('close', t);
    return result;
  };
  const writeFile = proto.writeFile!;
  proto.writeFile = async function (this: object, ...args: unknown[]) {
    const t = performance.now();
    const result = await writeFile.apply(this, args);
    add('writeFile', t);
    return result;
  };
}
