import { matchAtOrBefore, type Block } from './blocks';
import { ownerOf } from './dom-rules';
import type { TermOccurrence } from './occurrence';

interface Caret {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

/** The caret position at a viewport point, looking into the given open shadow roots. */
export function caretAt(doc: Document, x: number, y: number, shadowRoots: ShadowRoot[]): Caret | null {
  const d = doc as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = shadowRoots.length ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** Rects are a line box tall; the underline is drawn a little below, and still counts. */
const SLOP = 2;

function under(rects: DOMRect[], x: number, y: number): boolean {
  return rects.some((r) => x >= r.left - SLOP && x <= r.right + SLOP && y >= r.top - SLOP && y <= r.bottom + SLOP);
}

/**
 * The painted term at a viewport point. The caret APIs snap to the nearest caret position
 * even over blank space, so the candidate is confirmed against the term's own rects.
 */
export function hitTest(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
  blocksOf: (owner: Node) => readonly Block[] | undefined,
): TermOccurrence | null {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== 3) return null;
  const blocks = blocksOf(ownerOf(caret.node));
  if (!blocks) return null;
  for (const block of blocks) {
    const i = block.nodes.indexOf(caret.node as Text);
    if (i < 0) continue;
    const offset = (block.starts[i] ?? 0) + caret.offset;
    const k = matchAtOrBefore(block.matches, offset);
    // The caret sits between characters: at a term's end it may be over the term's last letter.
    for (const j of [k, k - 1]) {
      const m = block.matches[j];
      if (!m?.occurrence || offset < m.start || offset > m.end) continue;
      if (under(m.occurrence.rects(), x, y)) return m.occurrence;
    }
    return null;
  }
  return null;
}
