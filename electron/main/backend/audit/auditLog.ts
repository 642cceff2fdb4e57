import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AuditEntry, type AuditCheck, type AuditChange } from '../../../../shared/schemas/audit';
import type { Put } from '../vault/store';

/**
 * The audit log: every create, update and delete, with the fields changed. It is stored in the
 * vault like everything else, in pages of PAGE_SIZE entries (so an append rewrites one small page),
 * and is tamper-evident: each entry carries the SHA-256 of the previous one, and `check` reports
 * the first entry whose link or content does not match.
 *
 * Old and new values of a student's fields are sealed with that student's key before they enter
 * the log, so erasing the student makes them unreadable while the chain itself stays intact:
 * the log keeps that a deletion happened, not what was deleted.
 */
export const PAGE_SIZE = 256;
export const AUDIT_PREFIX = 'audit/';
const GENESIS = '0'.repeat(64);

export interface AuditEvent {
  action: z.infer<typeof AuditEntry>['action'];
  kind: string;
  recordId: string;
  changes?: AuditChange[];
  note?: string;
}

const Page = z.strictObject({ entries: z.array(AuditEntry) });

export interface AuditStorage {
  get(id: string): Promise<unknown>;
  list(prefix: string): string[];
}

const pageId = (n: number) => `${AUDIT_PREFIX}${String(n).padStart(8, '0')}`;

export function hashEntry(entry: Omit<AuditEntry, 'hash'>): string {
  // Fixed key order, so the hash does not depend on how an object happened to be built.
  const canonical = JSON.stringify([entry.seq, entry.at, entry.action, entry.kind, entry.recordId, entry.changes, entry.note ?? null, entry.prev]);
  return createHash('sha256').update(canonical).digest('hex');
}

export class AuditLog {
  private page: AuditEntry[] = [];
  private pageNumber = 0;
  private lastHash = GENESIS;
  private nextSeq = 0;

  private constructor(private readonly storage: AuditStorage) {}

  static async load(storage: AuditStorage): Promise<AuditLog> {
    const log = new AuditLog(storage);
    const pages = storage.list(AUDIT_PREFIX).sort();
    const last = pages[pages.length - 1];
    if (last) {
      log.pageNumber = Number(last.slice(AUDIT_PREFIX.length));
      log.page = Page.parse(await storage.get(last)).entries;
      const tail = log.page[log.page.length - 1];
      if (tail) {
        log.lastHash = tail.hash;
        log.nextSeq = tail.seq + 1;
      }
    }
    return log;
  }

  get total(): number {
    return this.nextSeq;
  }

  /**
   * Builds the entries for `events` and the page document(s) to save with them. The caller saves
   * the returned puts in the same commit as the records they describe, then calls `accept`.
   */
  prepare(events: AuditEvent[], at: number): { puts: Put[]; accept: () => void } {
    let page = [...this.page];
    let pageNumber = this.pageNumber;
    let prev = this.lastHash;
    let seq = this.nextSeq;
    const puts = new Map<string, Put>();
    for (const event of events) {
      if (page.length >= PAGE_SIZE) {
        pageNumber += 1;
        page = [];
      }
      const base = { seq, at, action: event.action, kind: event.kind, recordId: event.recordId, changes: event.changes ?? [], ...(event.note ? { note: event.note } : {}), prev };
      const entry: AuditEntry = { ...base, hash: hashEntry(base) };
      page.push(entry);
      puts.set(pageId(pageNumber), { id: pageId(pageNumber), data: { entries: [...page] } });
      prev = entry.hash;
      seq += 1;
    }
    return {
      puts: [...puts.values()],
      accept: () => {
        this.page = page;
        this.pageNumber = pageNumber;
        this.lastHash = prev;
        this.nextSeq = seq;
      },
    };
  }

  /** The newest entries first, optionally for one record. */
  async recent(limit: number, recordId?: string): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    const pages = this.storage.list(AUDIT_PREFIX).sort().reverse();
    for (const id of pages) {
      const entries = id === pageId(this.pageNumber) ? this.page : Page.parse(await this.storage.get(id)).entries;
      for (let i = entries.length - 1; i >= 0 && out.length < limit; i--) {
        const e = entries[i]!;
        if (!recordId || e.recordId === recordId) out.push(e);
      }
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Walks the whole chain from the first entry. */
  async check(): Promise<AuditCheck> {
    let prev = GENESIS;
    let expectedSeq = 0;
    const pages = this.storage.list(AUDIT_PREFIX).sort();
    for (const id of pages) {
      const parsed = Page.safeParse(await this.storage.get(id));
      if (!parsed.success) {
        return { ok: false, entries: expectedSeq, firstBrokenSeq: expectedSeq, message: `A page of the audit log is malformed (from entry ${expectedSeq}).` };
      }
      for (const entry of parsed.data.entries) {
        const { hash, ...rest } = entry;
        if (entry.seq !== expectedSeq || entry.prev !== prev || hashEntry(rest) !== hash) {
          return {
            ok: false,
            entries: expectedSeq,
            firstBrokenSeq: expectedSeq,
            message: `The audit log does not check out from entry ${expectedSeq}: an entry was changed, removed or inserted.`,
          };
        }
        prev = hash;
        expectedSeq += 1;
      }
    }
    return { ok: true, entries: expectedSeq, firstBrokenSeq: null, message: `All ${expectedSeq} entries check out.` };
  }
}
