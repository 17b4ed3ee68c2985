import type { Block } from './blocks';
import { createFallbackPainter } from './fallback-painter';
import { guarded } from './log';
import { pageTone } from './look';
import type { PageText } from './page-text';
import { createHighlightPainter, highlightsSupported, type Painter } from './painter';
import { differs, selectInBlock, selectMatches } from './selection';
import type { EngineOptions, EngineTuning } from './types';

/**
 * Matches painted between two reads of the clock, and the most painted in one go: a block of
 * thousands of terms is painted a part at a time, so that a slice can end in the middle of it.
 */
const PART = 32;
/** Blocks waiting to be painted looked at for the page's main text, which decides the marks' shade. */
const LOOK_FOR_MAIN = 50;

/**
 * Turns what the page text holds into paint. New blocks are painted in page order, as many
 * terms as the slice's time allows; a change that can move marks anywhere (the context gate
 * opening, "first occurrence only", a setting) repaints every block at once.
 */
export class PaintQueue {
  private painter: Painter | null = null;
  private pending: Block[] = [];
  /** How many matches of the first pending block are painted already. */
  private partDone = 0;
  /** The blocks in `pending`. */
  private readonly queued = new Set<Block>();
  /** Whether the context gate was open at the last commit. */
  private wasOpen = false;
  /** Blocks to paint before the rest, and on screen at once: what the reader is looking at. */
  private urgent: Block[] = [];
  /** Paint waits for a painter to be made at the start of the next slice. */
  private deferred = false;

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

  /** Makes the painter if paint waits for it: first thing in a slice, while there is time. */
  prepare(): void {
    if (!this.deferred) return;
    this.deferred = false;
    this.make();
  }

  /**
   * Paints until `deadline`. Returns whether nothing is left to paint and whether what is
   * painted changed.
   */
  commit(all: boolean, deadline = Infinity): { done: boolean; changed: boolean } {
    const { page, opts } = this;
    this.painter?.keep?.();
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
      this.partDone = 0;
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
    if (this.paintPending(deadline)) changed = true;
    return { done: this.pending.length === 0, changed };
  }

  /**
   * Paints pending blocks in order until `deadline`, reading the clock after every PART terms;
   * that many are painted however late it already is, so that paint goes on. A block may be
   * left part done (`partDone` says how far it got) where the painter can paint in parts.
   */
  private paintPending(deadline: number): boolean {
    const { page, opts } = this;
    const step = this.inParts() ? PART : Infinity;
    let changed = false;
    let sinceClock = 0;
    let late = false;
    let i = 0;
    while (i < this.pending.length && !late) {
      const block = this.pending[i] as Block;
      const count = block.dead ? 0 : block.matches.length;
      const want = count ? selectInBlock(block, opts, page.ungated) : [];
      while (this.partDone < count && !late) {
        const to = Math.min(count, this.partDone + step);
        // Making the painter reads the page's style, milliseconds when the page has just
        // changed it: past the deadline that waits for the next slice.
        if (!this.painter && differs(block, want, this.partDone, to) && performance.now() > deadline) {
          this.deferred = late = true;
          break;
        }
        if (this.paintBlock(block, want, this.partDone, to)) changed = true;
        sinceClock += to - this.partDone;
        this.partDone = to;
        if (sinceClock >= PART) {
          sinceClock = 0;
          late = performance.now() > deadline;
        }
      }
      if (this.partDone < count) break;
      this.partDone = 0;
      this.queued.delete(block);
      i++;
    }
    this.pending = this.pending.slice(i);
    return changed;
  }

  /**
   * The container of the longest run among the first blocks waiting to be painted (or, when
   * everything is painted at once, the page's first blocks).
   */
  private mainOwner(): Node | null {
    let best: Block | null = null;
    let most = -1;
    const waiting = [...this.urgent, ...this.pending.slice(0, LOOK_FOR_MAIN)];
    for (const block of waiting.length ? waiting : this.page.ordered.slice(0, LOOK_FOR_MAIN)) {
      const last = block.nodes.length - 1;
      const length = block.dead || last < 0 ? -1 : (block.starts[last] ?? 0) + (block.nodes[last]?.length ?? 0);
      if (length > most) [best, most] = [block, length];
    }
    return best?.owner ?? null;
  }

  /** Queues a block for painting, once. */
  private enqueue(block: Block): void {
    if (this.queued.has(block)) return;
    this.queued.add(block);
    this.pending.push(block);
  }

  private paintBlock(block: Block, want: readonly boolean[], from = 0, to = block.matches.length): boolean {
    if (!differs(block, want, from, to)) return false;
    const painter = this.make();
    this.quietly(painter, () => painter.paintBlock(block, want, from, to));
    return true;
  }

  private highlights(): boolean {
    return (this.kind ?? (highlightsSupported() ? 'highlight' : 'fallback')) === 'highlight';
  }

  /** Whether the painter, made or still to make, paints in parts. */
  private inParts(): boolean {
    return this.painter ? this.painter.paintsInParts : this.highlights();
  }

  /**
   * Made on first use: a page without terms never pays for style reads or registrations. Its
   * shade is chosen for the background behind the longest run of text waiting to be painted:
   * an article's, not a dark menu bar's above it.
   */
  private make(): Painter {
    if (this.painter) return this.painter;
    const tone = guarded(() => pageTone(this.doc, this.mainOwner()), 'light');
    this.painter = this.highlights()
      ? createHighlightPainter(this.doc, this.opts.appearance, tone)
      : createFallbackPainter(this.doc, this.opts.appearance, tone);
    return this.painter;
  }
}
