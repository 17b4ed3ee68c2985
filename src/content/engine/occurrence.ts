import type { Block, BlockMatch, DomPoint } from './blocks';
import type { Occurrence } from './types';

const scratch = new WeakMap<Document, Range>();

/**
 * A painted term. The painter sets where it starts and ends in the DOM (text offsets for
 * highlights, the wrapper's text for the fallback) and keeps its own handle in `paint`.
 */
export class TermOccurrence implements Occurrence {
  readonly entry: number;
  private written: string | null = null;
  /** The painter's handle: the registered range, or the wrapper elements. */
  paint: AbstractRange | Element[] | null = null;

  constructor(
    readonly block: Block,
    readonly match: BlockMatch,
    public start: DomPoint,
    public end: DomPoint,
  ) {
    this.entry = match.entry;
  }

  /** Read from the page when first asked: most painted terms are never asked. */
  get text(): string {
    this.written ??= this.range().toString();
    return this.written;
  }

  range(): Range {
    const doc = this.start.node.ownerDocument;
    const range = doc.createRange();
    // Clamped: between a page edit and the rescan it triggers, a node can be shorter than it was.
    range.setStart(this.start.node, Math.min(this.start.offset, this.start.node.length));
    range.setEnd(this.end.node, Math.min(this.end.offset, this.end.node.length));
    return range;
  }

  /**
   * Where the term is drawn. Asked on every pointer move over a term: one Range per document is
   * reused, since each new live Range joins the document's list of ranges to keep up to date
   * until it is collected.
   */
  rects(): DOMRect[] {
    const doc = this.start.node.ownerDocument;
    let range = scratch.get(doc);
    if (!range) scratch.set(doc, (range = doc.createRange()));
    if (typeof range.getClientRects !== 'function') return [];
    range.setStart(this.start.node, Math.min(this.start.offset, this.start.node.length));
    range.setEnd(this.end.node, Math.min(this.end.offset, this.end.node.length));
    const rects = Array.from(range.getClientRects());
    // Let go of the page's text node, so it can be collected once the page drops it.
    range.selectNodeContents(doc);
    return rects;
  }
}
