import { classify, parentOf } from './dom-rules';
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

/**
 * Containers on screen now, to read before the rest of the page. Sampled at a few points:
 * only containers about a screen tall or less are taken, so a wrapper holding the whole page
 * does not turn this into reading everything at once.
 */
export function visibleOwners(doc: Document, skipCode: boolean): Element[] {
  const view = doc.defaultView;
  if (!view || typeof doc.elementFromPoint !== 'function') return [];
  const w = view.innerWidth;
  const h = view.innerHeight;
  const found: Element[] = [];
  for (const fy of [0.05, 0.25, 0.45, 0.65, 0.85]) {
    for (const fx of [0.3, 0.6]) {
      const el = doc.elementFromPoint(w * fx, h * fy);
      if (!el) continue;
      const owner = ownerToRescan(el, skipCode, () => false);
      if (!owner || owner.nodeType !== 1 || found.includes(owner as Element)) continue;
      const ownerEl = owner as Element;
      if (ownerEl === doc.body || ownerEl === doc.documentElement) continue;
      if (ownerEl.getBoundingClientRect().height > h) continue;
      found.push(ownerEl);
    }
  }
  return found;
}

/**
 * The containers a batch of page changes calls to read again, after forgetting what the
 * changes made stale: containers no longer in the page, and subtrees whose hidden, aria-hidden
 * or contenteditable state changed (read anew from their parent's container).
 */
export function ownersToRead(batch: MutationBatch, page: PageText, painter: Painter | null, skipCode: boolean): Node[] {
  if (batch.removals) page.sweep(painter);
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
