import type { Block } from './blocks';
import { guarded } from './log';
import type { PageText } from './page-text';
import type { SliceStats } from './scheduler';
import { VisibleOwners } from './scope';
import { TextWalk, type WalkHooks } from './text-model';
import type { WalkQueue } from './walk-queue';

/** What the first pass adds to an ordinary one. */
export interface FirstPass {
  stats: SliceStats;
  /** Before each slice but the first. */
  before(q: WalkQueue, deadline: number): void;
  /** True while nothing may be painted yet. */
  holdPaint(): boolean;
}

interface ScreenFirstOptions {
  doc: Document;
  page: PageText;
  stats: SliceStats;
  skipCode(): boolean;
  /** How blocks are read and kept: the blocks read here are the page's like any others. */
  hooks(): WalkHooks;
  /** Paints these blocks before any others still waiting. */
  prioritise(blocks: readonly Block[]): void;
}

/**
 * The first pass's way of putting the screen first: when reading the whole page takes more
 * than one slice, the blocks on screen are read (and painted) before the walk from the top
 * gets to them, and nothing is painted until the screen has been sampled.
 */
export function screenFirst(o: ScreenFirstOptions): FirstPass {
  let visible: VisibleOwners | null = null;
  // Asking what is on screen before the browser has laid the page out makes that first layout
  // happen inside our task (over 50 ms on a 5 MB page): wait until a frame has been drawn. A
  // page read before then, or in a background tab that draws none, needs no screen-first step.
  let framed = false;
  const view = o.doc.defaultView;
  if (view?.requestAnimationFrame) view.requestAnimationFrame(() => void (framed = true));
  else framed = true;
  return {
    stats: o.stats,
    before(q, deadline) {
      if (!framed || visible?.done) return;
      const sampler = (visible ??= new VisibleOwners(o.doc, o.skipCode()));
      const at = q.position;
      const onScreen: Block[] = [];
      const read = o.hooks();
      const add = read.onBlock;
      read.onBlock = (block) => (add(block), onScreen.push(block));
      for (const owner of guarded(() => sampler.take(deadline), [])) {
        // A container the walk is inside of is the walk's to finish.
        if (o.page.isKnown(owner) || (at && owner.contains(at))) continue;
        new TextWalk(owner, read).run(Infinity);
      }
      o.prioritise(onScreen);
    },
    // New paint makes the browser check every highlight before it can hit-test a point (25 ms
    // on a 5 MB page, in whichever task asks first): hold it until the screen is sampled.
    holdPaint: () => !visible?.done,
  };
}
