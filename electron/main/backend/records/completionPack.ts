import { PDFDocument } from 'pdf-lib';
import { contentHash } from '../../../../shared/domain/canonical';
import { currentVersion } from '../../../../shared/domain/signing';
import { summariseSession, ukDate, ukDayAndDate } from '../../../../shared/domain/sessionRules';
import { fundingLabels, statusLabels } from '../../../../shared/schemas/student';
import type { Settings } from '../../../../shared/schemas/settings';
import type { Clock } from '../clock';
import { DocumentBuilder, finishPdf, safeFilePart, writeExport, type ProviderHeader } from '../documents';
import type { Agreements } from './agreements';
import type { FirstSessions } from './firstSession';
import { studentHours } from './hours';
import type { LearningPlans } from './ilp';
import type { Sessions } from './sessions';
import type { StudentDocument, StudentRecords } from './students';

interface Part {
  kind: 'service-agreement' | 'first-session' | 'ilp' | 'progress-log';
  title: string;
  hash: string;
  signedBy: string[];
  bytes: Uint8Array;
}

/**
 * The completion pack the office asks for when a student's mentoring ends: a cover with the
 * closing details and contents, then every service agreement, the first session record, every
 * version of the ILP and every session's progress log, each as its own form prints it. The
 * boundaries record is never part of it, so confidentiality exceptions cannot travel with it.
 */
export class CompletionPacks {
  constructor(
    private readonly students: StudentRecords,
    private readonly clock: Clock,
    private readonly forms: { agreements: Agreements; firstSessions: FirstSessions; ilp: LearningPlans; sessions: Sessions },
  ) {}

  async render(doc: StudentDocument, provider: ProviderHeader, settings: Settings): Promise<{ bytes: Uint8Array; pages: number }> {
    const parts = await this.parts(doc, provider);
    const loaded = await Promise.all(parts.map((p) => PDFDocument.load(p.bytes, { updateMetadata: false })));
    const counts = loaded.map((d) => d.getPageCount());
    const manifest = parts.map((p, i) => ({ kind: p.kind, title: p.title, hash: p.hash, signedBy: p.signedBy, pages: counts[i] ?? 0 }));
    const hours = studentHours(doc, settings.hoursPolicy, this.clock.now());
    const record = { kind: 'completion-pack', studentId: doc.profile.id, closure: doc.closure, hours, deferrals: doc.deferrals, parts: manifest };
    const hash = contentHash(record);

    // The contents give each part's first page, which depends on the cover's own length.
    let coverPages = 1;
    let cover = await this.cover(doc, provider, settings, manifest, hours, hash, coverPages);
    if (cover.pageCount !== coverPages) {
      coverPages = cover.pageCount;
      cover = await this.cover(doc, provider, settings, manifest, hours, hash, coverPages);
    }
    const pack = cover.doc;
    for (const part of loaded) {
      const pages = await pack.copyPages(part, part.getPageIndices());
      pages.forEach((page) => pack.addPage(page));
    }
    const bytes = await finishPdf(pack, {
      kind: 'completion-pack',
      studentRef: doc.profile.studentNumber || doc.profile.id,
      mentor: settings.mentorName,
      date: doc.closure?.finalReviewOn ?? new Date(this.clock.now()).toISOString().slice(0, 10),
      hash,
      record,
      title: `Completion pack — ${doc.profile.fullName}`,
      exportedAt: this.clock.now(),
    });
    return { bytes, pages: pack.getPageCount() };
  }

  async exportPdf(studentId: string, provider: ProviderHeader, settings: Settings, exportDir: string): Promise<{ path: string; fileName: string }> {
    const doc = await this.students.read(studentId);
    const { bytes } = await this.render(doc, provider, settings);
    const day = new Date(this.clock.now()).toISOString().slice(0, 10);
    return writeExport(exportDir, `Completion pack - ${safeFilePart(doc.profile.fullName)} - ${day}`, bytes);
  }

  private async parts(doc: StudentDocument, provider: ProviderHeader): Promise<Part[]> {
    const parts: Part[] = [];
    const roles = (signatures: { role: string }[]) => signatures.map((s) => s.role);
    for (const agreement of [...doc.agreements].sort((a, b) => a.academicYear.localeCompare(b.academicYear) || a.createdAt - b.createdAt)) {
      const version = currentVersion(agreement.record);
      parts.push({ kind: 'service-agreement', title: `Service agreement ${agreement.academicYear}`, hash: version.hash, signedBy: roles(version.signatures), bytes: await this.forms.agreements.render(doc.profile.id, agreement, doc.profile, provider) });
    }
    if (doc.firstSession) {
      const version = currentVersion(doc.firstSession.record);
      parts.push({ kind: 'first-session', title: `First session record, ${ukDate(version.content.heldOn)}`, hash: version.hash, signedBy: roles(version.signatures), bytes: await this.forms.firstSessions.render(doc, provider) });
    }
    if (doc.ilp) {
      const versions = doc.ilp.record.versions;
      for (let i = 0; i < versions.length; i++) {
        const version = versions[i]!;
        const title = `Individual Learning Plan, ${i === 0 ? 'first version' : `amendment ${i}`}`;
        parts.push({ kind: 'ilp', title, hash: version.hash, signedBy: roles(version.signatures), bytes: await this.forms.ilp.render(doc, provider, i) });
      }
    }
    const held = doc.sessions.filter((s) => s.record !== null).sort((a, b) => {
      const x = summariseSession(a);
      const y = summariseSession(b);
      return x.date.localeCompare(y.date) || x.start.localeCompare(y.start);
    });
    for (const session of held) {
      const version = currentVersion(session.record!);
      parts.push({ kind: 'progress-log', title: `Progress log, ${ukDayAndDate(version.content.date)} ${version.content.actualStart}`, hash: version.hash, signedBy: roles(version.signatures), bytes: await this.forms.sessions.render(doc, session.id, provider) });
    }
    return parts;
  }

  private cover(
    doc: StudentDocument,
    provider: ProviderHeader,
    settings: Settings,
    manifest: { title: string; pages: number; signedBy: string[] }[],
    hours: ReturnType<typeof studentHours>,
    hash: string,
    coverPages: number,
  ) {
    const { profile, closure } = doc;
    const builder = new DocumentBuilder({ title: 'Completion pack', subtitle: `${profile.fullName} · ${statusLabels[profile.status]}`, provider, hash });
    builder.heading('Student and mentor').fields([
      { label: 'Student', value: profile.fullName },
      { label: 'Student number', value: profile.studentNumber || '—' },
      { label: 'Institution', value: profile.institution || '—' },
      { label: 'Course', value: profile.course || '—' },
      { label: 'Funding', value: fundingLabels[profile.funding] },
      { label: 'Mentor', value: settings.mentorName || '—' },
    ]);
    builder.heading('Closing');
    if (closure) {
      builder.fields([
        { label: 'Final review held', value: ukDate(closure.finalReviewOn) },
        { label: 'Final grade or outcome', value: closure.finalGrade || '—' },
        { label: 'Access to Work discussed', value: closure.accessToWorkDiscussed ? 'Yes' : 'No' },
        { label: 'Closing notes', value: closure.notes || '—' },
      ]);
    } else builder.paragraph('Mentoring has not been closed yet: this pack shows the records as they stand.', { muted: true });
    builder.heading('Support hours').fields([
      { label: 'Allocated', value: hours.allocated === null ? 'Not known' : `${hours.allocated.toFixed(1)} hours` },
      { label: 'Used', value: `${hours.used.toFixed(1)} hours` },
      { label: 'Remaining', value: hours.remaining === null ? '—' : `${hours.remaining.toFixed(1)} hours` },
      ...doc.deferrals.map((d, i) => ({ label: `Deferral ${i + 1}`, value: `from ${ukDate(d.from)}, new deadline ${ukDate(d.newDeadline)}${d.extraHours ? `, ${d.extraHours} extra hours` : ''}` })),
    ]);
    builder.heading('Contents');
    if (manifest.length === 0) builder.paragraph('No signed records on file yet.', { muted: true });
    else {
      let page = coverPages + 1;
      const rows = manifest.map((p) => {
        const row = [p.title, String(page), p.signedBy.length === 2 ? 'Student and mentor' : p.signedBy.length === 1 ? `${p.signedBy[0] === 'student' ? 'Student' : 'Mentor'} only` : 'Not signed'];
        page += p.pages;
        return row;
      });
      builder.table([{ header: 'Record', width: 0.6 }, { header: 'Page', width: 0.12 }, { header: 'Signed by', width: 0.28 }], rows);
    }
    builder.paragraph('Each record follows as it was exported on its own, with its signatures and content hash. The boundaries record and any confidentiality exceptions are not part of this pack.', { muted: true });
    return builder.build();
  }
}
