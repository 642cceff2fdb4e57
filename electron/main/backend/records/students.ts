import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppFailure } from '../../../../shared/errors';
import { activeConsent, Student, StudentSummary, type ConsentMethod, type StudentDraft, type StudentStatus } from '../../../../shared/schemas/student';
import { Referral } from '../../../../shared/schemas/referral';
import { AGREEMENT_SIGNERS, ServiceAgreement } from '../../../../shared/schemas/agreement';
import { FirstSessionRecord } from '../../../../shared/schemas/firstSession';
import { BoundaryRecords, emptyBoundaryRecords } from '../../../../shared/schemas/boundaries';
import { LearningPlan } from '../../../../shared/schemas/ilp';
import { Session as SupportSession } from '../../../../shared/schemas/session';
import { SurveyEntry } from '../../../../shared/schemas/survey';
import { Closure, Deferral, defaultHoursPolicy, type HoursPolicy } from '../../../../shared/schemas/hoursPolicy';
import { applyDeferrals, hoursSummary } from '../../../../shared/domain/hours';
import { summariseSession } from '../../../../shared/domain/sessionRules';
import { currentVersion, isComplete } from '../../../../shared/domain/signing';
import type { AuditChange } from '../../../../shared/schemas/audit';
import type { IsoDate } from '../../../../shared/schemas/common';
import { firstSuccessfulContactAt } from '../../../../shared/domain/firstContact';
import type { Clock } from '../clock';
import type { Session } from '../vault/vault';
import { StoreDamage, bucketOf, type Put } from '../vault/store';
import { openValue, sealValue } from '../vault/sealedValue';
import { changedFields } from './diff';
import { CaseloadIndex } from './caseloadIndex';
import { readSettings } from './settings';

/**
 * Students. Each student's records live in their own document (`students/<id>`), encrypted with
 * that student's own key, so a save touches one student and erasing a student reaches every
 * backup. The caseload index (pages `index/students/<bucket>`) holds each student's summary, sealed
 * with the same key, so the list and search open without reading every student's file.
 */
export const studentKeyId = (id: string) => `student:${id}`;
const studentDoc = (id: string) => `students/${id}`;
const INDEX_PREFIX = 'index/students/';
const indexPage = (id: string) => `${INDEX_PREFIX}${bucketOf(id)}`;

export const StudentDocument = z.strictObject({
  profile: Student,
  referral: Referral.nullable().default(null),
  agreements: z.array(ServiceAgreement).default([]),
  firstSession: FirstSessionRecord.nullable().default(null),
  boundaries: BoundaryRecords.default(emptyBoundaryRecords),
  ilp: LearningPlan.nullable().default(null),
  sessions: z.array(SupportSession).default([]),
  deferrals: z.array(Deferral).default([]),
  closure: Closure.nullable().default(null),
  /** Survey entries and answers: here, so erasing the student erases their responses. */
  surveys: z.array(SurveyEntry).default([]),
});
export type StudentDocument = z.infer<typeof StudentDocument>;
const IndexPage = z.record(z.string(), z.string());

export function newId(): string {
  return randomBytes(12).toString('base64url');
}

const NEEDS_CONSENT = 'Record the student’s consent to keep health and disability information before adding support needs.';

export class StudentRecords {
  private index: CaseloadIndex | null = null;

  constructor(
    private readonly session: Session,
    private readonly clock: Clock,
  ) {}

  /** The caseload index, read (and unsealed) on first use in a session. */
  async caseload(): Promise<CaseloadIndex> {
    if (this.index) return this.index;
    const summaries: StudentSummary[] = [];
    const pages = await Promise.all(this.session.store.list(INDEX_PREFIX).map((page) => this.readIndexPage(page)));
    for (const page of pages) {
      for (const [id, sealed] of Object.entries(page)) {
        const key = this.session.partitions.get(studentKeyId(id));
        if (!key) continue; // erased
        summaries.push(StudentSummary.parse(openValue(key, `summary:${id}`, sealed)));
      }
    }
    this.index = new CaseloadIndex(summaries);
    return this.index;
  }

  async list(): Promise<StudentSummary[]> {
    return (await this.caseload()).all();
  }

  async read(id: string): Promise<StudentDocument> {
    const raw = await this.session.store.get(studentDoc(id));
    if (raw === undefined) throw new AppFailure('NOT_FOUND', 'That student is not in your records (they may have been deleted).');
    const parsed = StudentDocument.safeParse(raw);
    if (!parsed.success) throw new StoreDamage('A student record does not match what Mentor Desk expects.', studentDoc(id));
    return parsed.data;
  }

  async get(id: string): Promise<Student> {
    return (await this.read(id)).profile;
  }

  async create(draft: StudentDraft, options: { status?: StudentStatus; referral?: Referral } = {}): Promise<Student> {
    requireConsentFor(draft, null);
    const now = this.clock.now();
    const status = options.status ?? 'active';
    const student: Student = {
      ...draft,
      id: newId(),
      status,
      statusHistory: [{ status, on: isoDay(now), at: now, note: options.referral ? 'referral received' : '' }],
      consents: [],
      lastContactAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.session.partitions.create(studentKeyId(student.id));
    await this.save(newDocument(student, options.referral ?? null), [{ action: 'create', changes: changedFields(null, draft) }]);
    return student;
  }

  /** Adds many students in one save: all of them, or (on any failure) none. */
  async createMany(drafts: StudentDraft[]): Promise<number> {
    const now = this.clock.now();
    const docs: StudentDocument[] = drafts.map((draft) => {
      requireConsentFor(draft, null);
      const profile: Student = { ...draft, id: newId(), status: 'active', statusHistory: [{ status: 'active', on: isoDay(now), at: now, note: 'imported' }], consents: [], lastContactAt: null, createdAt: now, updatedAt: now };
      return newDocument(profile, null);
    });
    await this.session.partitions.createMany(docs.map((d) => studentKeyId(d.profile.id)));
    await this.saveMany(docs.map((doc) => ({ doc, audit: [{ action: 'create' as const, changes: changedFields(null, pickDraft(doc.profile)), note: 'imported from CSV' }] })));
    return docs.length;
  }

  async update(id: string, draft: StudentDraft): Promise<Student> {
    const doc = await this.read(id);
    const before = doc.profile;
    requireConsentFor(draft, before);
    const changes = changedFields(pickDraft(before), draft);
    if (changes.length === 0) return before;
    const profile: Student = { ...before, ...draft, updatedAt: this.clock.now() };
    await this.save({ ...doc, profile }, [{ action: 'update', changes }]);
    return profile;
  }

  async setStatus(id: string, status: StudentStatus, on: IsoDate, note: string): Promise<Student> {
    const doc = await this.read(id);
    const now = this.clock.now();
    const profile: Student = { ...doc.profile, status, statusHistory: [...doc.profile.statusHistory, { status, on, at: now, note }], updatedAt: now };
    await this.save({ ...doc, profile }, [{ action: 'update', changes: [{ field: 'status', old: doc.profile.status, new: status }], note: note ? `status: ${status}` : undefined }]);
    return profile;
  }

  async recordConsent(id: string, consent: { givenOn: IsoDate; scope: string; method: ConsentMethod }): Promise<Student> {
    const doc = await this.read(id);
    const now = this.clock.now();
    const profile: Student = { ...doc.profile, consents: [...doc.profile.consents, { ...consent, withdrawnOn: '', recordedAt: now }], updatedAt: now };
    await this.save({ ...doc, profile }, [{ action: 'update', changes: [{ field: 'consent', new: `given ${consent.givenOn} (${consent.method})` }] }]);
    return profile;
  }

  /** Withdrawal of consent: the support needs it covered are cleared, and the withdrawal dated. */
  async withdrawConsent(id: string, on: IsoDate): Promise<Student> {
    const doc = await this.read(id);
    const current = activeConsent(doc.profile);
    if (!current) throw new AppFailure('NOT_FOUND', 'There is no consent in force to withdraw.');
    const now = this.clock.now();
    const consents = doc.profile.consents.map((c, i, all) => (i === all.length - 1 ? { ...c, withdrawnOn: on } : c));
    const profile: Student = { ...doc.profile, consents, supportNeeds: '', updatedAt: now };
    const changes: AuditChange[] = [{ field: 'consent', old: `given ${current.givenOn}`, new: `withdrawn ${on}` }];
    if (doc.profile.supportNeeds) changes.push({ field: 'supportNeeds', old: doc.profile.supportNeeds, new: '' });
    await this.save({ ...doc, profile }, [{ action: 'update', changes }]);
    return profile;
  }

  /** Saves a referral change (contact logged, first session booked) and keeps the summary in step. */
  async saveReferral(id: string, referral: Referral, audit: { field: string; value: string }): Promise<Referral> {
    const doc = await this.read(id);
    const contactTimes = referral.contacts.map((c) => c.at);
    const lastContactAt = contactTimes.length ? Math.max(...contactTimes, doc.profile.lastContactAt ?? 0) : doc.profile.lastContactAt;
    const profile: Student = { ...doc.profile, lastContactAt, updatedAt: this.clock.now() };
    await this.save({ ...doc, profile, referral }, [{ action: 'update', changes: [{ field: audit.field, new: audit.value }] }]);
    return referral;
  }

  /**
   * Changes one part of a student's document (an agreement, a checklist…) and records it in the
   * audit log by field name and a short description, never the content.
   */
  async change(id: string, mutate: (doc: StudentDocument) => StudentDocument, audit: { field: string; value: string }): Promise<StudentDocument> {
    const doc = await this.read(id);
    const next = mutate(doc);
    await this.save({ ...next, profile: { ...next.profile, updatedAt: this.clock.now() } }, [{ action: 'update', changes: [{ field: audit.field, new: audit.value }] }]);
    return next;
  }

  /** Like `change` for several students in one save: all of them, or (on any failure) none. */
  async changeMany(items: { id: string; mutate: (doc: StudentDocument) => StudentDocument; audit: { field: string; value: string } }[]): Promise<void> {
    const now = this.clock.now();
    const docs = await Promise.all(items.map(async ({ id, mutate }) => mutate(await this.read(id))));
    await this.saveMany(docs.map((next, i) => ({ doc: { ...next, profile: { ...next.profile, updatedAt: now } }, audit: [{ action: 'update' as const, changes: [{ field: items[i]!.audit.field, new: items[i]!.audit.value }] }] })));
  }

  /**
   * Erasure: marks the student's key for destruction, saves the removal of their documents and
   * summary, then destroys the key, so copies in older backups can never be read again. A crash
   * between the steps is finished (or undone) on the next unlock. The audit log records only that
   * it happened.
   */
  async delete(id: string, confirmName: string): Promise<void> {
    const student = await this.get(id);
    if (confirmName.trim() !== student.fullName.trim()) {
      throw new AppFailure('CONFIRMATION_MISMATCH', 'The name you typed does not match the student’s full name, so nothing was deleted.');
    }
    const page = await this.readIndexPage(indexPage(id));
    delete page[id];
    const docs = this.session.store.list(studentDoc(id)).filter((doc) => doc === studentDoc(id) || doc.startsWith(`${studentDoc(id)}/`));
    await this.session.partitions.beginErasure(studentKeyId(id));
    await this.session.commit({ puts: [{ id: indexPage(id), data: page }], deletes: docs }, [
      { action: 'delete', kind: 'student', recordId: id, note: 'student and all their records erased' },
    ]);
    (await this.caseload()).remove(id);
    await this.session.partitions.destroy(studentKeyId(id));
  }

  /** Opens sealed old/new values in audit entries, where the student's key still exists. */
  unsealChanges(recordId: string, changes: AuditChange[]): AuditChange[] {
    const key = this.session.partitions.get(studentKeyId(recordId));
    return changes.map((c) => {
      if (!isSealedChange(c)) return c;
      if (!key) return { field: c.field, old: '(erased)', new: '(erased)' };
      const open = (v: unknown) => (typeof v === 'string' && v.startsWith(SEALED) ? openValue(key, `audit:${recordId}:${c.field}`, v.slice(SEALED.length)) : v);
      return { field: c.field, old: open(c.old), new: open(c.new) };
    });
  }

  private save(doc: StudentDocument, audit: { action: 'create' | 'update'; changes: AuditChange[]; note?: string | undefined }[]): Promise<void> {
    return this.saveMany([{ doc, audit }]);
  }

  private async saveMany(items: { doc: StudentDocument; audit: { action: 'create' | 'update'; changes: AuditChange[]; note?: string | undefined }[] }[]): Promise<void> {
    const puts: Put[] = [];
    const pages = new Map<string, Record<string, string>>();
    const summaries: StudentSummary[] = [];
    const events = [];
    let hoursPolicy: HoursPolicy | undefined;
    for (const { doc, audit } of items) {
      const id = doc.profile.id;
      const keyId = studentKeyId(id);
      const key = this.session.partitions.get(keyId);
      if (!key) throw new AppFailure('NOT_FOUND', 'That student was deleted.');
      // Read once the key is in hand: a lock while reading then fails as LOCKED, not as a missing student.
      hoursPolicy ??= (await readSettings(this.session)).hoursPolicy;
      const summary = toSummary(doc, hoursPolicy);
      const pageId = indexPage(id);
      const page = pages.get(pageId) ?? (await this.readIndexPage(pageId));
      page[id] = sealValue(key, `summary:${id}`, summary);
      pages.set(pageId, page);
      puts.push({ id: studentDoc(id), data: doc, keyId });
      summaries.push(summary);
      for (const a of audit) {
        events.push({ action: a.action, kind: 'student', recordId: id, ...(a.note ? { note: a.note } : {}), changes: a.changes.map((c) => sealChange(key, id, c)) });
      }
    }
    for (const [id, data] of pages) puts.push({ id, data });
    await this.session.commit({ puts }, events);
    const index = await this.caseload();
    for (const summary of summaries) index.upsert(summary);
  }

  /**
   * Works every caseload summary out again under the current settings (after the hours policy
   * changes, say), rewriting only the index entries that come out different, in one save.
   */
  async refreshSummaries(): Promise<number> {
    const hoursPolicy = (await readSettings(this.session)).hoursPolicy;
    const index = await this.caseload();
    const pages = new Map<string, Record<string, string>>();
    const changed: StudentSummary[] = [];
    for (const before of index.all()) {
      const key = this.session.partitions.get(studentKeyId(before.id));
      if (!key) continue;
      const summary = toSummary(await this.read(before.id), hoursPolicy);
      if (JSON.stringify(summary) === JSON.stringify(before)) continue;
      const pageId = indexPage(before.id);
      const page = pages.get(pageId) ?? (await this.readIndexPage(pageId));
      page[before.id] = sealValue(key, `summary:${before.id}`, summary);
      pages.set(pageId, page);
      changed.push(summary);
    }
    if (changed.length === 0) return 0;
    await this.session.commit({ puts: [...pages].map(([id, data]) => ({ id, data })) });
    for (const summary of changed) index.upsert(summary);
    return changed.length;
  }

  private async readIndexPage(id: string): Promise<Record<string, string>> {
    const raw = await this.session.store.get(id);
    if (raw === undefined) return {};
    const parsed = IndexPage.safeParse(raw);
    if (!parsed.success) throw new StoreDamage('The caseload index does not match what Mentor Desk expects.', id);
    return parsed.data;
  }
}

const SEALED = 'sealed:';
function isSealedChange(c: AuditChange): boolean {
  return [c.old, c.new].some((v) => typeof v === 'string' && v.startsWith(SEALED));
}
/** Fields whose values never enter the audit log: health details must go when consent goes. */
const VALUES_NOT_LOGGED = new Set(['supportNeeds']);

function sealChange(key: Buffer, id: string, c: AuditChange): AuditChange {
  if (VALUES_NOT_LOGGED.has(c.field)) return { field: c.field };
  const seal = (v: unknown) => (v === undefined ? undefined : SEALED + sealValue(key, `audit:${id}:${c.field}`, v));
  return { field: c.field, old: seal(c.old), new: seal(c.new) };
}

/** Support needs are special category data: kept only while the student's consent is in force. */
function requireConsentFor(draft: StudentDraft, existing: Student | null): void {
  if (draft.supportNeeds.trim() === '' || (existing && activeConsent(existing))) return;
  if (existing && draft.supportNeeds === existing.supportNeeds) return;
  throw new AppFailure('INVALID_INPUT', NEEDS_CONSENT, { issues: [{ path: 'supportNeeds', message: NEEDS_CONSENT }] });
}

const DRAFT_FIELDS = [
  'fullName', 'preferredName', 'pronouns', 'studentNumber', 'institution', 'course', 'yearOfStudy', 'funding', 'allocatedHours', 'hoursDeadline',
  'supportNeeds', 'email', 'phone', 'preferredContact', 'emergencyContact', 'mentorNotes',
] as const satisfies readonly (keyof StudentDraft)[];

function pickDraft(s: Student): StudentDraft {
  return Object.fromEntries(DRAFT_FIELDS.map((f) => [f, s[f]])) as StudentDraft;
}

function newDocument(profile: Student, referral: Referral | null): StudentDocument {
  return { profile, referral, agreements: [], firstSession: null, boundaries: emptyBoundaryRecords(), ilp: null, sessions: [], deferrals: [], closure: null, surveys: [] };
}

export function toSummary({ profile: s, referral, agreements, boundaries, sessions, deferrals }: StudentDocument, policy: HoursPolicy = defaultHoursPolicy): StudentSummary {
  const allocation = applyDeferrals({ allocatedHours: s.allocatedHours, hoursDeadline: s.hoursDeadline }, deferrals);
  // Date-free figures only: the summary is stored, and "today" moves on without a save.
  const hours = hoursSummary({ allocatedHours: allocation.allocatedHours, hoursDeadline: '', sessions: sessions.map(summariseSession) }, policy, '1970-01-01');
  const next = sessions
    .filter((x) => x.cancellation === null && x.record === null)
    .map((x) => `${x.booking.date}T${x.booking.start}`)
    .sort()[0];
  return {
    id: s.id,
    fullName: s.fullName,
    preferredName: s.preferredName,
    studentNumber: s.studentNumber,
    email: s.email,
    phone: s.phone,
    institution: s.institution,
    funding: s.funding,
    status: s.status,
    allocatedHours: s.allocatedHours,
    referralReceivedAt: referral?.receivedAt ?? null,
    firstContactAt: referral ? firstSuccessfulContactAt(referral.contacts) : null,
    lastContactAt: s.lastContactAt,
    agreementYears: [...new Set(agreements.filter((a) => isComplete(currentVersion(a.record), AGREEMENT_SIGNERS)).map((a) => a.academicYear))],
    confidentiality: boundaries.exceptions.length === 0 ? 'none' : boundaries.exceptions.some((e) => !e.closed) ? 'open' : 'closed',
    hoursUsed: hours.used,
    hoursBooked: hours.booked,
    hoursRemaining: hours.remaining,
    hoursDeadline: allocation.hoursDeadline,
    hoursWarnings: hours.warnings.flatMap((w) => (w.kind === 'used-80' || w.kind === 'over-allocation' || w.kind === 'booked-exceeds-remaining' ? [w.kind] : [])),
    nextSessionAt: next ?? null,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

function isoDay(at: number): IsoDate {
  return new Date(at).toISOString().slice(0, 10);
}
