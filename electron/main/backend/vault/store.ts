import { join } from 'node:path';
import { readdir, rename, unlink, mkdir } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock';
import { hmac } from './crypto';
import { ensureDir, fsyncDir, isTempName, readIfExists, writeFileAtomic } from './durable';
import { decodeEnvelope, encodeEnvelope, EnvelopeError } from './envelope';
import type { PartitionKeyTable } from './partitions';
import { chooseRetained, DEFAULT_RETENTION, type BackupKind, type RetentionPolicy } from './retention';

/**
 * The sharded document store. Each document (one student's records, the settings, a page of the
 * audit log…) is an immutable encrypted object file; a small encrypted manifest names the object
 * that holds each document's current version. A save writes the changed documents and a new
 * manifest, so it costs what changed, not what exists, and every older manifest still kept is a
 * complete, consistent backup for free.
 *
 * vault/
 *   keyring.json, keyring.copy.json        wrapped data key (see keyring.ts)
 *   partition-keys.{a,b}.mdv               per-student keys (see partitions.ts)
 *   manifests/000000000042.mdv             one per save; the highest is the current state
 *   objects/3f/3f9a….mdv                   documents, never rewritten
 *   blobs/8c/8c01….mdb                     attachments and images, named by keyed content hash
 *   quarantine/                            damaged files moved aside, never overwritten
 */
export const DATA_KEY_ID = 'data';

const ObjectName = z.string().regex(/^[0-9a-f]{32}$/);
const BlobName = z.string().regex(/^[0-9a-f]{64}$/);
const KeyId = z.string().max(100);

export const Manifest = z.strictObject({
  seq: z.number().int().positive(),
  at: z.number(),
  schemaVersion: z.number().int().positive(),
  /** document id → [object name, key id] */
  docs: z.record(z.string(), z.tuple([ObjectName, KeyId])),
  /** blob name → key id */
  blobs: z.record(z.string(), KeyId),
});
export type Manifest = z.infer<typeof Manifest>;

export class StoreDamage extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'StoreDamage';
  }
}

export interface Put {
  id: string;
  data: unknown;
  /** The key to encrypt with: DATA_KEY_ID or a partition id. */
  keyId?: string;
}

export interface Change {
  puts?: Put[];
  deletes?: string[];
  removeBlobs?: string[];
}

export interface BackupEntry {
  seq: number;
  at: number;
  kinds: BackupKind[];
  documents: number;
}

/** Manifest files are named by sequence and time, so backups can be listed without decrypting each one. */
const manifestName = (seq: number, at: number) => `${String(seq).padStart(12, '0')}-${at}.mdv`;
const CACHE_LIMIT = 2000;

export class DocumentStore {
  private head: Manifest;
  private readonly cache = new Map<string, { object: string; json: string }>();
  private queue: Promise<unknown> = Promise.resolve();
  private retainedSeqs = new Map<number, BackupKind[]>();
  private savesSinceSweep = 0;

  private constructor(
    private readonly dir: string,
    private readonly dataKey: Buffer,
    private readonly partitions: PartitionKeyTable,
    private readonly clock: Clock,
    private readonly retention: RetentionPolicy,
    head: Manifest,
    private manifestTimes: { seq: number; at: number }[],
  ) {
    this.head = head;
  }

  /** Creates the folders and the first, empty manifest. */
  static async initialise(dir: string, dataKey: Buffer, partitions: PartitionKeyTable, clock: Clock, schemaVersion: number): Promise<void> {
    for (const sub of ['manifests', 'objects', 'blobs', 'quarantine']) await ensureDir(join(dir, sub));
    const manifest: Manifest = { seq: 1, at: clock.now(), schemaVersion, docs: {}, blobs: {} };
    await writeFileAtomic(join(dir, 'manifests', manifestName(1, manifest.at)), encodeManifest(dataKey, manifest));
    void partitions;
  }

  /** Opens the newest manifest. Throws StoreDamage if it is damaged (the caller offers a backup). */
  static async open(dir: string, dataKey: Buffer, partitions: PartitionKeyTable, clock: Clock, retention: RetentionPolicy = DEFAULT_RETENTION): Promise<DocumentStore> {
    const saves = await listManifests(dir);
    const newest = saves[saves.length - 1];
    if (newest === undefined) throw new StoreDamage('The vault has no saved state: its manifest files are missing.', 'manifests');
    // Only the newest manifest is decrypted on open; the others are backups, listed by file name.
    const head = await readManifest(dir, dataKey, newest);
    const store = new DocumentStore(dir, dataKey, partitions, clock, retention, head, saves.map(({ seq, at }) => ({ seq, at })));
    store.retainedSeqs = chooseRetained(store.manifestTimes.filter((m) => m.seq !== head.seq), clock.now(), retention);
    return store;
  }

  /**
   * Opens a vault whose newest manifest is damaged, only so that a backup can be chosen and
   * restored: the current state is empty and every readable earlier save is offered.
   */
  static async openBackupsOnly(dir: string, dataKey: Buffer, partitions: PartitionKeyTable, clock: Clock, retention: RetentionPolicy = DEFAULT_RETENTION): Promise<DocumentStore | null> {
    const saves = await listManifests(dir);
    const newest = saves[saves.length - 1];
    if (!newest) return null;
    const readable: { seq: number; at: number }[] = [];
    for (const save of saves) {
      if (await readManifest(dir, dataKey, save).then(() => true, () => false)) readable.push(save);
    }
    if (readable.length === 0) return null;
    const empty: Manifest = { seq: newest.seq, at: newest.at, schemaVersion: 1, docs: {}, blobs: {} };
    const store = new DocumentStore(dir, dataKey, partitions, clock, retention, empty, readable);
    store.retainedSeqs = new Map(readable.map((s) => [s.seq, ['recent'] as BackupKind[]]));
    return store;
  }

  get schemaVersion(): number {
    return this.head.schemaVersion;
  }
  get seq(): number {
    return this.head.seq;
  }
  get documentCount(): number {
    return Object.keys(this.head.docs).length;
  }

  has(id: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.head.docs, id);
  }

  /** Document ids that start with `prefix`. */
  list(prefix: string): string[] {
    return Object.keys(this.head.docs).filter((id) => id.startsWith(prefix));
  }

  /** The document's current content (a fresh copy), or undefined. Throws StoreDamage if its file is damaged. */
  async get(id: string): Promise<unknown> {
    const entry = this.head.docs[id];
    if (!entry) return undefined;
    const [object, keyId] = entry;
    const cached = this.cache.get(id);
    if (cached && cached.object === object) return JSON.parse(cached.json);
    const json = await this.readObject(object, keyId);
    this.remember(id, object, json);
    return JSON.parse(json);
  }

  /** Writes a set of changes as one atomic save: after a crash, all of it or none of it is there. */
  commit(change: Change, schemaVersion?: number): Promise<void> {
    return this.serial(async () => {
      const docs = { ...this.head.docs };
      const blobs = { ...this.head.blobs };
      const written: { id: string; object: string; json: string }[] = [];
      const dirs = new Set<string>();
      for (const put of change.puts ?? []) {
        const keyId = put.keyId ?? DATA_KEY_ID;
        const object = randomBytes(16).toString('hex');
        const json = JSON.stringify(put.data);
        const path = this.objectPath(object);
        await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
        await writeFileAtomic(path, encodeEnvelope(this.keyFor(keyId), { alg: 'AES-256-GCM', kind: 'document', name: object, keyId }, Buffer.from(json, 'utf8')), { syncDir: false });
        dirs.add(join(path, '..'));
        docs[put.id] = [object, keyId];
        written.push({ id: put.id, object, json });
      }
      for (const id of change.deletes ?? []) delete docs[id];
      for (const name of change.removeBlobs ?? []) delete blobs[name];
      for (const dir of dirs) await fsyncDir(dir);
      await this.writeManifest({ seq: this.head.seq + 1, at: this.clock.now(), schemaVersion: schemaVersion ?? this.head.schemaVersion, docs, blobs });
      for (const w of written) this.remember(w.id, w.object, w.json);
      for (const id of change.deletes ?? []) this.cache.delete(id);
    });
  }

  /** Stores bytes encrypted, named by a keyed hash of their content (so a repeat costs nothing). */
  putBlob(bytes: Uint8Array, keyId: string = DATA_KEY_ID): Promise<string> {
    return this.serial(async () => {
      const key = this.keyFor(keyId);
      const name = hmac(hmac(key, Buffer.from('blob-name')) as unknown as Buffer, bytes);
      if (this.head.blobs[name]) return name;
      const path = this.blobPath(name);
      await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
      await writeFileAtomic(path, encodeEnvelope(key, { alg: 'AES-256-GCM', kind: 'blob', name, keyId }, bytes));
      await this.writeManifest({ ...this.head, seq: this.head.seq + 1, at: this.clock.now(), blobs: { ...this.head.blobs, [name]: keyId } });
      return name;
    });
  }

  async getBlob(name: string): Promise<Buffer | undefined> {
    const keyId = this.head.blobs[name];
    if (keyId === undefined) return undefined;
    const bytes = await readIfExists(this.blobPath(name));
    if (!bytes) throw new StoreDamage('An attachment file is missing from the vault.', `blobs/${name}`);
    try {
      return decodeEnvelope(bytes, this.keyFor(keyId), { kind: 'blob', name, keyId });
    } catch (err) {
      if (err instanceof EnvelopeError) throw new StoreDamage(`An attachment file is damaged: ${err.message}`, `blobs/${name}`);
      throw err;
    }
  }

  /** Earlier saves kept as backups, newest first. */
  backups(): BackupEntry[] {
    return [...this.retainedSeqs]
      .map(([seq, kinds]) => ({ seq, kinds, at: this.manifestTimes.find((m) => m.seq === seq)?.at ?? 0, documents: -1 }))
      .sort((a, b) => b.seq - a.seq);
  }

  async describeBackup(seq: number): Promise<BackupEntry> {
    const m = await this.readSave(seq);
    return { seq, at: m.at, kinds: this.retainedSeqs.get(seq) ?? [], documents: Object.keys(m.docs).length };
  }

  /**
   * Makes an earlier save the current state by writing it again as a new save, so a restore can
   * itself be undone. Records of erased students stay erased: their keys are gone. Documents under
   * `keepCurrent` prefixes (the audit log) are carried over from the current state when they are
   * all readable, so restoring never rewinds the record of what happened.
   */
  restore(seq: number, keepCurrent: string[] = []): Promise<Manifest> {
    return this.serial(async () => {
      const old = await this.readSave(seq);
      const alive = (keyId: string) => keyId === DATA_KEY_ID || this.partitions.has(keyId);
      const kept = (id: string) => keepCurrent.some((prefix) => id.startsWith(prefix));
      const current = Object.entries(this.head.docs).filter(([id]) => kept(id));
      const currentReadable = current.length > 0 && (await Promise.all(current.map(([, [o, k]]) => this.readObject(o, k).then(() => true, () => false)))).every(Boolean);
      const docs = Object.fromEntries([
        ...Object.entries(old.docs).filter(([id, [, keyId]]) => alive(keyId) && !(currentReadable && kept(id))),
        ...(currentReadable ? current : []),
      ]);
      const blobs = Object.fromEntries(Object.entries(old.blobs).filter(([, keyId]) => alive(keyId)));
      await this.writeManifest({ seq: this.head.seq + 1, at: this.clock.now(), schemaVersion: old.schemaVersion, docs, blobs });
      this.cache.clear();
      return this.head;
    });
  }

  /** Decrypts every document and blob of the current state (or of an earlier save) and reports what fails. */
  async verify(seq?: number): Promise<{ checked: number; problems: { document: string; message: string }[] }> {
    const manifest = seq === undefined ? this.head : await this.readSave(seq);
    const problems: { document: string; message: string }[] = [];
    let checked = 0;
    for (const [id, [object, keyId]] of Object.entries(manifest.docs)) {
      checked++;
      if (!alive(this.partitions, keyId)) continue;
      try {
        JSON.parse(await this.readObject(object, keyId));
      } catch (err) {
        problems.push({ document: id, message: err instanceof Error ? err.message : String(err) });
      }
    }
    for (const [name, keyId] of Object.entries(manifest.blobs)) {
      checked++;
      if (!alive(this.partitions, keyId)) continue;
      const bytes = await readIfExists(this.blobPath(name));
      try {
        if (!bytes) throw new Error('The attachment file is missing.');
        decodeEnvelope(bytes, this.keyFor(keyId), { kind: 'blob', name, keyId });
      } catch (err) {
        problems.push({ document: `attachment ${name.slice(0, 8)}`, message: err instanceof Error ? err.message : String(err) });
      }
    }
    return { checked, problems };
  }

  /** Moves a damaged file aside (never overwriting or deleting it) so the user can hand it to support. */
  async quarantine(relativeFile: string): Promise<void> {
    const from = join(this.dir, relativeFile);
    const to = join(this.dir, 'quarantine', `${Date.now()}-${relativeFile.replace(/[\\/]/g, '_')}`);
    await ensureDir(join(this.dir, 'quarantine'));
    await rename(from, to).catch(() => undefined);
  }

  /**
   * Deletes object and blob files that no kept save refers to. Runs after saves now and then, and
   * holds the save queue only while it deletes.
   */
  async sweep(): Promise<{ removed: number }> {
    const live = new Set<string>();
    const liveBlobs = new Set<string>();
    for (const seq of [...this.retainedSeqs.keys()]) {
      try {
        const m = await this.readSave(seq);
        for (const [o] of Object.values(m.docs)) live.add(o);
        for (const b of Object.keys(m.blobs)) liveBlobs.add(b);
      } catch {
        // A damaged backup keeps nothing alive; it is reported by verify, not here.
      }
    }
    return this.serial(async () => {
      for (const [o] of Object.values(this.head.docs)) live.add(o);
      for (const b of Object.keys(this.head.blobs)) liveBlobs.add(b);
      let removed = 0;
      removed += await sweepFolder(join(this.dir, 'objects'), (name) => live.has(name.replace(/\.mdv$/, '')));
      removed += await sweepFolder(join(this.dir, 'blobs'), (name) => liveBlobs.has(name.replace(/\.mdb$/, '')));
      this.savesSinceSweep = 0;
      return { removed };
    });
  }

  /** Forgets every decrypted document held in memory (on lock). */
  dropCache(): void {
    this.cache.clear();
  }

  private async writeManifest(next: Manifest): Promise<void> {
    await writeFileAtomic(join(this.dir, 'manifests', manifestName(next.seq, next.at)), encodeManifest(this.dataKey, next));
    const previous = this.head;
    this.head = next;
    this.manifestTimes.push({ seq: next.seq, at: next.at });
    if (!this.manifestTimes.some((m) => m.seq === previous.seq)) this.manifestTimes.push({ seq: previous.seq, at: previous.at });
    await this.pruneManifests();
    this.savesSinceSweep++;
    if (this.savesSinceSweep >= 200) queueMicrotask(() => void this.sweep().catch(() => undefined));
  }

  private async pruneManifests(): Promise<void> {
    const older = this.manifestTimes.filter((m) => m.seq !== this.head.seq);
    this.retainedSeqs = chooseRetained(older, this.clock.now(), this.retention);
    const drop = older.filter((m) => !this.retainedSeqs.has(m.seq));
    for (const m of drop) await unlink(join(this.dir, 'manifests', manifestName(m.seq, m.at))).catch(() => undefined);
    this.manifestTimes = this.manifestTimes.filter((m) => m.seq === this.head.seq || this.retainedSeqs.has(m.seq));
  }

  private readSave(seq: number): Promise<Manifest> {
    const save = this.manifestTimes.find((m) => m.seq === seq);
    if (!save) throw new StoreDamage('That backup no longer exists.', `manifests/${seq}`);
    return readManifest(this.dir, this.dataKey, save);
  }

  private async readObject(object: string, keyId: string): Promise<string> {
    const file = `objects/${object.slice(0, 2)}/${object}.mdv`;
    const bytes = await readIfExists(join(this.dir, file));
    if (!bytes) throw new StoreDamage('A record file is missing from the vault.', file);
    try {
      return decodeEnvelope(bytes, this.keyFor(keyId), { kind: 'document', name: object, keyId }).toString('utf8');
    } catch (err) {
      if (err instanceof EnvelopeError) throw new StoreDamage(`A record file is damaged: ${err.message}`, file);
      throw err;
    }
  }

  private keyFor(keyId: string): Buffer {
    if (keyId === DATA_KEY_ID) return this.dataKey;
    const key = this.partitions.get(keyId);
    if (!key) throw new StoreDamage('These records were erased: their key no longer exists.', keyId);
    return key;
  }

  private remember(id: string, object: string, json: string): void {
    this.cache.delete(id);
    this.cache.set(id, { object, json });
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
  }

  private objectPath(object: string): string {
    return join(this.dir, 'objects', object.slice(0, 2), `${object}.mdv`);
  }
  private blobPath(name: string): string {
    return join(this.dir, 'blobs', name.slice(0, 2), `${name}.mdb`);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function alive(partitions: PartitionKeyTable, keyId: string): boolean {
  return keyId === DATA_KEY_ID || partitions.has(keyId);
}

function encodeManifest(dataKey: Buffer, manifest: Manifest): Buffer {
  return encodeEnvelope(dataKey, { alg: 'AES-256-GCM', kind: 'manifest', name: `manifest-${manifest.seq}`, keyId: DATA_KEY_ID }, Buffer.from(JSON.stringify(manifest), 'utf8'));
}

export async function listManifests(dir: string): Promise<{ seq: number; at: number }[]> {
  let names: string[];
  try {
    names = await readdir(join(dir, 'manifests'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names
    .map((n) => /^([0-9]{12})-([0-9]{1,16})\.mdv$/.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ seq: Number(m[1]), at: Number(m[2]) }))
    .sort((a, b) => a.seq - b.seq);
}

export async function readManifest(dir: string, dataKey: Buffer, { seq, at }: { seq: number; at: number }): Promise<Manifest> {
  const file = `manifests/${manifestName(seq, at)}`;
  const bytes = await readIfExists(join(dir, file));
  if (!bytes) throw new StoreDamage('A saved state of the vault is missing.', file);
  let plain: Buffer;
  try {
    plain = decodeEnvelope(bytes, dataKey, { kind: 'manifest', name: `manifest-${seq}`, keyId: DATA_KEY_ID });
  } catch (err) {
    if (err instanceof EnvelopeError) throw new StoreDamage(describeEnvelopeError(err), file);
    throw err;
  }
  const parsed = Manifest.safeParse(safeJson(plain));
  if (!parsed.success || parsed.data.seq !== seq) throw new StoreDamage('The list of records in the vault is malformed.', file);
  return parsed.data;
}

function describeEnvelopeError(err: EnvelopeError): string {
  switch (err.reason) {
    case 'foreign':
      return 'A file in the vault is not a Mentor Desk file (it may have been replaced).';
    case 'truncated':
      return 'A file in the vault is cut short (a disk problem or an interrupted copy).';
    case 'authentication':
    case 'mismatch':
      return 'A file in the vault has been changed or damaged since Mentor Desk wrote it, or belongs to another vault.';
    default:
      return err.message;
  }
}

function safeJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}

async function sweepFolder(root: string, isLive: (name: string) => boolean): Promise<number> {
  let removed = 0;
  let subs: string[];
  try {
    subs = await readdir(root);
  } catch {
    return 0;
  }
  for (const sub of subs) {
    const folder = join(root, sub);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      if (isTempName(name) || !isLive(name)) {
        await unlink(join(folder, name)).catch(() => undefined);
        removed++;
      }
    }
  }
  return removed;
}
