import { boxOf, classify, nextElementOf, parentOf, previousElementOf } from './dom-rules';
import type { MutationBatch } from './observer';
import type { PageText } from './page-text';
import type { Painter } from './painter';

/**
 * The container to read again after `node` changed, or null when the change is in text
 * Termlight does not read (a script, a textarea, an editable region, its own card). Climbs
 * until a container already read: above it, the path was checked when that was read.
 */
export function ownerToRescan(node: Node, skipCode: boolean, isKnown: (n: Node) => boolean): Node | null {
  // The page replaced its document element (document.open, some frameworks): read the new one.
  if (node.nodeType === 9) return (node as Document).documentElement;
  let owner: Node | null = null;
  let cur: Node | null = node.nodeType === 1 || node.nodeType === 11 ? node : parentOf(node);
  while (cur) {
    if (cur.nodeType === 1) {
      const kind = classify(cur as Element, skipCode);
      if (kind === 'skip') return null;
      if (kind === 'container') owner ??= cur;
    } else if (cur.nodeType === 11) {
      owner ??= cur;
      if (isKnown(owner)) return owner;
      cur = (cur as ShadowRoot).host ?? null;
      continue;
    } else {
      return owner;
    }
    if (owner && isKnown(owner)) return owner;
    const parent: Node | null = parentOf(cur);
    // The document element owns whatever no container holds.
    if (parent?.nodeType === 9) return owner ?? cur;
    cur = parent;
  }
  return null;
}

/** Points sampled for what is on screen, as fractions of the viewport: rows top to bottom. */
const SAMPLES: ReadonlyArray<readonly [number, number]> = [0.05, 0.25, 0.45, 0.65, 0.85].flatMap(
  (fy) => [[0.3, fy], [0.6, fy]] as const,
);

/**
 * Containers on screen now, to read before the rest of the page, found by sampling a few points.
 * Only containers about a screen tall or less are taken, so a wrapper holding the whole page
 * does not turn this into reading everything at once. Hit testing one point costs milliseconds
 * on a page with tens of thousands of blocks, so `take` samples only until its deadline and the
 * next slice goes on from there.
 */
export class VisibleOwners {
  private next = 0;
  private readonly found: Element[] = [];

  constructor(
    private readonly doc: Document,
    private readonly skipCode: boolean,
  ) {
    if (!doc.defaultView || typeof doc.elementFromPoint !== 'function') this.next = SAMPLES.length;
  }

  get done(): boolean {
    return this.next >= SAMPLES.length;
  }

  /** Samples at least one point, then more until `deadline`; returns the new containers found. */
  take(deadline: number): Element[] {
    const { doc } = this;
    const view = doc.defaultView;
    const fresh: Element[] = [];
    while (view && !this.done) {
      const [fx, fy] = SAMPLES[this.next++] as readonly [number, number];
      const owner = this.ownerAt(view.innerWidth * fx, view.innerHeight * fy, view.innerHeight);
      if (owner) {
        this.found.push(owner);
        fresh.push(owner);
        // A few points miss the short blocks between them; their neighbours on screen cost a
        // box each (no hit test).
        for (const next of this.nearOnScreen(owner, view.innerWidth, view.innerHeight, deadline)) {
          this.found.push(next);
          fresh.push(next);
        }
      }
      if (performance.now() > deadline) break;
    }
    return fresh;
  }

  private ownerAt(x: number, y: number, screen: number): Element | null {
    const el = this.doc.elementFromPoint(x, y);
    if (!el) return null;
    const owner = ownerToRescan(el, this.skipCode, () => false);
    if (!owner || owner.nodeType !== 1 || this.found.includes(owner as Element)) return null;
    const ownerEl = owner as Element;
    if (ownerEl === this.doc.body || ownerEl === this.doc.documentElement) return null;
    return boxOf(ownerEl).height > screen ? null : ownerEl;
  }

  /**
   * The containers beside `owner` on screen. A block alone in its wrapper (a comment's text in
   * its comment) has none: then those beside the wrapper, up to two wrappers out, while the
   * wrapper is no taller than the screen.
   */
  private nearOnScreen(owner: Element, width: number, screen: number, deadline: number): Element[] {
    let base = owner;
    let near = this.neighboursOnScreen(base, width, screen, deadline);
    for (let out = 0; out < 2 && near.length === 0 && !previousElementOf(base) && !nextElementOf(base); out++) {
      const wrapper = parentOf(base);
      if (!wrapper || wrapper.nodeType !== 1 || wrapper === this.doc.body || wrapper === this.doc.documentElement) break;
      if (boxOf(wrapper as Element).height > screen) break;
      base = wrapper as Element;
      near = this.neighboursOnScreen(base, width, screen, deadline);
    }
    return near;
  }

  /**
   * The containers beside `owner`, up and down, while they are on screen (and no further than
   * the deadline allows). Through the prototype's own members: a form sibling may have inputs
   * named "nextElementSibling" or "getBoundingClientRect".
   */
  private neighboursOnScreen(owner: Element, width: number, screen: number, deadline: number): Element[] {
    const out: Element[] = [];
    for (const up of [true, false]) {
      const step = up ? previousElementOf : nextElementOf;
      let seen = 0;
      for (let el = step(owner); el && seen < NEIGHBOURS; el = step(el)) {
        seen++;
        const box = boxOf(el);
        if (box.width === 0 && box.height === 0) continue; // not drawn: says nothing of where the screen ends
        if (up ? box.bottom <= 0 : box.top >= screen) break;
        if (box.right <= 0 || box.left >= width || box.height > screen || this.found.includes(el)) continue;
        if (ownerToRescan(el, this.skipCode, () => false) === el) out.push(el);
        if (performance.now() > deadline) return out;
      }
    }
    return out;
  }
}

/** Siblings looked at on each side of a container found on screen: a screenful of short blocks. */
const NEIGHBOURS = 40;

/**
 * The containers a batch of page changes calls to read again, after forgetting what the
 * changes made stale: containers no longer in the page, and subtrees whose hidden, aria-hidden
 * or contenteditable state changed (read anew from their parent's container).
 */
export function ownersToRead(batch: MutationBatch, page: PageText, painter: Painter | null, skipCode: boolean): Node[] {
  if (batch.removals) page.sweep(painter);
  if (batch.relinked.size) page.relink(batch.relinked);
  const toggled = new Set([...batch.toggled].filter((el) => el.isConnected));
  if (toggled.size) {
    page.forgetWithin(toggled, painter);
    for (const el of toggled) {
      const parent = parentOf(el);
      if (parent) batch.targets.add(parent);
    }
  }
  const owners = new Set<Node>();
  for (const target of batch.targets) {
    if (!target.isConnected) continue;
    const owner = ownerToRescan(target, skipCode, page.isKnown);
    if (owner) owners.add(owner);
  }
  return [...owners];
}
