import { AppFailure, fieldIssues } from '../../../../shared/errors';
import { canonicalJson } from '../../../../shared/domain/canonical';
import { createSignedRecord, currentVersion, edit, sign } from '../../../../shared/domain/signing';
import { IlpContent, type IlpDraft, type LearningPlan } from '../../../../shared/schemas/ilp';
import { signerRoleLabels, type Signature } from '../../../../shared/schemas/signature';
import type { Settings } from '../../../../shared/schemas/settings';
import type { Clock } from '../clock';
import { renderFormPdf, safeFilePart, writeExport, type ProviderHeader } from '../documents';
import { ilpForm } from '../documents/forms/ilpPdf';
import { newId, type StudentDocument, type StudentRecords } from './students';

/**
 * The Individual Learning Plan: one per student, signed by both. Before anyone signs, edits change
 * it in place; after, each change (a review, a new goal) is an amendment to sign again, and the
 * signed versions stay on file (shared/domain/signing.ts).
 */
export class LearningPlans {
  constructor(
    private readonly students: StudentRecords,
    private readonly clock: Clock,
  ) {}

  async get(studentId: string): Promise<LearningPlan | null> {
    return (await this.students.read(studentId)).ilp;
  }

  /** A new plan with no goals yet, named for the student and the mentor in Settings. */
  async start(studentId: string, settings: Settings): Promise<LearningPlan> {
    const doc = await this.students.read(studentId);
    if (doc.ilp) throw new AppFailure('INVALID_INPUT', 'This student already has a learning plan. Open it from the ILP tab and amend it there.');
    const now = this.clock.now();
    const content: IlpContent = { studentName: doc.profile.fullName, mentorName: settings.mentorName, strengths: '', barriers: '', goals: [], reviews: [], nextReviewOn: '' };
    const plan: LearningPlan = { id: newId(), createdAt: now, record: createSignedRecord(content, now) };
    await this.students.change(studentId, (d) => ({ ...d, ilp: plan }), { field: 'ilp', value: 'started' });
    return plan;
  }

  /**
   * Applies the mentor's edits: new goals get their ids here and the names stay as the plan has
   * them. Reviews already signed cannot be changed or removed, only added to.
   */
  async save(studentId: string, draft: IlpDraft): Promise<LearningPlan> {
    const plan = requirePlan(await this.students.read(studentId));
    const current = currentVersion(plan.record).content;
    const signedReviews = lastSigned(plan)?.content.reviews ?? [];
    const kept = draft.reviews.slice(0, signedReviews.length);
    if (kept.length < signedReviews.length || canonicalJson(kept) !== canonicalJson(signedReviews)) {
      throw new AppFailure('INVALID_INPUT', 'Reviews already signed stay as they were: add a new review instead of changing or removing one.', {
        issues: [{ path: 'reviews', message: 'Signed reviews cannot be changed' }],
      });
    }
    const parsed = IlpContent.safeParse({
      ...draft,
      studentName: current.studentName,
      mentorName: current.mentorName,
      goals: draft.goals.map((g) => ({ ...g, id: g.id ?? newId() })),
    });
    if (!parsed.success) {
      const issues = fieldIssues(parsed.error);
      throw new AppFailure('INVALID_INPUT', `Some details need correcting: ${issues.map((i) => i.message).join('; ')}`, { issues });
    }
    const record = edit(plan.record, parsed.data, this.clock.now());
    if (record === plan.record) return plan;
    const next = { ...plan, record };
    const reviewed = parsed.data.reviews.length > current.reviews.length;
    const amended = record.versions.length > plan.record.versions.length;
    const what = `${reviewed ? 'review added' : 'updated'}${amended ? ' (amendment to sign)' : ''}`;
    await this.students.change(studentId, (d) => ({ ...d, ilp: next }), { field: 'ilp', value: what });
    return next;
  }

  async sign(studentId: string, signature: Signature): Promise<LearningPlan> {
    const plan = requirePlan(await this.students.read(studentId));
    const result = sign(plan.record, signature, this.clock.now());
    if (!result.ok) throw new AppFailure('CONFIRMATION_MISMATCH', result.message);
    const next = { ...plan, record: result.record };
    await this.students.change(studentId, (d) => ({ ...d, ilp: next }), { field: 'ilp', value: `signed by the ${signerRoleLabels[signature.role].toLowerCase()}` });
    return next;
  }

  /** One version as PDF bytes (the current one unless told), for exports and the completion pack. */
  render(doc: StudentDocument, provider: ProviderHeader, versionIndex?: number): Promise<Uint8Array> {
    const plan = requirePlan(doc);
    const index = versionIndex ?? plan.record.versions.length - 1;
    return renderFormPdf(ilpForm(plan, index, doc.profile, provider, doc.profile.id, this.clock.now()));
  }

  async exportPdf(studentId: string, provider: ProviderHeader, exportDir: string): Promise<{ path: string; fileName: string }> {
    const doc = await this.students.read(studentId);
    const bytes = await this.render(doc, provider);
    const day = new Date(this.clock.now()).toISOString().slice(0, 10);
    return writeExport(exportDir, `ILP - ${safeFilePart(doc.profile.fullName)} - ${day}`, bytes);
  }
}

export function requirePlan(doc: StudentDocument): LearningPlan {
  if (!doc.ilp) throw new AppFailure('NOT_FOUND', 'This student has no learning plan yet. Start one from the ILP tab.');
  return doc.ilp;
}

function lastSigned(plan: LearningPlan) {
  return [...plan.record.versions].reverse().find((v) => v.signatures.length > 0);
}
