import { open, rename, mkdir, readFile, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join, basename } from 'node:path';

/**
 * fsync a directory so a rename or new file in it survives power loss. Windows cannot open a
 * directory for syncing; there NTFS's own journal covers the rename.
 */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes `bytes` to `path` so that a crash at any moment leaves either the old file or the new
 * one, never a torn mix: temp file in the same folder, fsync, rename over, fsync the folder.
 * (lowdb's own writer renames without fsync, which is not durable.)
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array, options: { syncDir?: boolean } = {}): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  await rename(temp, path);
  if (options.syncDir !== false) await fsyncDir(dir);
}

export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

/** Reads a file, or returns null when it does not exist. */
export async function readIfExists(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export const isTempName = (name: string): boolean => name.startsWith('.') && name.endsWith('.tmp');
