import type { Block } from './blocks';
import { createFallbackPainter } from './fallback-painter';
import { guarded } from './log';
import { pageTone } from './look';
import type { PageText } from './page-text';
import { createHighlightPainter, highlightsSupported, type Painter } from './painter';
import { differs, selectInBlock, selectMatches } from './selection';
import type { EngineOptions, EngineTuning } from './types';

/**
 * Turns what the page text holds into paint. New blocks are painted in page order, as many as
 * the slice's time allows; a change that can move marks anywhere (the context gate opening,
 * "first occurrence only", a setting) repaints every block at once.
 */
export class PaintQueue {
  private painter: Painter | null = null;
  private pending: Block[] = [];
  /** The blocks in `pending`. */
  private readonly queued = new Set<Block>();
  /** Whether the context gate was open at the last commit. */
  private wasOpen = false;
  /** Blocks to paint before the rest, and on screen at once: what the reader is looking at. */
  private urgent: Block[] = [];

  constructor(
    private readonly doc: Document,
    private readonly page: PageText,
    private readonly opts: EngineOptions,
    private readonly kind: EngineTuning['painter'],
    /** Runs DOM work of the painter's own, which the page watcher must not take for the page's. */
    private readonly quietly: <T>(painter: Painter, fn: () => T) => T,
  ) {}

  /** The painter, if anything was painted yet. */
  get current(): Painter | null {
    return this.painter;
  }

  prioritise(blocks: readonly Block[]): void {
    this.urgent.push(...blocks);
  }

  /**
   * Paints until `deadline`. Returns whether nothing is left to paint and whether what is
   * painted changed.
   */
  commit(all: boolean, deadline = Infinity): { done: boolean; changed: boolean } {
    const { page, opts } = this;
    const fresh = page.takeFresh();
    let changed = page.changed;
    page.changed = false;
    const open = page.ungated.size >= opts.contextThreshold;
    const flipped = open !== this.wasOpen;
    this.wasOpen = open;
    if (all || opts.occurrences === 'first') {
      // "First" can move with any block read anywhere: every block is looked at again.
      page.ungatedChanged.clear();
      this.urgent = [];
      this.pending = [];
      this.queued.clear();
      const want = selectMatches(page.ordered, opts, page.ungated);
      page.ordered.forEach((block, i) => {
        if (this.paintBlock(block, want[i] ?? [])) changed = true;
      });
      return { done: true, changed };
    }
    // Only gated matches can change with the tally: all of them when the gate opens or closes,
    // else (while it is closed) those of the entries that came or went.
    if (flipped || (!open && page.ungatedChanged.size)) {
      for (const block of page.gatedBlocks) {
        if (flipped || block.matches.some((m) => m.gated && page.ungatedChanged.has(m.entry))) this.enqueue(block);
      }
    }
    page.ungatedChanged.clear();
    for (const block of fresh) this.enqueue(block);
    // A screenful, painted whole; painting a block twice finds nothing to change the second time.
    for (const block of this.urgent) {
      if (!block.dead && this.paintBlock(block, selectInBlock(block, opts, page.ungated))) changed = true;
    }
    this.urgent = [];
    let i = 0;
    for (; i < this.pending.length; i++) {
      if (i % 16 === 15 && performance.now() > deadline) break;
      const block = this.pending[i] as Block;
      this.queued.delete(block);
      if (!block.dead && this.paintBlock(block, selectInBlock(block, opts, page.ungated))) changed = true;
    }
    this.pending = this.pending.slice(i);
    return { done: this.pending.length === 0, changed };
  }

  /** Queues a block for painting, once. */
  private enqueue(block: Block): void {
    if (this.queued.has(block)) return;
    this.queued.add(block);
    this.pending.push(block);
  }

  private paintBlock(block: Block, want: readonly boolean[]): boolean {
    if (!differs(block, want)) return false;
    const painter = this.make();
    this.quietly(painter, () => painter.paintBlock(block, want));
    return true;
  }

  /** Made on first use: a page without terms never pays for style reads or registrations. */
  private make(): Painter {
    if (this.painter) return this.painter;
    const tone = guarded(() => pageTone(this.doc), 'light');
    const highlights = (this.kind ?? (highlightsSupported() ? 'highlight' : 'fallback')) === 'highlight';
    this.painter = highlights
      ? createHighlightPainter(this.doc, this.opts.appearance, tone)
      : createFallbackPainter(this.doc, this.opts.appearance, tone);
    return this.painter;
  }
}
