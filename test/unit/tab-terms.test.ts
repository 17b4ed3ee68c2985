import { describe, expect, it } from 'vitest';
import type { PageTerm, PageTermsReport } from '../../src/core/messages';
import { mergeFrameTerms } from '../../src/ui/tab-terms';

const term = (entryId: string, count: number, firstIndex: number, packId = 'foundation-models'): PageTerm =>
  ({ entryId, packId, term: entryId, count, firstIndex });
const report = (terms: PageTerm[], status: PageTermsReport['status'] = 'ok'): PageTermsReport =>
  ({ status, terms, url: 'https://example.org/' });

describe('the terms of a tab with frames', () => {
  it('lists the top frame’s terms first, then those only frames mark, counted over every frame', () => {
    const top = report([term('rlhf', 2, 0), term('llm', 1, 2)]);
    const merged = mergeFrameTerms(top, [
      { frameId: 9, report: report([term('dpo', 1, 0), term('rlhf', 1, 1)]) },
      { frameId: 4, report: report([term('llm', 3, 0), term('dpo', 2, 3), term('pre-training', 1, 5)]) },
    ]);
    expect(merged.terms).toEqual([
      term('rlhf', 3, 0),
      term('llm', 4, 2),
      // First found in the frame with the lower id, where choosing it reveals it.
      { ...term('dpo', 3, 3), frameId: 4 },
      { ...term('pre-training', 1, 5), frameId: 4 },
    ]);
    expect(merged.url).toBe(top.url);
  });

  it('keeps entries of different glossaries apart, and leaves out frames that are not at work', () => {
    const top = report([term('token', 1, 0)]);
    const merged = mergeFrameTerms(top, [
      { frameId: 2, report: report([term('token', 1, 0, 'my-team')]) },
      { frameId: 3, report: report([term('rlhf', 1, 0)], 'site-off') },
    ]);
    expect(merged.terms).toEqual([term('token', 1, 0), { ...term('token', 1, 0, 'my-team'), frameId: 2 }]);
    expect(top.terms).toEqual([term('token', 1, 0)]);
  });
});
