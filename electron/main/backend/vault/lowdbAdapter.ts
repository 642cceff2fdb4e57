import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import type { AuditEvent } from '../audit/auditLog';
import type { Session } from './vault';
import { StoreDamage } from './store';

/**
 * lowdb over one vault document: `read` decrypts and validates it with its zod schema, `write`
 * saves it (encrypted, atomic, durable) together with the audit entries `describe` gives for the
 * change. lowdb's own JSONFile adapter is not used: it writes plaintext and never fsyncs.
 */
export class VaultDocumentAdapter<T> implements Adapter<T> {
  private last: T | null = null;

  constructor(
    private readonly session: Session,
    private readonly id: string,
    private readonly schema: z.ZodType<T>,
    private readonly describe: (before: T | null, after: T) => AuditEvent[] = () => [],
  ) {}

  async read(): Promise<T | null> {
    const raw = await this.session.store.get(this.id);
    if (raw === undefined) return (this.last = null);
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) throw new StoreDamage(`The stored ${this.id} record does not match what Mentor Desk expects.`, this.id);
    return (this.last = parsed.data);
  }

  async write(data: T): Promise<void> {
    const valid = this.schema.parse(data);
    await this.session.commit({ puts: [{ id: this.id, data: valid }] }, this.describe(this.last, valid));
    this.last = valid;
  }
}

/** Opens a document as a lowdb database, filled with `defaults` when it does not exist yet. */
export async function openDocument<T>(session: Session, id: string, schema: z.ZodType<T>, defaults: T, describe?: (before: T | null, after: T) => AuditEvent[]): Promise<Low<T>> {
  const db = new Low<T>(new VaultDocumentAdapter(session, id, schema, describe), defaults);
  await db.read();
  return db;
}
