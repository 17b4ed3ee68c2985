import { locate, type Block, type BlockMatch } from './blocks';
import { MARK_TAG } from './dom-rules';
import { namesFor, type Tone } from './look';
import { TermOccurrence } from './occurrence';
import type { Painter } from './painter';
import type { Appearance } from './types';

/** What the fallback did to one block's DOM, to undo it exactly. */
interface Wrapping {
  marks: Element[];
  /** Text nodes split off the page's own nodes, in the order they were made. */
  pieces: Text[];
}

/**
 * Paints by wrapping terms in `<termlight-mark>` elements, for browsers without the CSS Custom
 * Highlight API. Every change is undone exactly: wrappers go, and only the text nodes this
 * painter split are merged back into the node they came from, so the page's own nodes keep
 * their identity and the markup reads as before.
 */
export function createFallbackPainter(doc: Document, appearance: Appearance, tone: Tone): Painter {
  const wrapped = new Map<Block, Wrapping>();
  const byMark = new WeakMap<Element, TermOccurrence>();
  let names = namesFor(appearance, tone);
  let currentOcc: TermOccurrence | null = null;

  function wrapSegment(node: Text, from: number, to: number, w: Wrapping): Element {
    let piece = node;
    if (from > 0) {
      piece = piece.splitText(from);
      w.pieces.push(piece);
    }
    if (to - from < piece.length) w.pieces.push(piece.splitText(to - from));
    const mark = doc.createElement(MARK_TAG);
    if (names.terms) mark.setAttribute('data-look', names.terms);
    piece.parentNode?.insertBefore(mark, piece);
    mark.append(piece);
    w.marks.push(mark);
    return mark;
  }

  function wrapMatch(block: Block, m: BlockMatch, w: Wrapping): TermOccurrence {
    const start = locate(block, m.start, false);
    const end = locate(block, m.end, true);
    const first = block.nodes.indexOf(start.node);
    const last = block.nodes.indexOf(end.node);
    const marks: Element[] = [];
    // Last segment first: splitting a node keeps its head in place, so offsets before stay valid.
    for (let i = last; i >= first; i--) {
      const node = block.nodes[i] as Text;
      const from = i === first ? start.offset : 0;
      const to = i === last ? end.offset : node.length;
      if (to > from) marks.unshift(wrapSegment(node, from, to, w));
    }
    const head = marks[0]?.firstChild as Text;
    const tail = marks[marks.length - 1]?.firstChild as Text;
    const occ = new TermOccurrence(block, m, { node: head, offset: 0 }, { node: tail, offset: tail.length });
    occ.paint = marks;
    for (const mark of marks) byMark.set(mark, occ);
    return occ;
  }

  function unwrap(block: Block): void {
    const w = wrapped.get(block);
    wrapped.delete(block);
    for (const m of block.matches) {
      if (m.occurrence === currentOcc) currentOcc = null;
      m.occurrence = null;
    }
    if (!w) return;
    for (const mark of w.marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
    }
    for (let i = w.pieces.length - 1; i >= 0; i--) {
      const piece = w.pieces[i] as Text;
      const prev = piece.previousSibling;
      if (piece.parentNode && prev?.nodeType === 3) {
        (prev as Text).appendData(piece.data);
        piece.remove();
      }
    }
  }

  function marksOf(occ: TermOccurrence | null): Element[] {
    return occ && Array.isArray(occ.paint) ? occ.paint : [];
  }

  return {
    mutatesDom: true,
    // Wrapping splits the page's text nodes, which moves every later offset in them: a block is
    // unwrapped and wrapped again whole.
    paintsInParts: false,
    paintBlock(block, want) {
      if (block.matches.every((m, i) => !!m.occurrence === !!want[i])) return;
      unwrap(block);
      const w: Wrapping = { marks: [], pieces: [] };
      for (let i = block.matches.length - 1; i >= 0; i--) {
        const m = block.matches[i] as BlockMatch;
        if (want[i]) m.occurrence = wrapMatch(block, m, w);
      }
      if (w.marks.length) wrapped.set(block, w);
    },
    clearBlock: unwrap,
    setAppearance(next) {
      names = namesFor(next, tone);
      for (const w of wrapped.values()) {
        for (const mark of w.marks) {
          if (names.terms) mark.setAttribute('data-look', names.terms);
          else mark.removeAttribute('data-look');
        }
      }
      for (const mark of marksOf(currentOcc)) mark.setAttribute('data-current', names.current);
    },
    setCurrent(occ) {
      for (const mark of marksOf(currentOcc)) mark.removeAttribute('data-current');
      currentOcc = occ && Array.isArray(occ.paint) ? occ : null;
      for (const mark of marksOf(currentOcc)) mark.setAttribute('data-current', names.current);
    },
    occurrenceAt(x, y) {
      const hit = doc.elementFromPoint?.(x, y)?.closest(MARK_TAG);
      return hit ? byMark.get(hit) ?? null : null;
    },
    clear() {
      for (const block of [...wrapped.keys()]) unwrap(block);
    },
  };
}
