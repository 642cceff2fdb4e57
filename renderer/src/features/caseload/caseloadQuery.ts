import type { CaseloadSort } from '../../../../shared/schemas/caseload';
import type { Funding, StudentStatus } from '../../../../shared/schemas/student';

/** What the mentor has typed and chosen on the caseload page; kept while they open a student and come back. */
export interface CaseloadFilters {
  text: string;
  statuses: StudentStatus[];
  fundings: Funding[];
  institution: string;
  sort: CaseloadSort;
  direction: 'asc' | 'desc';
}

export const defaultFilters: CaseloadFilters = { text: '', statuses: [], fundings: [], institution: '', sort: 'name', direction: 'asc' };

export const PAGE_SIZE = 50;

export const sortLabels: Record<CaseloadSort, string> = {
  name: 'Name',
  status: 'Status',
  institution: 'Institution',
  updated: 'Last updated',
  referral: 'Referral received',
};

/** Newest first reads naturally for dates; A to Z for the rest. */
export const naturalDirection = (sort: CaseloadSort): 'asc' | 'desc' => (sort === 'updated' || sort === 'referral' ? 'desc' : 'asc');

export const isFiltered = (f: CaseloadFilters): boolean => f.text.trim() !== '' || f.statuses.length > 0 || f.fundings.length > 0 || f.institution !== '';
