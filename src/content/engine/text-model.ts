import type { Match } from '../../core/matcher';
import type { Block } from './blocks';
import { classify, INLINE_TAGS, nextOf, parentOf } from './dom-rules';
import { RunBatch } from './run-batch';

export interface WalkHooks {
  skipCode: boolean;
  /** A container (or shadow root) already read in full: its whole subtree is left alone. */
  isKnown(owner: Node): boolean;
  /** Finds the terms in a batch of `runs` runs of text, joined by U+0000. */
  scan(text: string, runs: number): readonly Match[];
  /** Runs with terms, as each batch of text is scanned; in page order within one walk. */
  onBlock(block: Block): void;
  /** A container's subtree is now fully read. */
  onOwner(owner: Node): void;
  onShadowRoot(root: ShadowRoot): void;
}

const SHOW = 0x1 | 0x4; // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT
/** Check the clock this often (in nodes): `performance.now()` is cheap, not free. */
const CHECK_EVERY = 64;
/**
 * Scan at the next run boundary once this much text is waiting. Small enough that one scan stays
 * well inside a slice even before the JIT has warmed up (about 0.3 µs a character then).
 */
const BATCH_CHARS = 8192;

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
  private readonly batch = new RunBatch();
  /** A node read from the walker but not handled yet (the walk paused before it). */
  private pending: Node | null;
  private inRun = false;
  /** Nodes since the clock was last read. */
  private count = 0;

  constructor(
    readonly root: Node,
    private readonly hooks: WalkHooks,
  ) {
    const doc = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
    this.walker = doc.createTreeWalker(root, SHOW);
    this.open = [root];
    this.owners = [root];
    this.pending = this.walker.nextNode();
  }

  /** False when the page removed the node the walk was to read next: start again. */
  get intact(): boolean {
    return !this.pending || this.pending.isConnected;
  }

  /** The node the walk reads next. */
  get position(): Node | null {
    return this.pending;
  }

  /** Containers started but not finished: their runs so far must be dropped on a restart. */
  openOwners(): Node[] {
    return this.owners.slice();
  }

  /** Reads until finished (true) or until `performance.now()` passes `deadline` (false). */
  run(deadline: number): boolean {
    const { walker, open, hooks } = this;
    let node = this.pending;
    this.count = 0;
    while (node) {
      // Pauses fall between runs only: a run is scanned whole, so no term is cut in two.
      // A batch scan sets `count` so that the clock is read right after it.
      if (++this.count >= CHECK_EVERY && !this.inRun) {
        this.count = 0;
        if (performance.now() > deadline) break;
      }
      // Text nodes cannot be tampered with; an element might be a form with an input named
      // "parentNode", so elements take the safe getter.
      const parent = node.nodeType === 3 ? node.parentNode : parentOf(node);
      while (open.length > 1 && open[open.length - 1] !== parent) this.leave();
      if (node.nodeType === 3) {
        if (!this.inRun) {
          this.batch.startRun(this.owners[this.owners.length - 1] as Node);
          this.inRun = true;
        }
        this.batch.add(node as Text);
        node = walker.nextNode();
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
        node = walker.nextNode();
        continue;
      }
      // Skipped, a line break, or a container read before: step over its subtree.
      node = this.stepOver(el);
    }
    this.pending = node;
    this.endRun();
    this.flushBatch();
    if (node) return false;
    while (open.length > 1) this.leave();
    hooks.onOwner(this.root);
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
    if (this.batch.chars >= BATCH_CHARS) {
      this.flushBatch();
      this.count = CHECK_EVERY;
    }
  }

  private flushBatch(): void {
    for (const block of this.batch.scan(this.hooks.scan)) this.hooks.onBlock(block);
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
