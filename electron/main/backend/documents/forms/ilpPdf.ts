import { goalStatusLabels, type IlpContent, type LearningPlan } from '../../../../../shared/schemas/ilp';
import type { SignedVersion } from '../../../../../shared/schemas/signature';
import type { Student } from '../../../../../shared/schemas/student';
import { ukDate } from '../../../../../shared/domain/sessionRules';
import type { Block } from '../blocks';
import type { FormDocument, ProviderHeader } from '../renderForm';
import { orDash, studentAndMentorFields } from './common';

/**
 * One version of the Individual Learning Plan as a form: strengths, barriers, each goal with its
 * strategies, the reviews so far, and the signatures that version carries. Earlier versions print
 * the same way, so a completion pack shows the plan as it stood at each signing.
 */
export function ilpForm(plan: LearningPlan, versionIndex: number, profile: Student, provider: ProviderHeader, studentId: string, exportedAt: number): FormDocument {
  const version = plan.record.versions[versionIndex] as SignedVersion<IlpContent>;
  const content = version.content;
  const total = plan.record.versions.length;
  const label = versionIndex === 0 ? 'first version' : `amendment ${versionIndex}`;
  return {
    title: 'Individual Learning Plan',
    subtitle: `${content.studentName} · ${label}${total > 1 ? ` of ${total} versions` : ''}`,
    provider,
    sections: ilpSections(content, profile, version, versionIndex),
    signatures: version.signatures,
    hash: version.hash,
    meta: {
      kind: 'ilp',
      studentRef: profile.studentNumber || profile.id,
      mentor: content.mentorName,
      date: new Date(version.createdAt).toISOString().slice(0, 10),
      record: { kind: 'ilp', studentId, planId: plan.id, version: versionIndex + 1, ...version },
      exportedAt,
    },
  };
}

function ilpSections(content: IlpContent, profile: Student, version: SignedVersion<IlpContent>, index: number): { heading: string; blocks: Block[] }[] {
  const goals: Block[] = content.goals.length
    ? content.goals.flatMap((goal, i): Block[] => [
        { type: 'heading', text: `Goal ${i + 1}: ${goal.what}`, level: 2 },
        {
          type: 'fields',
          fields: [
            { label: 'Why it matters', value: orDash(goal.why) },
            { label: 'How we will know it is met', value: orDash(goal.measure) },
            { label: 'Target date', value: goal.targetDate ? ukDate(goal.targetDate) : 'Not set' },
            { label: 'Strategies', value: goal.strategies.length ? goal.strategies.join('; ') : '—' },
            { label: 'Status', value: goalStatusLabels[goal.status] },
            ...(goal.reviewNotes.trim() ? [{ label: 'Review notes', value: goal.reviewNotes }] : []),
          ],
        },
      ])
    : [{ type: 'paragraph', text: 'No goals set yet.', muted: true }];
  return [
    {
      heading: 'Student and mentor',
      blocks: [
        {
          type: 'fields',
          fields: [
            ...studentAndMentorFields(content.studentName, profile, content.mentorName),
            { label: 'Course', value: orDash(profile.course) },
            { label: 'Next review', value: content.nextReviewOn ? ukDate(content.nextReviewOn) : 'Not planned yet' },
          ],
        },
        ...(index > 0
          ? [{ type: 'paragraph' as const, text: `This version amends version ${index}, which stays on file as it was signed. Changed: ${changedParts(version)}.`, muted: true }]
          : []),
      ],
    },
    { heading: 'Strengths', blocks: [{ type: 'paragraph', text: orDash(content.strengths) }] },
    { heading: 'Barriers to learning', blocks: [{ type: 'paragraph', text: orDash(content.barriers) }] },
    { heading: 'Goals', blocks: goals },
    {
      heading: 'Reviews',
      blocks: content.reviews.length
        ? [{ type: 'table', columns: [{ header: 'Date', width: 0.18 }, { header: 'Outcome', width: 0.82 }], rows: content.reviews.map((r) => [ukDate(r.on), orDash(r.outcome)]) }]
        : [{ type: 'paragraph', text: 'No review held yet.', muted: true }],
    },
  ];
}

/** "goals, reviews": the top-level parts an amendment changed, in the mentor's words. */
function changedParts(version: SignedVersion<IlpContent>): string {
  const words: Record<string, string> = { strengths: 'strengths', barriers: 'barriers', goals: 'goals', reviews: 'reviews', nextReviewOn: 'next review date', studentName: 'name', mentorName: 'mentor' };
  const parts = [...new Set(version.changes.map((c) => words[c.path.split('.')[0] ?? ''] ?? c.path))];
  return parts.length ? parts.join(', ') : 'nothing';
}
