import type { PageTerm, PageTermsReport } from '../core/messages';

/** What one frame of the tab reported. */
export interface FrameReport {
  frameId: number;
  report: PageTermsReport;
}

/**
 * The terms of a whole tab: its top frame's, then those only its frames mark, each counted over
 * every frame. A term's first mark is the top frame's if it has one, else the first frame's
 * (by frame id) that does; `frameId` says which, so that choosing it reveals it there. Only
 * frames at work count: one where Termlight is off reports no terms anyway.
 */
export function mergeFrameTerms(top: PageTermsReport, frames: readonly FrameReport[]): PageTermsReport {
  const rows = new Map<string, PageTerm>();
  const keyOf = (term: PageTerm) => `${term.packId}\u0000${term.entryId}`;
  for (const term of top.terms) rows.set(keyOf(term), { ...term });
  for (const { frameId, report } of [...frames].sort((a, b) => a.frameId - b.frameId)) {
    if (report.status !== 'ok') continue;
    for (const term of report.terms) {
      const row = rows.get(keyOf(term));
      if (row) row.count += term.count;
      else rows.set(keyOf(term), { ...term, frameId });
    }
  }
  return { ...top, terms: [...rows.values()] };
}
