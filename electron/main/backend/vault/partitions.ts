import { join } from 'node:path';
import { z } from 'zod';
import { AppFailure } from '../../../../shared/errors';
import { randomKey } from './crypto';
import { readIfExists, writeFileAtomic } from './durable';
import { decodeEnvelope, encodeEnvelope, EnvelopeError } from './envelope';

/**
 * Per-partition keys (one per student). Everything personal about a student is encrypted with
 * that student's key, including in every backup. Erasing a student destroys its key, so the
 * copies of its records left in older backups can never be decrypted again (crypto-erasure).
 *
 * The key table is never part of a backup: it is kept in two copies (A and B) that are always
 * rewritten together, each atomically, and carry a generation number so a crash between the two
 * writes is repaired on the next unlock.
 */
const PartitionKeys = z.strictObject({
  generation: z.number().int().nonnegative(),
  keys: z.record(z.string(), z.string()),
  /** Partitions whose erasure has begun: their key is destroyed once the save removing them lands. */
  erasing: z.array(z.string()).default([]),
});

const FILES = ['partition-keys.a.mdv', 'partition-keys.b.mdv'] as const;

export class PartitionKeyTable {
  private constructor(
    private readonly dir: string,
    private readonly dataKey: Buffer,
    private generation: number,
    private readonly keys: Map<string, Buffer>,
    private readonly erasing: Set<string>,
  ) {}

  static async load(dir: string, dataKey: Buffer): Promise<PartitionKeyTable> {
    const copies: z.infer<typeof PartitionKeys>[] = [];
    let damaged = 0;
    for (const name of FILES) {
      const bytes = await readIfExists(join(dir, name));
      if (!bytes) continue;
      try {
        copies.push(PartitionKeys.parse(JSON.parse(decodeEnvelope(bytes, dataKey, { kind: 'partition-keys', name, keyId: 'data' }).toString('utf8'))));
      } catch (err) {
        if (!(err instanceof EnvelopeError) && !(err instanceof SyntaxError) && !(err instanceof z.ZodError)) throw err;
        damaged++;
      }
    }
    if (copies.length === 0 && damaged > 0) throw new EnvelopeError('authentication', 'Both copies of the student key table are damaged.');
    const newest = copies.sort((a, b) => b.generation - a.generation)[0] ?? { generation: 0, keys: {}, erasing: [] };
    const keys = new Map(Object.entries(newest.keys).map(([id, k]) => [id, Buffer.from(k, 'base64')]));
    const table = new PartitionKeyTable(dir, dataKey, newest.generation, keys, new Set(newest.erasing));
    const inStep = copies.length === FILES.length && copies.every((c) => c.generation === newest.generation);
    if (!inStep && (copies.length > 0 || damaged > 0)) await table.persist();
    return table;
  }

  get(partition: string): Buffer | undefined {
    return this.keys.get(partition);
  }

  has(partition: string): boolean {
    return this.keys.has(partition);
  }

  async create(partition: string): Promise<Buffer> {
    await this.createMany([partition]);
    return this.keys.get(partition)!;
  }

  /** Makes keys for many partitions with one write of the table (an import of hundreds of students). */
  async createMany(partitions: string[]): Promise<void> {
    const missing = partitions.filter((p) => !this.keys.has(p));
    if (missing.length === 0) return;
    for (const partition of missing) this.keys.set(partition, randomKey());
    await this.persist();
  }

  /**
   * Erasure happens in three steps that survive a crash between any two: mark the partition as
   * being erased, save the removal of its documents, destroy its key. On the next unlock,
   * `finishErasures` completes a marked erasure whose save landed and cancels one whose save did not.
   */
  async beginErasure(partition: string): Promise<void> {
    if (!this.keys.has(partition)) return;
    this.erasing.add(partition);
    await this.persist();
  }

  /** Destroys a partition's key: its data, wherever a copy lies, is unreadable from now on. */
  async destroy(partition: string): Promise<void> {
    const key = this.keys.get(partition);
    this.erasing.delete(partition);
    if (!key) return;
    this.keys.delete(partition);
    await this.persist();
    key.fill(0);
  }

  async finishErasures(stillReferenced: (partition: string) => boolean): Promise<void> {
    if (this.erasing.size === 0) return;
    for (const partition of [...this.erasing]) {
      if (stillReferenced(partition)) this.erasing.delete(partition);
      else {
        this.keys.get(partition)?.fill(0);
        this.keys.delete(partition);
        this.erasing.delete(partition);
      }
    }
    await this.persist();
  }

  get size(): number {
    return this.keys.size;
  }

  /** Zeroes every key held in memory (on lock). */
  wipe(): void {
    for (const key of this.keys.values()) key.fill(0);
    this.keys.clear();
    this.erasing.clear();
  }

  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  /** Refuses further changes and resolves once a write under way has finished. */
  close(): Promise<void> {
    this.closed = true;
    return this.queue.then(() => undefined);
  }

  /** Table writes happen one at a time, and never after close. */
  private persist(): Promise<void> {
    if (this.closed) return Promise.reject(new AppFailure('LOCKED', 'Mentor Desk locked before this could be saved. Unlock and try again.'));
    const run = this.queue.then(() => this.write());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(): Promise<void> {
    this.generation += 1;
    const plain = Buffer.from(
      JSON.stringify({ generation: this.generation, keys: Object.fromEntries([...this.keys].map(([id, k]) => [id, k.toString('base64')])), erasing: [...this.erasing] }),
      'utf8',
    );
    for (const name of FILES) {
      await writeFileAtomic(join(this.dir, name), encodeEnvelope(this.dataKey, { alg: 'AES-256-GCM', kind: 'partition-keys', name, keyId: 'data' }, plain));
    }
  }
}
