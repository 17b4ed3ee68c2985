import { locate, type Block, type BlockMatch } from './blocks';
import type { Tone } from './look';
import { namesFor } from './look';
import { TermOccurrence } from './occurrence';
import type { Appearance } from './types';

/** Draws terms. Two kinds: CSS highlights (the page's DOM untouched) and wrapper elements. */
export interface Painter {
  /** Whether painting changes the DOM (the engine must then ignore its own mutations). */
  readonly mutatesDom: boolean;
  /** Whether `paintBlock` can paint some of a block's matches and leave the rest for later. */
  readonly paintsInParts: boolean;
  /**
   * Makes the block's painted matches exactly those with `want[i]`: those from `from` to `to`
   * where the painter paints in parts, else all of them.
   */
  paintBlock(block: Block, want: readonly boolean[], from?: number, to?: number): void;
  /** Removes every paint of a block (it is rescanned or gone). */
  clearBlock(block: Block): void;
  setAppearance(appearance: Appearance): void;
  setCurrent(occurrence: TermOccurrence | null): void;
  /** The occurrence drawn at a point, for painters that can tell without the caret APIs. */
  occurrenceAt?(x: number, y: number): TermOccurrence | null;
  /** Registers its paint again if the page took it away (`CSS.highlights.clear()`). */
  keep?(): void;
  /** Removes all paint and everything registered. */
  clear(): void;
}

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && !!CSS.highlights && typeof Highlight === 'function';
}

/**
 * A StaticRange costs nothing while the page edits its DOM (a live Range is updated on every
 * mutation nearby); a changed block is rescanned and gets fresh ranges anyway.
 */
function makeRange(doc: Document, occ: TermOccurrence): AbstractRange {
  const init = {
    startContainer: occ.start.node,
    startOffset: occ.start.offset,
    endContainer: occ.end.node,
    endOffset: occ.end.offset,
  };
  if (typeof StaticRange === 'function') return new StaticRange(init);
  const range = doc.createRange();
  range.setStart(init.startContainer, init.startOffset);
  range.setEnd(init.endContainer, init.endOffset);
  return range;
}

/** Paints with the CSS Custom Highlight API: ranges in `CSS.highlights`, no DOM change at all. */
export function createHighlightPainter(doc: Document, appearance: Appearance, tone: Tone): Painter {
  const terms = new Highlight();
  const current = new Highlight();
  // Drawn over the term's own look where both set the same property.
  current.priority = 1;
  let names = namesFor(appearance, tone);
  let currentOcc: TermOccurrence | null = null;

  const register = () => {
    if (names.terms) CSS.highlights.set(names.terms, terms);
    CSS.highlights.set(names.current, current);
  };
  const unregister = () => {
    // Only our own objects: another copy of the extension (after an update) may use the name.
    if (names.terms && CSS.highlights.get(names.terms) === terms) CSS.highlights.delete(names.terms);
    if (CSS.highlights.get(names.current) === current) CSS.highlights.delete(names.current);
  };
  const unpaint = (occ: TermOccurrence) => {
    if (occ.paint && !Array.isArray(occ.paint)) terms.delete(occ.paint);
    if (occ === currentOcc) {
      current.clear();
      currentOcc = null;
    }
    occ.paint = null;
  };
  register();

  return {
    mutatesDom: false,
    paintsInParts: true,
    paintBlock(block, want, from = 0, to = block.matches.length) {
      for (let i = from; i < to; i++) {
        const m = block.matches[i] as BlockMatch;
        if (want[i] && !m.occurrence) {
          const occ = new TermOccurrence(block, m, locate(block, m.start, false), locate(block, m.end, true));
          occ.paint = makeRange(doc, occ);
          terms.add(occ.paint);
          m.occurrence = occ;
        } else if (!want[i] && m.occurrence) {
          unpaint(m.occurrence);
          m.occurrence = null;
        }
      }
    },
    clearBlock(block) {
      for (const m of block.matches) {
        if (m.occurrence) unpaint(m.occurrence);
        m.occurrence = null;
      }
    },
    keep() {
      // A page's own search often clears every highlight when it is done, ours included.
      const lost = (names.terms && CSS.highlights.get(names.terms) !== terms) || CSS.highlights.get(names.current) !== current;
      if (lost) register();
    },
    setAppearance(next) {
      unregister();
      names = namesFor(next, tone);
      register();
    },
    setCurrent(occ) {
      current.clear();
      currentOcc = occ && occ.paint && !Array.isArray(occ.paint) ? occ : null;
      if (currentOcc?.paint && !Array.isArray(currentOcc.paint)) current.add(currentOcc.paint);
    },
    clear() {
      unregister();
      terms.clear();
      current.clear();
      currentOcc = null;
    },
  };
}
