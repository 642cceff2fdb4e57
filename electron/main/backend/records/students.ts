import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppFailure } from '../../../../shared/errors';
import { Student, StudentSummary, type StudentDraft } from '../../../../shared/schemas/student';
import type { AuditChange } from '../../../../shared/schemas/audit';
import type { Clock } from '../clock';
import type { Session } from '../vault/vault';
import { StoreDamage } from '../vault/store';
import { openValue, sealValue } from '../vault/sealedValue';
import { changedFields } from './diff';

/**
 * Students. Each student's records live in their own document (`students/<id>`), encrypted with
 * that student's own key, so a save touches one student and erasing a student reaches every
 * backup. The caseload index holds each student's summary sealed with the same key.
 */
export const studentKeyId = (id: string) => `student:${id}`;
const studentDoc = (id: string) => `students/${id}`;
const INDEX_ID = 'index/students';

const StudentDocument = z.strictObject({ profile: Student });
const Index = z.record(z.string(), z.string());

export function newId(): string {
  return randomBytes(12).toString('base64url');
}

export class StudentRecords {
  private summaries: Map<string, StudentSummary> | null = null;

  constructor(
    private readonly session: Session,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<StudentSummary[]> {
    const summaries = await this.loadSummaries();
    return [...summaries.values()].sort((a, b) => a.fullName.localeCompare(b.fullName, 'en-GB'));
  }

  async get(id: string): Promise<Student> {
    const raw = await this.session.store.get(studentDoc(id));
    if (raw === undefined) throw new AppFailure('NOT_FOUND', 'That student is not in your records (they may have been deleted).');
    const parsed = StudentDocument.safeParse(raw);
    if (!parsed.success) throw new StoreDamage('A student record does not match what Mentor Desk expects.', studentDoc(id));
    return parsed.data.profile;
  }

  async create(draft: StudentDraft): Promise<Student> {
    const now = this.clock.now();
    const student: Student = { ...draft, id: newId(), createdAt: now, updatedAt: now };
    await this.session.partitions.create(studentKeyId(student.id));
    await this.save(student, { action: 'create', changes: changedFields(null, draft) });
    return student;
  }

  async update(id: string, draft: StudentDraft): Promise<Student> {
    const before = await this.get(id);
    const changes = changedFields(pickDraft(before), draft);
    if (changes.length === 0) return before;
    const student: Student = { ...before, ...draft, updatedAt: this.clock.now() };
    await this.save(student, { action: 'update', changes });
    return student;
  }

  /**
   * Erasure: removes the student's documents and summary, then destroys the student's key, so
   * copies in older backups can never be read again. The audit log records that it happened.
   */
  async delete(id: string, confirmName: string): Promise<void> {
    const student = await this.get(id);
    if (confirmName.trim() !== student.fullName.trim()) {
      throw new AppFailure('CONFIRMATION_MISMATCH', 'The name you typed does not match the student’s full name, so nothing was deleted.');
    }
    const index = await this.readIndex();
    delete index[id];
    const docs = this.session.store.list(studentDoc(id)).filter((doc) => doc === studentDoc(id) || doc.startsWith(`${studentDoc(id)}/`));
    await this.session.commit(
      { puts: [{ id: INDEX_ID, data: index }], deletes: docs },
      [{ action: 'delete', kind: 'student', recordId: id, note: 'student and all their records erased' }],
    );
    this.summaries?.delete(id);
    await this.session.partitions.destroy(studentKeyId(id));
  }

  /** Opens sealed old/new values in audit entries, where the student's key still exists. */
  unsealChanges(recordId: string, changes: AuditChange[]): AuditChange[] {
    const key = this.session.partitions.get(studentKeyId(recordId));
    return changes.map((c) => {
      if (!isSealedChange(c)) return c;
      if (!key) return { field: c.field, old: '(erased)', new: '(erased)' };
      const open = (v: unknown) => (typeof v === 'string' ? openValue(key, `audit:${recordId}:${c.field}`, v.slice(SEALED.length)) : v);
      return { field: c.field, old: open(c.old), new: open(c.new) };
    });
  }

  private async save(student: Student, audit: { action: 'create' | 'update'; changes: AuditChange[] }): Promise<void> {
    const keyId = studentKeyId(student.id);
    const key = this.session.partitions.get(keyId);
    if (!key) throw new AppFailure('NOT_FOUND', 'That student was deleted.');
    const summary = toSummary(student);
    const index = await this.readIndex();
    index[student.id] = sealValue(key, `summary:${student.id}`, summary);
    const sealedChanges = audit.changes.map((c) => ({
      field: c.field,
      old: c.old === undefined ? undefined : SEALED + sealValue(key, `audit:${student.id}:${c.field}`, c.old),
      new: c.new === undefined ? undefined : SEALED + sealValue(key, `audit:${student.id}:${c.field}`, c.new),
    }));
    await this.session.commit(
      { puts: [{ id: studentDoc(student.id), data: { profile: student }, keyId }, { id: INDEX_ID, data: index }] },
      [{ action: audit.action, kind: 'student', recordId: student.id, changes: sealedChanges }],
    );
    (await this.loadSummaries()).set(student.id, summary);
  }

  private async readIndex(): Promise<Record<string, string>> {
    const raw = await this.session.store.get(INDEX_ID);
    if (raw === undefined) return {};
    const parsed = Index.safeParse(raw);
    if (!parsed.success) throw new StoreDamage('The caseload index does not match what Mentor Desk expects.', INDEX_ID);
    return parsed.data;
  }

  private async loadSummaries(): Promise<Map<string, StudentSummary>> {
    if (this.summaries) return this.summaries;
    const index = await this.readIndex();
    const summaries = new Map<string, StudentSummary>();
    for (const [id, sealed] of Object.entries(index)) {
      const key = this.session.partitions.get(studentKeyId(id));
      if (!key) continue; // erased
      summaries.set(id, StudentSummary.parse(openValue(key, `summary:${id}`, sealed)));
    }
    this.summaries = summaries;
    return summaries;
  }
}

const SEALED = 'sealed:';
function isSealedChange(c: AuditChange): boolean {
  return [c.old, c.new].some((v) => typeof v === 'string' && v.startsWith(SEALED));
}

function pickDraft(s: Student): StudentDraft {
  return { fullName: s.fullName, preferredName: s.preferredName, studentNumber: s.studentNumber, email: s.email };
}

function toSummary(s: Student): StudentSummary {
  return { id: s.id, fullName: s.fullName, preferredName: s.preferredName, studentNumber: s.studentNumber, updatedAt: s.updatedAt };
}
