import { AppFailure } from '../../../../shared/errors';
import {
  boundaryEventKindLabels,
  exceptionGroundsLabels,
  type BoundaryEntry,
  type BoundaryRecords,
} from '../../../../shared/schemas/boundaries';
import type { Settings } from '../../../../shared/schemas/settings';
import type { Clock } from '../clock';
import { renderFormPdf, safeFilePart, writeExport, type Block, type ProviderHeader } from '../documents';
import { contentHash } from '../../../../shared/domain/canonical';
import { ukDate, ukTime } from './firstSession';
import { newId, type StudentRecords } from './students';

/**
 * Boundaries and confidentiality for one student. The audit log names what was recorded, never what
 * it says: a confidentiality concern is as sensitive as anything Mentor Desk holds.
 */
export class Boundaries {
  constructor(
    private readonly students: StudentRecords,
    private readonly clock: Clock,
  ) {}

  async get(studentId: string): Promise<BoundaryRecords> {
    return (await this.students.read(studentId)).boundaries;
  }

  /**
   * Confirms the provider's boundaries for this student, item by item. The first save copies the
   * provider's current list; later saves keep that wording, so what was confirmed stays on file.
   */
  async saveChecklist(studentId: string, confirmed: boolean[], settings: Settings): Promise<BoundaryRecords> {
    const { boundaries } = await this.students.read(studentId);
    const items = boundaries.checklist.length > 0 ? boundaries.checklist : settings.boundaryItems.map((text) => ({ text, confirmedAt: null }));
    if (confirmed.length !== items.length) {
      throw new AppFailure('INVALID_INPUT', 'The boundaries list changed while you were working: reopen the Boundaries tab and confirm it again.');
    }
    const now = this.clock.now();
    const checklist = items.map((item, i) => ({ text: item.text, confirmedAt: confirmed[i] ? (item.confirmedAt ?? now) : null }));
    const count = checklist.filter((i) => i.confirmedAt !== null).length;
    return this.update(studentId, { ...boundaries, checklist }, 'boundaryChecklist', `${count} of ${checklist.length} confirmed`);
  }

  /** Records a new entry, or changes one already on file (a concern's follow-up, the date the office was told). */
  async save(studentId: string, { type, id, entry }: BoundaryEntry): Promise<BoundaryRecords> {
    const { boundaries } = await this.students.read(studentId);
    const now = this.clock.now();
    const upsert = <T extends { id: string; recordedAt: number; updatedAt: number }>(list: T[], make: (base: Pick<T, 'id' | 'recordedAt' | 'updatedAt'>) => T): T[] => {
      if (id === undefined) return [...list, make({ id: newId(), recordedAt: now, updatedAt: now } as Pick<T, 'id' | 'recordedAt' | 'updatedAt'>)];
      const existing = list.find((e) => e.id === id);
      if (!existing) throw new AppFailure('NOT_FOUND', 'That entry is not on this student’s record.');
      return list.map((e) => (e.id === id ? make({ id, recordedAt: existing.recordedAt, updatedAt: now } as Pick<T, 'id' | 'recordedAt' | 'updatedAt'>) : e));
    };
    const verb = id === undefined ? 'recorded' : 'updated';
    switch (type) {
      case 'event':
        return this.update(studentId, { ...boundaries, events: upsert(boundaries.events, (base) => ({ ...base, ...entry })) }, 'boundaryLog', `${verb}: ${boundaryEventKindLabels[entry.kind]}`);
      case 'exception':
        return this.update(
          studentId,
          { ...boundaries, exceptions: upsert(boundaries.exceptions, (base) => ({ ...base, ...entry })) },
          'confidentialityException',
          `${verb}: ${exceptionGroundsLabels[entry.grounds]}${entry.closed ? ', closed' : ''}`,
        );
      case 'conflict':
        return this.update(studentId, { ...boundaries, conflicts: upsert(boundaries.conflicts, (base) => ({ ...base, ...entry })) }, 'conflictOfInterest', verb);
    }
  }

  /**
   * The boundaries record as a PDF for the office. Confidentiality exceptions stay out unless the
   * mentor asks for them, and the PDF says which way it was made.
   */
  async exportPdf(studentId: string, options: { includeConfidential: boolean }, provider: ProviderHeader, settings: Settings, exportDir: string) {
    const { profile, boundaries } = await this.students.read(studentId);
    const record = { ...boundaries, exceptions: options.includeConfidential ? boundaries.exceptions : [] };
    const hash = contentHash(record);
    const today = new Date(this.clock.now()).toISOString().slice(0, 10);
    const bytes = await renderFormPdf({
      title: 'Boundaries and confidentiality',
      subtitle: `${profile.fullName} · ${ukDate(today)}`,
      provider,
      sections: boundarySections(record, options.includeConfidential, boundaries.exceptions.length),
      signatures: [],
      unsigned: 'This record is kept by the mentor and is not signed.',
      hash,
      meta: {
        kind: 'boundaries',
        studentRef: profile.studentNumber || profile.id,
        mentor: settings.mentorName,
        date: today,
        record: { kind: 'boundaries', studentId, includesConfidentialityExceptions: options.includeConfidential, ...record },
        exportedAt: this.clock.now(),
      },
    });
    return writeExport(exportDir, `Boundaries - ${safeFilePart(profile.fullName)} - ${today}`, bytes);
  }

  private async update(studentId: string, boundaries: BoundaryRecords, field: string, value: string): Promise<BoundaryRecords> {
    await this.students.change(studentId, (doc) => ({ ...doc, boundaries }), { field, value });
    return boundaries;
  }
}

function boundarySections(records: BoundaryRecords, included: boolean, exceptionsOnFile: number): { heading: string; blocks: Block[] }[] {
  const none = (what: string): Block => ({ type: 'paragraph', text: `No ${what} recorded.`, muted: true });
  return [
    {
      heading: 'Boundaries confirmed',
      blocks: records.checklist.length
        ? [{ type: 'checklist', items: records.checklist.map((i) => ({ label: i.text, checked: i.confirmedAt !== null, ...(i.confirmedAt !== null ? { note: `confirmed ${ukTime(i.confirmedAt)}` } : {}) })) }]
        : [{ type: 'paragraph', text: 'The boundaries checklist has not been confirmed for this student yet.' }],
    },
    {
      heading: 'Boundary log',
      blocks: records.events.length
        ? [
            {
              type: 'table',
              columns: [
                { header: 'Date', width: 0.13 },
                { header: 'Event', width: 0.32 },
                { header: 'What the mentor did', width: 0.35 },
                { header: 'Office told', width: 0.2 },
              ],
              rows: records.events.map((e) => [ukDate(e.on), `${boundaryEventKindLabels[e.kind]}: ${e.description}`, e.action, e.officeTold ? `Yes, ${ukDate(e.officeToldOn)}` : 'No']),
            },
          ]
        : [none('boundary events')],
    },
    {
      heading: 'Conflicts of interest',
      blocks: records.conflicts.length
        ? records.conflicts.map((c) => ({
            type: 'fields' as const,
            fields: [
              { label: 'Declared', value: ukDate(c.declaredOn) },
              { label: 'Conflict', value: c.description },
              { label: 'Mentee told', value: c.menteeToldOn ? ukDate(c.menteeToldOn) : 'Not yet' },
            ],
          }))
        : [none('conflicts of interest')],
    },
    {
      heading: 'Confidentiality exceptions',
      blocks: !included
        ? [{ type: 'paragraph', text: exceptionsOnFile > 0 ? 'Left out of this export on purpose. The mentor holds the record.' : 'None on record.', muted: true }]
        : records.exceptions.length
          ? records.exceptions.map((e) => ({
              type: 'fields' as const,
              fields: [
                { label: 'Raised', value: `${ukDate(e.raisedOn)} · ${exceptionGroundsLabels[e.grounds]} · ${e.closed ? 'closed' : 'open'}` },
                { label: 'Concern', value: e.concern },
                { label: 'Informed', value: e.informed.map((p) => `${p.who}, ${ukDate(p.on)}${p.how ? ` (${p.how})` : ''}`).join('; ') },
                { label: 'Follow-up', value: e.followUp || '—' },
              ],
            }))
          : [none('confidentiality exceptions')],
    },
  ];
}
