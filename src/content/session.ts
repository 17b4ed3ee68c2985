import { qualifiedAnchor } from '../core/glossary/anchor';
import type { GlossaryPack } from '../core/glossary/types';
import type { Matcher } from '../core/matcher';
import type { Settings } from '../core/settings/defaults';
import type { PageTerm } from '../core/messages';
import { browser } from '../platform/browser';
import { sendToBackground } from '../platform/messaging';
import { createCardController, type CardController } from './card';
import { changedEngineOptions, createTermEngine, engineOptionsFrom, type TermEngine } from './engine';

/** Termlight at work on one page: the glossary compiled, its terms painted, the card ready. */
export interface Session {
  matcher: Matcher;
  /** Null when only the card runs (a lookup while marking is off here). */
  engine: TermEngine | null;
  card: CardController;
  update(before: Settings, after: Settings): void;
}

const noTerms: Pick<TermEngine, 'hitTest' | 'occurrences' | 'setCurrent'> = {
  hitTest: () => null,
  occurrences: () => [],
  setCurrent: () => undefined,
};

export function startSession(
  settings: Settings,
  packs: readonly GlossaryPack[],
  matcher: Matcher,
  signal: AbortSignal,
  marking: boolean,
  /** When this task began: making the matcher counts against the engine's first slice. */
  taskStart: number,
): Session {
  const engine = marking ? createTermEngine(document, matcher, engineOptionsFrom(settings), signal, { taskStart }) : null;
  const card = createCardController({
    doc: document,
    engine: engine ?? noTerms,
    entries: matcher.entries,
    settings,
    signal,
    openGlossary: (entryId, packId) => void sendToBackground('open-glossary', { entryId, packId }).catch(() => undefined),
    glossaryName: (packId) => packs.find((p) => p.id === packId)?.name ?? packId,
    glossarySource: (packId) => packs.find((p) => p.id === packId)?.source?.title,
    glossaryLanguage: (packId) => packs.find((p) => p.id === packId)?.language,
    getMessage: (key, subs) => browser.i18n.getMessage(key, subs),
  });
  if (engine) reportTerms(engine, matcher.entries, signal);
  return {
    matcher,
    engine,
    card,
    update(before, after) {
      const patch = changedEngineOptions(engineOptionsFrom(before), engineOptionsFrom(after));
      if (engine && Object.keys(patch).length) engine.update(patch);
      card.update(after);
    },
  };
}

/** The terms marked on the page, one row per entry, in page order of first appearance. */
export function pageTerms(session: Session): PageTerm[] {
  const rows = new Map<number, PageTerm>();
  session.engine?.occurrences().forEach((occ, index) => {
    const row = rows.get(occ.entry);
    if (row) row.count++;
    else {
      const item = session.matcher.entries[occ.entry]!;
      rows.set(occ.entry, { entryId: item.entry.id, packId: item.packId, term: item.entry.term, count: 1, firstIndex: index });
    }
  });
  return [...rows.values()];
}

/**
 * Tells the background which distinct terms this frame marks: the badge counts them over every
 * frame of the tab, and the popup asks the frames that mark any.
 */
function reportTerms(engine: TermEngine, entries: Matcher['entries'], signal: AbortSignal): void {
  let sent = '';
  const send = (terms: string[]) => {
    const key = terms.join('\n');
    if (key === sent) return;
    sent = key;
    void sendToBackground('page-terms-changed', { terms }).catch(() => undefined);
  };
  const marked = () => {
    const seen = new Set(engine.occurrences().map((o) => o.entry));
    return [...seen].map((index) => {
      const item = entries[index]!;
      return qualifiedAnchor(item.packId, item.entry.id);
    });
  };
  engine.onChange(() => {
    if (!signal.aborted) send(marked());
  });
  signal.addEventListener('abort', () => send([]), { once: true });
  // A frame removed from its page, or a page left for another, takes its terms off the badge;
  // one brought back from the back-forward cache puts them on again.
  addEventListener('pagehide', () => send([]), { signal });
  addEventListener('pageshow', (e) => e.persisted && send(marked()), { signal });
}
