import { join } from 'node:path';
import { readdir, rename, unlink, mkdir } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock';
import { AppFailure } from '../../../../shared/errors';
import { hmac } from './crypto';
import { ensureDir, fsyncDir, isTempName, readIfExists, writeFileAtomic } from './durable';
import { decodeEnvelope, encodeEnvelope, EnvelopeError } from './envelope';
import type { PartitionKeyTable } from './partitions';
import { chooseRetained, DEFAULT_RETENTION, type BackupKind, type RetentionPolicy } from './retention';

/**
 * The sharded document store. Each document (one student's records, the settings, a page of the
 * audit log…) is an immutable encrypted object file. Which object holds each document's current
 * version is listed in 256 index pages (documents are spread over them by a hash of their id),
 * themselves objects, and a small encrypted manifest names the pages. A save writes the changed
 * documents, the one or two index pages that list them, and a new manifest: it costs what changed,
 * not what exists, and every older manifest still kept is a complete, consistent backup for free.
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

const Bucket = z.string().regex(/^[0-9a-f]{2}$/);

export const Manifest = z.strictObject({
  seq: z.number().int().positive(),
  at: z.number(),
  schemaVersion: z.number().int().positive(),
  /** How many documents this save holds (shown with backups). */
  documents: z.number().int().nonnegative(),
  /** index page bucket → object name of that page */
  pages: z.record(Bucket, ObjectName),
});
export type Manifest = z.infer<typeof Manifest>;

/** One index page: document id → [object name, key id]; blob name → key id. */
const Page = z.strictObject({
  docs: z.record(z.string(), z.tuple([ObjectName, KeyId])),
  blobs: z.record(BlobName, KeyId),
});
interface PageMaps {
  docs: Map<string, [string, string]>;
  blobs: Map<string, string>;
}
/** A save, read in full: its manifest and its pages. */
interface Snapshot {
  manifest: Manifest;
  pages: Map<string, PageMaps>;
}

/** Spreads documents and blobs over 256 pages, so a save rewrites a page, not the whole list. */
export function bucketOf(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 2);
}

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
const SWEEP_EVERY = 200;

export class DocumentStore {
  private head: Snapshot;
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
    head: Snapshot,
    private manifestTimes: { seq: number; at: number }[],
  ) {
    this.head = head;
  }

  /** Creates the folders and the first, empty manifest. */
  static async initialise(dir: string, dataKey: Buffer, clock: Clock, schemaVersion: number): Promise<void> {
    for (const sub of ['manifests', 'objects', 'blobs', 'quarantine']) await ensureDir(join(dir, sub));
    const manifest: Manifest = { seq: 1, at: clock.now(), schemaVersion, documents: 0, pages: {} };
    await writeFileAtomic(join(dir, 'manifests', manifestName(1, manifest.at)), encodeManifest(dataKey, manifest));
  }

  /** Opens the newest manifest. Throws StoreDamage if it is damaged (the caller offers a backup). */
  static async open(dir: string, dataKey: Buffer, partitions: PartitionKeyTable, clock: Clock, retention: RetentionPolicy = DEFAULT_RETENTION): Promise<DocumentStore> {
    const saves = await listManifests(dir);
    const newest = saves[saves.length - 1];
    if (newest === undefined) throw new StoreDamage('The vault has no saved state: its manifest files are missing.', 'manifests');
    // Only the newest save is read on open; the others are backups, listed by file name.
    const store = new DocumentStore(dir, dataKey, partitions, clock, retention, { manifest: emptyManifest(newest), pages: new Map() }, saves);
    store.head = await store.readSnapshot(await readManifest(dir, dataKey, newest));
    store.retainedSeqs = chooseRetained(store.manifestTimes.filter((m) => m.seq !== newest.seq), clock.now(), retention);
    return store;
  }

  /**
   * Opens a vault whose newest save is damaged, only so that a backup can be chosen and
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
    const store = new DocumentStore(dir, dataKey, partitions, clock, retention, { manifest: emptyManifest(newest), pages: new Map() }, readable);
    store.retainedSeqs = new Map(readable.map((save) => [save.seq, ['recent'] as BackupKind[]]));
    return store;
  }

  get schemaVersion(): number {
    return this.head.manifest.schemaVersion;
  }
  get seq(): number {
    return this.head.manifest.seq;
  }
  get documentCount(): number {
    return this.head.manifest.documents;
  }

  has(id: string): boolean {
    return this.entry(id) !== undefined;
  }

  /** Document ids that start with `prefix`. */
  list(prefix: string): string[] {
    const ids: string[] = [];
    for (const page of this.head.pages.values()) for (const id of page.docs.keys()) if (id.startsWith(prefix)) ids.push(id);
    return ids;
  }

  /** The document's current content (a fresh copy), or undefined. Throws StoreDamage if its file is damaged. */
  async get(id: string): Promise<unknown> {
    const entry = this.entry(id);
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
      const pages = new PageEditor(this.head.pages);
      const written: { id: string; object: string; json: string }[] = [];
      for (const put of change.puts ?? []) {
        const keyId = put.keyId ?? DATA_KEY_ID;
        const json = JSON.stringify(put.data);
        const object = await this.writeObject(json, keyId);
        pages.setDoc(put.id, [object, keyId]);
        written.push({ id: put.id, object, json });
      }
      for (const id of change.deletes ?? []) pages.deleteDoc(id);
      for (const name of change.removeBlobs ?? []) pages.deleteBlob(name);
      await this.saveSnapshot(pages, schemaVersion ?? this.schemaVersion);
      for (const w of written) this.remember(w.id, w.object, w.json);
      for (const id of change.deletes ?? []) this.cache.delete(id);
    });
  }

  /** Stores bytes encrypted, named by a keyed hash of their content (so a repeat costs nothing). */
  putBlob(bytes: Uint8Array, keyId: string = DATA_KEY_ID): Promise<string> {
    return this.serial(async () => {
      const key = this.keyFor(keyId);
      const name = hmac(Buffer.from(hmac(key, Buffer.from('blob-name')), 'hex'), bytes);
      if (this.blobKey(name) !== undefined) return name;
      const path = this.blobPath(name);
      await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
      await writeFileAtomic(path, encodeEnvelope(key, { alg: 'AES-256-GCM', kind: 'blob', name, keyId }, bytes));
      const pages = new PageEditor(this.head.pages);
      pages.setBlob(name, keyId);
      await this.saveSnapshot(pages, this.schemaVersion);
      return name;
    });
  }

  async getBlob(name: string): Promise<Buffer | undefined> {
    const keyId = this.blobKey(name);
    if (keyId === undefined) return undefined;
    return this.readBlob(name, keyId);
  }

  /** Earlier saves kept as backups, newest first. */
  backups(): BackupEntry[] {
    return [...this.retainedSeqs]
      .map(([seq, kinds]) => ({ seq, kinds, at: this.manifestTimes.find((m) => m.seq === seq)?.at ?? 0, documents: -1 }))
      .sort((a, b) => b.seq - a.seq);
  }

  async describeBackup(seq: number): Promise<BackupEntry> {
    const m = await this.readSave(seq);
    return { seq, at: m.at, kinds: this.retainedSeqs.get(seq) ?? [], documents: m.documents };
  }

  /**
   * Makes an earlier save the current state by writing it again as a new save, so a restore can
   * itself be undone. Records of erased students stay erased: their keys are gone. Documents under
   * `keepCurrent` prefixes (the audit log) are carried over from the current state when they are
   * all readable, so restoring never rewinds the record of what happened.
   */
  restore(seq: number, keepCurrent: string[] = []): Promise<void> {
    return this.serial(async () => {
      const old = await this.readSnapshot(await this.readSave(seq));
      const alive = (keyId: string) => keyId === DATA_KEY_ID || this.partitions.has(keyId);
      const kept = (id: string) => keepCurrent.some((prefix) => id.startsWith(prefix));
      const current = [...this.allDocs(this.head)].filter(([id]) => kept(id));
      const currentReadable = current.length > 0 && (await Promise.all(current.map(([, [o, k]]) => this.readObject(o, k).then(() => true, () => false)))).every(Boolean);
      const pages = new PageEditor(new Map());
      for (const [id, entry] of this.allDocs(old)) if (alive(entry[1]) && !(currentReadable && kept(id))) pages.setDoc(id, entry);
      if (currentReadable) for (const [id, entry] of current) pages.setDoc(id, entry);
      for (const page of old.pages.values()) for (const [name, keyId] of page.blobs) if (alive(keyId)) pages.setBlob(name, keyId);
      await this.saveSnapshot(pages, old.manifest.schemaVersion, true);
      this.cache.clear();
    });
  }

  /** Decrypts every document and blob of the current state (or of an earlier save) and reports what fails. */
  async verify(seq?: number): Promise<{ checked: number; problems: { document: string; message: string }[] }> {
    const problems: { document: string; message: string }[] = [];
    let snapshot: Snapshot;
    try {
      snapshot = seq === undefined ? this.head : await this.readSnapshot(await this.readSave(seq));
    } catch (err) {
      return { checked: 1, problems: [{ document: 'the list of records', message: err instanceof Error ? err.message : String(err) }] };
    }
    let checked = 0;
    for (const [id, [object, keyId]] of this.allDocs(snapshot)) {
      checked++;
      if (!alive(this.partitions, keyId)) continue;
      try {
        JSON.parse(await this.readObject(object, keyId));
      } catch (err) {
        problems.push({ document: id, message: err instanceof Error ? err.message : String(err) });
      }
    }
    for (const page of snapshot.pages.values()) {
      for (const [name, keyId] of page.blobs) {
        checked++;
        if (!alive(this.partitions, keyId)) continue;
        try {
          await this.readBlob(name, keyId);
        } catch (err) {
          problems.push({ document: `attachment ${name.slice(0, 8)}`, message: err instanceof Error ? err.message : String(err) });
        }
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
   * Deletes object and blob files that no kept save refers to, and temp files a crash left behind.
   * It runs inside the save queue, so no save can make a new backup it has not accounted for.
   */
  sweep(): Promise<{ removed: number }> {
    this.savesSinceSweep = 0;
    return this.serial(async () => {
      const live = new Set<string>();
      const liveBlobs = new Set<string>();
      const seenPages = new Set<string>();
      const mark = (snapshot: Snapshot) => {
        for (const [, [o]] of this.allDocs(snapshot)) live.add(o);
        for (const page of snapshot.pages.values()) for (const b of page.blobs.keys()) liveBlobs.add(b);
        for (const o of Object.values(snapshot.manifest.pages)) live.add(o);
      };
      mark(this.head);
      for (const seq of this.retainedSeqs.keys()) {
        try {
          // Pages are immutable and most are shared between saves: read each one once.
          mark(await this.readSnapshot(await this.readSave(seq), seenPages));
        } catch {
          // A damaged backup can't say what it needs: keep everything rather than guess.
          return { removed: 0 };
        }
      }
      let removed = 0;
      removed += await sweepFolder(join(this.dir, 'objects'), (name) => live.has(name.replace(/\.mdv$/, '')));
      removed += await sweepFolder(join(this.dir, 'blobs'), (name) => liveBlobs.has(name.replace(/\.mdb$/, '')));
      removed += await removeTempFiles(this.dir);
      removed += await removeTempFiles(join(this.dir, 'manifests'));
      return { removed };
    });
  }

  /** Forgets every decrypted document held in memory (on lock). */
  dropCache(): void {
    this.cache.clear();
  }

  private entry(id: string): [string, string] | undefined {
    return this.head.pages.get(bucketOf(id))?.docs.get(id);
  }

  private blobKey(name: string): string | undefined {
    return this.head.pages.get(bucketOf(name))?.blobs.get(name);
  }

  private *allDocs(snapshot: Snapshot): Generator<[string, [string, string]]> {
    for (const page of snapshot.pages.values()) yield* page.docs;
  }

  /** Writes the pages a change touched (or all of them) and the manifest that names them. */
  private async saveSnapshot(editor: PageEditor, schemaVersion: number, allPages = false): Promise<void> {
    const pageObjects: Record<string, string> = allPages ? {} : { ...this.head.manifest.pages };
    for (const [bucket, page] of allPages ? editor.pages : editor.touchedPages()) {
      if (page.docs.size === 0 && page.blobs.size === 0) {
        delete pageObjects[bucket];
        continue;
      }
      pageObjects[bucket] = await this.writeObject(JSON.stringify({ docs: Object.fromEntries(page.docs), blobs: Object.fromEntries(page.blobs) }), DATA_KEY_ID);
    }
    await this.syncObjectFolders();
    let documents = 0;
    for (const page of editor.pages.values()) documents += page.docs.size;
    const manifest: Manifest = { seq: this.seq + 1, at: this.clock.now(), schemaVersion, documents, pages: pageObjects };
    await writeFileAtomic(join(this.dir, 'manifests', manifestName(manifest.seq, manifest.at)), encodeManifest(this.dataKey, manifest));
    const previous = this.head.manifest;
    this.head = { manifest, pages: editor.pages };
    if (!this.manifestTimes.some((m) => m.seq === previous.seq)) this.manifestTimes.push({ seq: previous.seq, at: previous.at });
    this.manifestTimes.push({ seq: manifest.seq, at: manifest.at });
    await this.pruneManifests();
    if (++this.savesSinceSweep >= SWEEP_EVERY) void this.sweep().catch(() => undefined);
  }

  private async pruneManifests(): Promise<void> {
    const older = this.manifestTimes.filter((m) => m.seq !== this.seq);
    this.retainedSeqs = chooseRetained(older, this.clock.now(), this.retention);
    for (const m of older.filter((o) => !this.retainedSeqs.has(o.seq))) {
      await unlink(join(this.dir, 'manifests', manifestName(m.seq, m.at))).catch(() => undefined);
    }
    this.manifestTimes = this.manifestTimes.filter((m) => m.seq === this.seq || this.retainedSeqs.has(m.seq));
  }

  private readSave(seq: number): Promise<Manifest> {
    const save = this.manifestTimes.find((m) => m.seq === seq);
    if (!save) throw new StoreDamage('That backup no longer exists.', `manifests/${seq}`);
    return readManifest(this.dir, this.dataKey, save);
  }

  /** Reads a save's pages. `skip` lists page objects already read by the caller, which are left out. */
  private async readSnapshot(manifest: Manifest, skip?: Set<string>): Promise<Snapshot> {
    const pages = new Map<string, PageMaps>();
    const wanted = Object.entries(manifest.pages).filter(([, object]) => !skip?.has(object));
    for (const [, object] of wanted) skip?.add(object);
    // Read in parallel: opening a large vault reads up to 256 pages, and unlock waits for them.
    const texts = await Promise.all(wanted.map(([, object]) => this.readObject(object, DATA_KEY_ID)));
    wanted.forEach(([bucket, object], i) => {
      const parsed = Page.safeParse(safeJson(Buffer.from(texts[i]!, 'utf8')));
      if (!parsed.success) throw new StoreDamage('A page of the list of records is malformed.', objectFile(object));
      pages.set(bucket, { docs: new Map(Object.entries(parsed.data.docs)), blobs: new Map(Object.entries(parsed.data.blobs)) });
    });
    return { manifest, pages };
  }

  private touchedFolders = new Set<string>();
  /** Objects of one save share a folder, so the save syncs one folder, not one per object. */
  private saveFolderPrefix: string | null = null;

  private async writeObject(json: string, keyId: string): Promise<string> {
    this.saveFolderPrefix ??= randomBytes(1).toString('hex');
    const object = this.saveFolderPrefix + randomBytes(15).toString('hex');
    const path = join(this.dir, objectFile(object));
    const folder = join(path, '..');
    await mkdir(folder, { recursive: true, mode: 0o700 });
    await writeFileAtomic(path, encodeEnvelope(this.keyFor(keyId), { alg: 'AES-256-GCM', kind: 'document', name: object, keyId }, Buffer.from(json, 'utf8')), { syncDir: false });
    this.touchedFolders.add(folder);
    return object;
  }

  /** The renames of new objects must be durable before a manifest can name them. */
  private async syncObjectFolders(): Promise<void> {
    for (const folder of this.touchedFolders) await fsyncDir(folder);
    this.touchedFolders.clear();
    this.saveFolderPrefix = null;
  }

  private async readObject(object: string, keyId: string): Promise<string> {
    const file = objectFile(object);
    const bytes = await readIfExists(join(this.dir, file));
    if (!bytes) throw new StoreDamage('A record file is missing from the vault.', file);
    try {
      return decodeEnvelope(bytes, this.keyFor(keyId), { kind: 'document', name: object, keyId }).toString('utf8');
    } catch (err) {
      if (err instanceof EnvelopeError) throw new StoreDamage(`A record file is damaged: ${err.message}`, file);
      throw err;
    }
  }

  private async readBlob(name: string, keyId: string): Promise<Buffer> {
    const file = `blobs/${name.slice(0, 2)}/${name}.mdb`;
    const bytes = await readIfExists(join(this.dir, file));
    if (!bytes) throw new StoreDamage('An attachment file is missing from the vault.', file);
    try {
      return decodeEnvelope(bytes, this.keyFor(keyId), { kind: 'blob', name, keyId });
    } catch (err) {
      if (err instanceof EnvelopeError) throw new StoreDamage(`An attachment file is damaged: ${err.message}`, file);
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

  private blobPath(name: string): string {
    return join(this.dir, 'blobs', name.slice(0, 2), `${name}.mdb`);
  }

  /**
   * Refuses further saves and resolves once the save under way (if any) has finished, so the
   * vault can forget its keys without pulling them from under a write.
   */
  close(): Promise<void> {
    this.closed = true;
    return this.queue.then(() => undefined);
  }

  private closed = false;

  private serial<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new AppFailure('LOCKED', 'Mentor Desk locked before this could be saved. Unlock and try again.'));
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Copy-on-write edits of the index pages: only pages that change are copied and rewritten. */
class PageEditor {
  readonly pages: Map<string, PageMaps>;
  private readonly touched = new Set<string>();

  constructor(base: Map<string, PageMaps>) {
    this.pages = new Map(base);
  }

  setDoc(id: string, entry: [string, string]): void {
    this.edit(bucketOf(id)).docs.set(id, entry);
  }
  deleteDoc(id: string): void {
    this.edit(bucketOf(id)).docs.delete(id);
  }
  setBlob(name: string, keyId: string): void {
    this.edit(bucketOf(name)).blobs.set(name, keyId);
  }
  deleteBlob(name: string): void {
    this.edit(bucketOf(name)).blobs.delete(name);
  }

  touchedPages(): [string, PageMaps][] {
    return [...this.touched].map((b) => [b, this.pages.get(b)!]);
  }

  private edit(bucket: string): PageMaps {
    if (!this.touched.has(bucket)) {
      const current = this.pages.get(bucket);
      this.pages.set(bucket, { docs: new Map(current?.docs), blobs: new Map(current?.blobs) });
      this.touched.add(bucket);
    }
    return this.pages.get(bucket)!;
  }
}

const objectFile = (object: string) => `objects/${object.slice(0, 2)}/${object}.mdv`;
const emptyManifest = (save: { seq: number; at: number }): Manifest => ({ seq: save.seq, at: save.at, schemaVersion: 1, documents: 0, pages: {} });

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
    .sort((a, b) => a.seq - b.seq || a.at - b.at);
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

async function removeTempFiles(folder: string): Promise<number> {
  let removed = 0;
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!isTempName(name)) continue;
    await unlink(join(folder, name)).catch(() => undefined);
    removed++;
  }
  return removed;
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
