import { locate, type Block, type BlockMatch } from './blocks';
import { parentOf, tagOf } from './dom-rules';
import { insertInOrder } from './order';
import type { Painter } from './painter';

/** Elements looked at per batch for containers that moved into or out of a link. */
const RELINK_LOOK = 2000;

/**
 * Everything the engine knows about the page's text: which containers it has read in full,
 * their runs that hold terms, those runs in page order, and a tally of ungated terms for the
 * context gate.
 */
export class PageText {
  /** Containers (and shadow roots) read in full: a rescan leaves their subtrees alone. */
  readonly known = new Set<Node>();
  /** Runs with terms, by the container whose own text they are. */
  readonly blocksOf = new Map<Node, Block[]>();
  /** Blocks in page order (after `takeFresh()`). */
  ordered: Block[] = [];
  /** Ungated matches per entry that tell what the page is about (see `countsForGate`), over the whole page. */
  readonly ungated = new Map<number, number>();
  /** Entries that appeared in or left `ungated` since the painter last looked: their gated matches may flip. */
  readonly ungatedChanged = new Set<number>();
  /** Blocks holding a gated match: the only ones the context gate can change. */
  readonly gatedBlocks = new Set<Block>();
  /** Set whenever blocks come or go: the occurrence list must be rebuilt. */
  changed = false;
  private fresh: Block[] = [];
  private removed = new Set<Block>();
  private hint = -1;

  isKnown = (owner: Node): boolean => this.known.has(owner);

  addBlock(block: Block): void {
    const list = this.blocksOf.get(block.owner);
    if (list) list.push(block);
    else this.blocksOf.set(block.owner, [block]);
    this.hint = insertInOrder(this.ordered, block, (b) => b.nodes[0] as Node, this.hint);
    this.fresh.push(block);
    this.changed = true;
    for (const m of block.matches) {
      if (m.gated) {
        this.gatedBlocks.add(block);
        continue;
      }
      if (!countsForGate(block, m)) continue;
      const n = this.ungated.get(m.entry) ?? 0;
      this.ungated.set(m.entry, n + 1);
      if (n === 0) this.ungatedChanged.add(m.entry);
    }
  }

  /** Forgets a container: its runs and their paint go, and it will be read again. */
  dropOwner(owner: Node, painter: Painter | null): void {
    this.known.delete(owner);
    const blocks = this.blocksOf.get(owner);
    if (!blocks) return;
    this.blocksOf.delete(owner);
    this.dropBlocks(blocks, painter);
  }

  private dropBlocks(blocks: readonly Block[], painter: Painter | null): void {
    for (const block of blocks) {
      painter?.clearBlock(block);
      block.dead = true;
      this.gatedBlocks.delete(block);
      this.removed.add(block);
      this.changed = true;
      for (const m of block.matches) {
        if (m.gated || !countsForGate(block, m)) continue;
        const n = (this.ungated.get(m.entry) ?? 1) - 1;
        if (n > 0) this.ungated.set(m.entry, n);
        else {
          this.ungated.delete(m.entry);
          this.ungatedChanged.add(m.entry);
        }
      }
    }
  }

  /** Every container read or holding runs: those two sets differ only while a walk runs. */
  private owners(): Node[] {
    const all = new Set<Node>(this.known);
    for (const owner of this.blocksOf.keys()) all.add(owner);
    return [...all];
  }

  /** Drops the blocks of containers no longer in the page. */
  sweep(painter: Painter | null): void {
    for (const owner of this.owners()) if (!owner.isConnected) this.dropOwner(owner, painter);
  }

  /**
   * Forgets every container inside one of `roots` (roots included), so those subtrees are read
   * anew. One climb per container: cheaper than asking each root about every container.
   */
  forgetWithin(roots: ReadonlySet<Node>, painter: Painter | null): void {
    for (const owner of this.owners()) {
      for (let n: Node | null = owner; n; n = parentOf(n)) {
        if (roots.has(n)) {
          this.dropOwner(owner, painter);
          break;
        }
      }
    }
  }

  /**
   * Works out again, for the containers read in or around `roots` (moved by the page, or links
   * whose `href` changed), whether their terms are link text, and brings the context gate's
   * tally up to date where that changed. Looks at so many elements per batch only: a move that
   * big is rare, and the gate then goes by what it knew.
   */
  relink(roots: Iterable<Element>): void {
    const budget = { left: RELINK_LOOK };
    const seen = new Set<Node>();
    for (const root of roots) {
      if (!root.isConnected) continue;
      // The container the link sits in (an inline link changed), and those inside it.
      let around: Node | null = parentOf(root);
      while (around && !this.blocksOf.has(around) && around.nodeType === 1) around = parentOf(around);
      if (around) seen.add(around);
      this.ownersWithin(root, seen, budget);
      if (budget.left <= 0) break;
    }
    for (const owner of seen) for (const block of this.blocksOf.get(owner) ?? []) this.recount(block);
  }

  /** Containers holding runs within `root` (itself and open shadow roots included), into `found`. */
  private ownersWithin(root: Element, found: Set<Node>, budget: { left: number }): void {
    const visit = (el: Element) => {
      if (this.blocksOf.has(el)) found.add(el);
      const shadow = el.shadowRoot;
      if (shadow) {
        if (this.blocksOf.has(shadow)) found.add(shadow);
        for (const child of shadow.children) if (budget.left-- > 0) walk(child);
      }
    };
    const walk = (start: Element) => {
      visit(start);
      const walker = start.ownerDocument.createTreeWalker(start, NodeFilter.SHOW_ELEMENT);
      for (let n = walker.nextNode(); n && budget.left-- > 0; n = walker.nextNode()) visit(n as Element);
    };
    walk(root);
  }

  /** A block's matches weighed again as link text or not, the tally moved where they changed. */
  private recount(block: Block): void {
    if (block.dead) return;
    block.ownerInLink = linkAround(block.owner);
    for (const m of block.matches) {
      if (m.gated || m.countsForGate === undefined) continue;
      const counts = !inLink(block, m.start);
      if (counts === m.countsForGate) continue;
      m.countsForGate = counts;
      const n = (this.ungated.get(m.entry) ?? 0) + (counts ? 1 : -1);
      if (n > 0) this.ungated.set(m.entry, n);
      else this.ungated.delete(m.entry);
      if (n === (counts ? 1 : 0)) this.ungatedChanged.add(m.entry);
    }
  }

  /** Removes dropped blocks from the page order; returns blocks added since the last call. */
  takeFresh(): Block[] {
    if (this.removed.size) {
      const removed = this.removed;
      this.ordered = this.ordered.filter((b) => !removed.has(b));
      this.fresh = this.fresh.filter((b) => !removed.has(b));
      this.removed = new Set();
      this.hint = -1;
    }
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }

  /** Forgets everything read, paint included (a setting changed what is read). */
  reset(painter: Painter | null): void {
    for (const owner of this.owners()) this.dropOwner(owner, painter);
    this.takeFresh();
  }
}

/**
 * Whether an ungated match tells what the page is about. Text inside a link does not: a page
 * on neon signs with a "Most read: OpenAI ships a new chatbot" link is not about AI, and its
 * "Claude" (Georges Claude) must stay unmarked. The match itself is still marked.
 * Remembered per match: a block's own text does not change (a change makes a new block).
 */
export function countsForGate(block: Block, m: BlockMatch): boolean {
  return (m.countsForGate ??= !inLink(block, m.start));
}

/** Whether the text at `offset` of the block's run sits inside an `<a>`: in the block, or around it (a link card). */
function inLink(block: Block, offset: number): boolean {
  if ((block.ownerInLink ??= linkAround(block.owner))) return true;
  const { node } = locate(block, offset, false);
  for (let n = parentOf(node); n && n.nodeType === 1; n = n === block.owner ? null : parentOf(n)) {
    if (isLink(n as Element)) return true;
  }
  return false;
}

/** Whether `owner` is an `<a>` or inside one, across shadow roots. */
function linkAround(owner: Node): boolean {
  for (let n: Node | null = owner; n; n = n.nodeType === 11 ? (n as ShadowRoot).host : parentOf(n)) {
    if (n.nodeType === 1 && isLink(n as Element)) return true;
  }
  return false;
}

/** A link a reader can follow: `<a href>`. A named anchor (`<a name>`, `<a id>`) is not one. */
function isLink(el: Element): boolean {
  return tagOf(el) === 'a' && el.hasAttribute('href');
}
