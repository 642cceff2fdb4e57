import { AppFailure } from '../../../../shared/errors';
import { academicYearOf } from '../../../../shared/domain/academicYear';
import { createSignedRecord, currentVersion, edit, isComplete, sign } from '../../../../shared/domain/signing';
import { AGREEMENT_SIGNERS } from '../../../../shared/schemas/agreement';
import {
  FIRST_SESSION_TOPICS,
  type FirstSessionContent,
  type FirstSessionDraft,
  type FirstSessionRecord,
  type Tick,
} from '../../../../shared/schemas/firstSession';
import { confidentialityExceptions } from '../../../../shared/schemas/handbook';
import { signerRoleLabels } from '../../../../shared/schemas/signature';
import type { Settings } from '../../../../shared/schemas/settings';
import type { Signature } from '../../../../shared/schemas/signature';
import type { Student } from '../../../../shared/schemas/student';
import type { Clock } from '../clock';
import { renderFormPdf, safeFilePart, writeExport, type ProviderHeader } from '../documents';
import type { Block } from '../documents';
import { studentAndMentorFields } from '../documents/forms/common';
import { newId, type StudentDocument, type StudentRecords } from './students';

/**
 * The first session's record: one per student, started from the provider's guidelines, ticked item
 * by item (the backend stamps each tick's time), and signed by the student and the mentor. After a
 * signature, changes become an amendment (shared/domain/signing.ts).
 */
export class FirstSessions {
  constructor(
    private readonly students: StudentRecords,
    private readonly clock: Clock,
  ) {}

  async get(studentId: string): Promise<FirstSessionRecord | null> {
    return (await this.students.read(studentId)).firstSession;
  }

  async start(studentId: string, settings: Settings): Promise<FirstSessionRecord> {
    const doc = await this.students.read(studentId);
    if (doc.firstSession) throw new AppFailure('INVALID_INPUT', 'This student already has a first session record. Open it from the First session tab.');
    const now = this.clock.now();
    const untick: Tick = { done: false, at: null };
    const content: FirstSessionContent = {
      studentName: doc.profile.fullName,
      mentorName: settings.mentorName,
      providerName: settings.providerName,
      heldOn: isoDay(now),
      guidelines: settings.mentoringGuidelines.map((text) => ({ text, tick: untick })),
      topics: Object.fromEntries(FIRST_SESSION_TOPICS.map((t) => [t, untick])) as FirstSessionContent['topics'],
      expectations: '',
      strengths: '',
      challenges: '',
      contactDetails: null,
      agreement: null,
      notes: '',
    };
    const record: FirstSessionRecord = { id: newId(), createdAt: now, record: createSignedRecord(content, now) };
    await this.students.change(studentId, (d) => ({ ...d, firstSession: record }), { field: 'firstSession', value: 'started' });
    return record;
  }

  /**
   * Applies the mentor's edits. A newly ticked item gets the time now; an item ticked earlier keeps
   * its time; unticking clears it. Ticking the contact details copies them from the profile as they
   * are now; ticking the agreement needs this year's agreement signed by both, and records which.
   */
  async save(studentId: string, draft: FirstSessionDraft): Promise<FirstSessionRecord> {
    const doc = await this.students.read(studentId);
    const existing = requireRecord(doc);
    const current = currentVersion(existing.record).content;
    if (draft.guidelinesDone.length !== current.guidelines.length) {
      throw new AppFailure('INVALID_INPUT', 'The list of guidelines changed while you were working: reopen the first session record and tick them again.');
    }
    const now = this.clock.now();
    const tick = (before: Tick, done: boolean): Tick => (done ? (before.done ? before : { done: true, at: now }) : { done: false, at: null });
    const topics = Object.fromEntries(FIRST_SESSION_TOPICS.map((t) => [t, tick(current.topics[t], draft.topics[t])])) as FirstSessionContent['topics'];
    const content: FirstSessionContent = {
      ...current,
      heldOn: draft.heldOn,
      guidelines: current.guidelines.map((g, i) => ({ text: g.text, tick: tick(g.tick, draft.guidelinesDone[i] ?? false) })),
      topics,
      expectations: draft.expectations,
      strengths: draft.strengths,
      challenges: draft.challenges,
      notes: draft.notes,
      contactDetails: !draft.topics.contactDetails ? null : current.topics.contactDetails.done && current.contactDetails ? current.contactDetails : contactDetailsOf(doc.profile),
      agreement: draft.topics.agreement ? (current.topics.agreement.done && current.agreement ? current.agreement : signedAgreementFor(doc, draft.heldOn)) : null,
    };
    const record = edit(existing.record, content, now);
    if (record === existing.record) return existing;
    const next = { ...existing, record };
    const amended = record.versions.length > existing.record.versions.length;
    await this.students.change(studentId, (d) => ({ ...d, firstSession: next }), { field: 'firstSession', value: amended ? 'amended' : 'updated' });
    return next;
  }

  async sign(studentId: string, signature: Signature): Promise<FirstSessionRecord> {
    const existing = requireRecord(await this.students.read(studentId));
    const result = sign(existing.record, signature, this.clock.now());
    if (!result.ok) throw new AppFailure('CONFIRMATION_MISMATCH', result.message);
    const next = { ...existing, record: result.record };
    await this.students.change(studentId, (d) => ({ ...d, firstSession: next }), { field: 'firstSession', value: `signed by the ${signerRoleLabels[signature.role].toLowerCase()}` });
    return next;
  }

  async exportPdf(studentId: string, provider: ProviderHeader, exportDir: string): Promise<{ path: string; fileName: string }> {
    const doc = await this.students.read(studentId);
    const bytes = await this.render(doc, provider);
    const content = currentVersion(requireRecord(doc).record).content;
    return writeExport(exportDir, `First session - ${safeFilePart(content.studentName)} - ${content.heldOn}`, bytes);
  }

  /** The current version's PDF bytes (exports and the completion pack). */
  render(doc: StudentDocument, provider: ProviderHeader): Promise<Uint8Array> {
    const studentId = doc.profile.id;
    const existing = requireRecord(doc);
    const version = currentVersion(existing.record);
    const content = version.content;
    return renderFormPdf({
      title: 'First session record',
      subtitle: `${content.studentName} · ${ukDate(content.heldOn)}${version.amends !== null ? ` · amendment ${existing.record.versions.length - 1}` : ''}`,
      provider: { ...provider, name: content.providerName || provider.name },
      sections: firstSessionSections(content, doc.profile),
      signatures: version.signatures,
      hash: version.hash,
      meta: {
        kind: 'first-session',
        studentRef: doc.profile.studentNumber || doc.profile.id,
        mentor: content.mentorName,
        date: content.heldOn,
        record: { kind: 'first-session', studentId, recordId: existing.id, version: existing.record.versions.length, ...version },
        exportedAt: this.clock.now(),
      },
    });
  }
}

function requireRecord(doc: StudentDocument): FirstSessionRecord {
  if (!doc.firstSession) throw new AppFailure('NOT_FOUND', 'This student has no first session record yet. Start one from the First session tab.');
  return doc.firstSession;
}

function contactDetailsOf(profile: Student): FirstSessionContent['contactDetails'] {
  return { email: profile.email, phone: profile.phone, preferredContact: profile.preferredContact, emergencyContact: profile.emergencyContact };
}

function signedAgreementFor(doc: StudentDocument, heldOn: string): FirstSessionContent['agreement'] {
  const year = academicYearOf(Date.parse(`${heldOn}T12:00:00Z`));
  const agreement = [...doc.agreements].reverse().find((a) => a.academicYear === year && isComplete(currentVersion(a.record), AGREEMENT_SIGNERS));
  if (!agreement) {
    throw new AppFailure('INVALID_INPUT', `The service agreement for ${year} is not signed by both of you yet. Open the Agreement tab, have it signed, then tick this item.`, {
      issues: [{ path: 'topics.agreement', message: `Sign the ${year} service agreement first` }],
    });
  }
  return { academicYear: year, hash: currentVersion(agreement.record).hash };
}

/** The record's body, in the order it was gone through. */
function firstSessionSections(content: FirstSessionContent, profile: Student): { heading: string; blocks: Block[] }[] {
  const at = (tick: Tick) => (tick.at === null ? undefined : ukTime(tick.at));
  const item = (label: string, tick: Tick) => ({ label, checked: tick.done, ...(at(tick) ? { note: `ticked ${at(tick)}` } : {}) });
  const text = (value: string) => value.trim() || '—';
  return [
    {
      heading: 'Student and mentor',
      blocks: [
        {
          type: 'fields',
          fields: [...studentAndMentorFields(content.studentName, profile, content.mentorName), { label: 'Session held on', value: ukDate(content.heldOn) }],
        },
      ],
    },
    { heading: 'Mentoring guidelines gone through', blocks: [{ type: 'checklist', items: content.guidelines.map((g, i) => item(`${i + 1}. ${g.text}`, g.tick)) }] },
    {
      heading: 'Confidentiality, counselling and expectations',
      blocks: [
        { type: 'checklist', items: [item('Confidentiality and its two exceptions explained', content.topics.confidentiality)] },
        ...confidentialityExceptions.map((text, i) => ({ type: 'paragraph' as const, text: `Exception ${i + 1}: ${text}`, muted: true })),
        { type: 'checklist', items: [item('Mentoring told apart from counselling', content.topics.notCounselling), item('The student’s expectations discussed', content.topics.expectations)] },
        { type: 'fields', fields: [{ label: 'Expectations', value: text(content.expectations) }] },
      ],
    },
    {
      heading: 'Strengths and challenges',
      blocks: [
        { type: 'checklist', items: [item('Strengths and challenges noted', content.topics.strengths)] },
        { type: 'fields', fields: [{ label: 'Strengths', value: text(content.strengths) }, { label: 'Challenges', value: text(content.challenges) }] },
      ],
    },
    {
      heading: 'Contact details and service agreement',
      blocks: [
        { type: 'checklist', items: [item('Contact details checked with the student', content.topics.contactDetails)] },
        ...(content.contactDetails
          ? [
              {
                type: 'fields' as const,
                fields: [
                  { label: 'Email', value: text(content.contactDetails.email) },
                  { label: 'Phone', value: text(content.contactDetails.phone) },
                  { label: 'Preferred contact', value: text(content.contactDetails.preferredContact) },
                  { label: 'Emergency contact', value: text(emergencyText(content.contactDetails.emergencyContact)) },
                ],
              },
            ]
          : []),
        { type: 'checklist', items: [item('Service agreement signed', content.topics.agreement)] },
        ...(content.agreement ? [{ type: 'paragraph' as const, text: `Service agreement ${content.agreement.academicYear}, content hash ${content.agreement.hash.slice(0, 16)}…`, muted: true }] : []),
      ],
    },
    ...(content.notes.trim() ? [{ heading: 'Notes', blocks: [{ type: 'paragraph' as const, text: content.notes }] }] : []),
  ];
}

function emergencyText(c: { name: string; relationship: string; phone: string }): string {
  return [c.name, c.relationship && `(${c.relationship})`, c.phone].filter(Boolean).join(' ');
}

function isoDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
export function ukDate(iso: string): string {
  return iso.split('-').reverse().join('/');
}
export function ukTime(at: number): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/London' }).format(at);
}
