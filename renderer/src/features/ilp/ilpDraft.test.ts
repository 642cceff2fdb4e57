import { describe, expect, it } from 'vitest';
import { changedParts, countByStatus, strategyOptions } from './ilpDraft';

describe('the learning plan as the mentor edits it', () => {
  it('counts goals by status, every status listed even when none has it', () => {
    expect(countByStatus([{ status: 'achieved' }, { status: 'in-progress' }, { status: 'achieved' }])).toEqual([
      { status: 'not-started', count: 0 },
      { status: 'in-progress', count: 1 },
      { status: 'achieved', count: 2 },
      { status: 'dropped', count: 0 },
    ]);
  });

  it('keeps a strategy a goal already uses after the provider removed it from the list', () => {
    expect(strategyOptions(['Planning', 'Reassurance'], ['Old wording', 'Planning'])).toEqual(['Planning', 'Reassurance', 'Old wording']);
  });

  it('names what an amendment changed once per part', () => {
    expect(changedParts(['goals.0.status', 'goals.1.what', 'reviews.0', 'nextReviewOn'])).toBe('goals, reviews, next review date');
  });
});
