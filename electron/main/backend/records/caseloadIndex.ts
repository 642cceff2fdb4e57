import type { CaseloadPage, CaseloadQuery } from '../../../../shared/schemas/caseload';
import { statusLabels, type StudentSummary } from '../../../../shared/schemas/student';
import { buildSearchText, matchesPrepared } from '../../../../shared/domain/search';

interface Entry {
  summary: StudentSummary;
  /** Name, preferred name, student ID, email, phone and institution, normalised once. */
  text: ReturnType<typeof buildSearchText>;
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** The caseload in memory while unlocked: search, filters and sorting without touching the disk. */
export class CaseloadIndex {
  private readonly entries = new Map<string, Entry>();
  /** Everyone in name order, kept until the caseload changes: most searches list by name. */
  private byName: Entry[] | null = null;

  constructor(summaries: StudentSummary[]) {
    for (const s of summaries) this.upsert(s);
  }

  upsert(summary: StudentSummary): void {
    this.byName = null;
    this.entries.set(summary.id, {
      summary,
      text: buildSearchText([summary.fullName, summary.preferredName, summary.studentNumber, summary.email, summary.phone, summary.institution]),
    });
  }

  remove(id: string): void {
    this.byName = null;
    this.entries.delete(id);
  }

  all(): StudentSummary[] {
    return this.inNameOrder().map((e) => e.summary);
  }

  private inNameOrder(): Entry[] {
    this.byName ??= [...this.entries.values()].sort((a, b) => collator.compare(a.summary.fullName, b.summary.fullName));
    return this.byName;
  }

  search(query: CaseloadQuery): CaseloadPage {
    const statuses = new Set(query.statuses);
    const fundings = new Set(query.fundings);
    const institution = query.institution.trim().toLowerCase();
    const text = query.text.trim();
    const found: StudentSummary[] = [];
    // Walking in name order means name is already the order of ties for every other sort (sort is stable).
    for (const { summary, text: prepared } of this.inNameOrder()) {
      if (statuses.size && !statuses.has(summary.status)) continue;
      if (fundings.size && !fundings.has(summary.funding)) continue;
      if (institution && summary.institution.trim().toLowerCase() !== institution) continue;
      if (text && !matchesPrepared(prepared, text)) continue;
      found.push(summary);
    }
    const sign = query.direction === 'desc' ? -1 : 1;
    const compare: Record<Exclude<CaseloadQuery['sort'], 'name'>, (a: StudentSummary, b: StudentSummary) => number> = {
      status: (a, b) => collator.compare(statusLabels[a.status], statusLabels[b.status]),
      institution: (a, b) => collator.compare(a.institution, b.institution),
      updated: (a, b) => a.updatedAt - b.updatedAt,
      // Students without a referral sort after those with one, whichever the direction.
      referral: (a, b) => (a.referralReceivedAt ?? Infinity * sign) - (b.referralReceivedAt ?? Infinity * sign),
    };
    if (query.sort === 'name') {
      if (sign < 0) found.reverse();
    } else {
      const by = compare[query.sort];
      found.sort((a, b) => sign * by(a, b));
    }
    const institutions = [...new Set([...this.entries.values()].map((e) => e.summary.institution.trim()).filter(Boolean))].sort(collator.compare);
    return { total: found.length, students: found.slice(query.offset, query.offset + query.limit), institutions };
  }
}
