import type { Matcher } from '../../core/matcher';
import type { Block } from './blocks';
import { classify, INLINE_TAGS, nextOf, parentOf, tagOf } from './dom-rules';
import { PIECE_CHARS, RunBatch } from './run-batch';

export interface WalkHooks {
  skipCode: boolean;
  /** A container (or shadow root) already read in full: its whole subtree is left alone. */
  isKnown(owner: Node): boolean;
  /** Finds the terms, a piece of the text read at a time. */
  matcher: Matcher;
  /** Text read so far, for the engine's figures. */
  counts: { textChars: number; runs: number };
  /** Runs with terms, as each batch of text is scanned; in page order within one walk. */
  onBlock(block: Block): void;
  /** A container's subtree is now fully read. */
  onOwner(owner: Node): void;
  onShadowRoot(root: ShadowRoot): void;
  /** A custom element without a shadow root (yet): its definition may come later and add one. */
  onShadowless?(host: Element): void;
}

const SHOW = 0x1 | 0x4; // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT
/** Check the clock this often (in nodes): `performance.now()` is cheap, not free. */
const CHECK_EVERY = 64;

/**
 * A resumable, in-order read of the text under `root`, cut into runs at block boundaries.
 * One native TreeWalker does the traversal (it is what makes the floor fast); leaving an
 * element is seen by comparing each node's parent with a stack of the open elements, and a
 * subtree to skip is stepped over by moving the walker past it.
 */
export class TextWalk {
  private readonly walker: TreeWalker;
  /** Open elements, root first; `owners` holds the containers among them. */
  private readonly open: Node[];
  private readonly owners: Node[];
  private readonly batch: RunBatch;
  /** A node read from the walker but not handled yet (the walk paused before it). */
  private pending: Node | null;
  private inRun = false;
  /** Nodes since the clock was last read. */
  private count = 0;
  /** The deadline of the slice running now. */
  private deadline = Infinity;

  constructor(
    readonly root: Node,
    private readonly hooks: WalkHooks,
  ) {
    const doc = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
    this.walker = doc.createTreeWalker(root, SHOW);
    this.open = [root];
    this.owners = [root];
    this.pending = this.walker.nextNode();
    this.batch = new RunBatch(hooks.matcher, hooks.counts);
  }

  /** False when the page removed the node the walk was to read next: start again. */
  get intact(): boolean {
    return !this.pending || this.pending.isConnected;
  }

  /** The node the walk reads next. */
  get position(): Node | null {
    return this.pending;
  }

  /**
   * Containers started but not finished, and those whose runs are read but not scanned yet:
   * a restart must drop what they hold and read them anew.
   */
  openOwners(): Node[] {
    return [...this.owners, ...this.batch.pendingOwners()];
  }

  /**
   * Reads and scans until finished (true) or until `performance.now()` passes `deadline`
   * (false). A pause can fall anywhere, in the middle of a run too: what is read of the run
   * waits in the batch, and the scan picks up where it stopped, so no term is cut in two.
   */
  run(deadline: number): boolean {
    const { walker, open, hooks, batch } = this;
    this.deadline = deadline;
    // Text read before the last pause and not scanned yet goes first.
    if (!this.scanWaiting()) return false;
    let node = this.pending;
    this.count = 0;
    while (node) {
      // Text nodes cannot be tampered with; an element might be a form with an input named
      // "parentNode", so elements take the safe getter.
      const parent = node.nodeType === 3 ? node.parentNode : parentOf(node);
      while (open.length > 1 && open[open.length - 1] !== parent) this.leave();
      // Read after leaving: at a pause every open container holds the next node, so the
      // screen-first reader knows to leave those to this walk.
      if (++this.count >= CHECK_EVERY) {
        this.count = 0;
        if (performance.now() > deadline) break;
      }
      if (node.nodeType === 3) {
        if (!this.inRun) {
          batch.startRun(this.owners[this.owners.length - 1] as Node);
          this.inRun = true;
        }
        const due = batch.add(node as Text);
        node = walker.nextNode();
        if (due) this.scanWaiting(true);
        continue;
      }
      const el = node as Element;
      // Most elements are common inline ones: known from the tag alone.
      const kind = INLINE_TAGS.has(el.localName) ? 'inline' : classify(el, hooks.skipCode);
      if (kind === 'inline') {
        open.push(el);
        node = walker.nextNode();
        continue;
      }
      this.endRun();
      if (kind === 'container' && !hooks.isKnown(el)) {
        open.push(el);
        this.owners.push(el);
        const shadow = el.shadowRoot;
        if (shadow?.nodeType === 11) hooks.onShadowRoot(shadow);
        else if (tagOf(el).includes('-')) hooks.onShadowless?.(el);
        node = walker.nextNode();
        continue;
      }
      // Skipped, a line break, or a container read before: step over its subtree.
      node = this.stepOver(el);
    }
    this.pending = node;
    if (node) return false;
    while (open.length > 1) this.leave();
    this.endRun();
    if (!this.scanWaiting()) return false;
    hooks.onOwner(this.root);
    return true;
  }

  /**
   * Scans in pieces: one at least when the batch says one is `due`, more while a piece's worth
   * waits, everything once all is read. False when the deadline passed first (once all is read:
   * with scanning left). The clock is read right after, as the scan may have taken the rest of
   * the slice.
   */
  private scanWaiting(due = false): boolean {
    const { batch } = this;
    // `pending` is set at each pause: null only once the walk has read everything.
    const all = this.pending === null;
    this.count = CHECK_EVERY;
    for (let go = due || all; go || batch.unscanned >= PIECE_CHARS; go = all) {
      const blocks = batch.scanPiece();
      if (!blocks) return true;
      for (const block of blocks) this.hooks.onBlock(block);
      if (performance.now() > this.deadline) return all && batch.idle;
    }
    return true;
  }

  private leave(): void {
    const el = this.open.pop();
    if (el !== this.owners[this.owners.length - 1]) return;
    this.endRun();
    this.owners.pop();
    this.hooks.onOwner(el as Node);
  }

  private endRun(): void {
    if (!this.inRun) return;
    this.inRun = false;
    if (this.batch.endRun()) this.scanWaiting(true);
  }

  /** The first node after `el`'s subtree, with the walker moved there. */
  private stepOver(el: Node): Node | null {
    let cur: Node | null = el;
    while (cur && cur !== this.root) {
      const next = nextOf(cur);
      if (next) {
        this.walker.currentNode = next;
        // The walker shows only elements and text; anything else (a comment) is passed by.
        return next.nodeType === 1 || next.nodeType === 3 ? next : this.walker.nextNode();
      }
      cur = parentOf(cur);
    }
    return null;
  }
}
