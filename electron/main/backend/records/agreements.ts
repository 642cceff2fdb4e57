import { randomBytes } from 'node:crypto';
import { AppFailure } from '../../../../shared/errors';
import { academicYearOf } from '../../../../shared/domain/academicYear';
import { createSignedRecord, currentVersion, edit, isComplete, sign } from '../../../../shared/domain/signing';
import { fillTemplate } from '../../../../shared/domain/template';
import { AGREEMENT_SIGNERS, type AgreementContent, type AgreementSummary, type ServiceAgreement } from '../../../../shared/schemas/agreement';
import type { Settings } from '../../../../shared/schemas/settings';
import type { Signature } from '../../../../shared/schemas/signature';
import type { Student } from '../../../../shared/schemas/student';
import type { Clock } from '../clock';
import { renderFormPdf, type ProviderHeader } from '../documents';
import { safeFilePart, writeExport } from '../documents/exportFile';
import { studentAndMentorFields } from '../documents/forms/common';
import type { StudentRecords } from './students';

/**
 * Service agreements: one per academic year for each student, filled from the provider's template
 * and signed by the student and the mentor. They live in the student's own document (so under the
 * student's key), and follow the signing rules in shared/domain/signing.ts.
 */
export class Agreements {
  constructor(
    private readonly students: StudentRecords,
    private readonly clock: Clock,
  ) {}

  async list(studentId: string): Promise<AgreementSummary[]> {
    const { agreements } = await this.students.read(studentId);
    return agreements.map(summarise).sort((a, b) => b.academicYear.localeCompare(a.academicYear) || b.createdAt - a.createdAt);
  }

  async get(studentId: string, agreementId: string): Promise<ServiceAgreement> {
    const { agreements } = await this.students.read(studentId);
    const agreement = agreements.find((a) => a.id === agreementId);
    if (!agreement) throw new AppFailure('NOT_FOUND', 'That agreement is not on this student’s record.');
    return agreement;
  }

  async create(studentId: string, settings: Settings, academicYear?: string): Promise<ServiceAgreement> {
    const now = this.clock.now();
    const year = academicYear ?? academicYearOf(now);
    const { profile } = await this.students.read(studentId);
    const content: AgreementContent = {
      academicYear: year,
      studentName: profile.fullName,
      mentorName: settings.mentorName,
      providerName: settings.providerName,
      text: fillTemplate(settings.serviceAgreementTemplate, placeholders(profile, settings, year)),
    };
    const agreement: ServiceAgreement = { id: randomBytes(12).toString('base64url'), academicYear: year, createdAt: now, record: createSignedRecord(content, now) };
    await this.students.change(studentId, (doc) => ({ ...doc, agreements: [...doc.agreements, agreement] }), { field: 'serviceAgreement', value: `created for ${year}` });
    return agreement;
  }

  /** A change to a signed agreement becomes an amendment awaiting signatures; the signed text stays. */
  async edit(studentId: string, agreementId: string, text: string): Promise<ServiceAgreement> {
    const agreement = await this.get(studentId, agreementId);
    const current = currentVersion(agreement.record).content;
    const record = edit(agreement.record, { ...current, text: text.trim() }, this.clock.now());
    return this.replace(studentId, { ...agreement, record }, record.versions.length > agreement.record.versions.length ? 'amended' : 'text edited');
  }

  async sign(studentId: string, agreementId: string, signature: Signature): Promise<ServiceAgreement> {
    const agreement = await this.get(studentId, agreementId);
    const result = sign(agreement.record, signature, this.clock.now());
    if (!result.ok) throw new AppFailure('CONFIRMATION_MISMATCH', result.message);
    return this.replace(studentId, { ...agreement, record: result.record }, `signed by the ${signature.role}`);
  }

  /** The current version as a PDF in `exportDir`, with the agreement embedded for the office. */
  async exportPdf(studentId: string, agreementId: string, provider: ProviderHeader, exportDir: string): Promise<{ path: string; fileName: string }> {
    const agreement = await this.get(studentId, agreementId);
    const { profile } = await this.students.read(studentId);
    const bytes = await this.render(studentId, agreement, profile, provider);
    const content = currentVersion(agreement.record).content;
    return writeExport(exportDir, `Service agreement - ${safeFilePart(content.studentName)} - ${content.academicYear.replace('/', '-')}`, bytes);
  }

  /** The current version's PDF bytes (exports and the completion pack). */
  async render(studentId: string, agreement: ServiceAgreement, profile: Student, provider: ProviderHeader): Promise<Uint8Array> {
    const version = currentVersion(agreement.record);
    const content = version.content;
    return renderFormPdf({
      title: 'Service agreement',
      subtitle: `${content.studentName} · ${content.academicYear}${version.amends !== null ? ` · amendment ${agreement.record.versions.length - 1}` : ''}`,
      provider: { ...provider, name: content.providerName || provider.name },
      sections: [
        {
          heading: 'Student and mentor',
          blocks: [
            {
              type: 'fields',
              fields: [...studentAndMentorFields(content.studentName, profile, content.mentorName), { label: 'Academic year', value: content.academicYear }],
            },
          ],
        },
        { heading: 'Agreement', blocks: content.text.split(/\n\s*\n/).map((text) => ({ type: 'paragraph' as const, text: text.trim() })) },
      ],
      signatures: version.signatures,
      hash: version.hash,
      meta: {
        kind: 'service-agreement',
        studentRef: profile.studentNumber || profile.id,
        mentor: content.mentorName,
        date: content.academicYear,
        record: { kind: 'service-agreement', studentId, agreementId: agreement.id, academicYear: content.academicYear, version: agreement.record.versions.length, ...version },
        exportedAt: this.clock.now(),
      },
    });
  }

  private async replace(studentId: string, agreement: ServiceAgreement, what: string): Promise<ServiceAgreement> {
    await this.students.change(studentId, (doc) => ({ ...doc, agreements: doc.agreements.map((a) => (a.id === agreement.id ? agreement : a)) }), {
      field: 'serviceAgreement',
      value: `${agreement.academicYear}: ${what}`,
    });
    return agreement;
  }
}

function summarise(a: ServiceAgreement): AgreementSummary {
  const version = currentVersion(a.record);
  return {
    id: a.id,
    academicYear: a.academicYear,
    createdAt: a.createdAt,
    versions: a.record.versions.length,
    hash: version.hash,
    signedBy: version.signatures.map((s) => s.role),
    complete: isComplete(version, AGREEMENT_SIGNERS),
  };
}

function placeholders(student: Student, settings: Settings, academicYear: string): Record<string, string> {
  return {
    academicYear,
    studentName: student.preferredName || student.fullName,
    studentFullName: student.fullName,
    mentorName: settings.mentorName,
    mentorEmail: settings.mentorEmail,
    mentorPhone: settings.mentorPhone,
    providerName: settings.providerName,
    allocatedHours: student.allocatedHours === null ? '' : String(student.allocatedHours),
    hoursDeadline: student.hoursDeadline ? student.hoursDeadline.split('-').reverse().join('/') : '',
  };
}
