import { composedParent } from '../composed-tree';

/**
 * Scrolls a term into view for keyboard navigation: first every scrolled container around it
 * (innermost first), then the window. A term already comfortably on screen is left where it
 * is, so stepping through a visible paragraph does not make the page jump.
 *
 * Not `Element.scrollIntoView`: it would centre the whole paragraph, which for a long one can
 * leave the term itself off screen. Scrolling is instant even on pages that ask for smooth
 * scrolling, so the card can be placed (and checked to be on screen) right after.
 */
export function revealRange(range: Range, doc: Document, margin = 48): () => void {
  const view = doc.defaultView;
  if (!view) return () => undefined;
  const start = range.startContainer;
  const moved: Array<[Element, number, number]> = [];
  let el: Element | null = start.nodeType === 1 ? (start as Element) : composedParent(start);
  for (; el && el !== doc.documentElement && el !== doc.body; el = composedParent(el)) {
    if (!scrolls(el, view)) continue;
    moved.push([el, el.scrollLeft, el.scrollTop]);
    const box = el.getBoundingClientRect();
    scrollToShow(el, range.getBoundingClientRect(), box, margin);
  }
  const [x, y] = [view.scrollX, view.scrollY];
  const root = doc.documentElement;
  const width = root.clientWidth || view.innerWidth;
  const height = root.clientHeight || view.innerHeight;
  const rect = range.getBoundingClientRect();
  view.scrollBy({
    top: offsetToShow(rect.top, rect.height, 0, height, margin),
    left: offsetToShow(rect.left, rect.width, 0, width, margin),
    behavior: 'instant',
  });
  uncover(range, doc, view, width, height);
  // Puts every scroll back, for a term that turned out not to be worth showing.
  return () => {
    view.scrollTo({ left: x, top: y, behavior: 'instant' });
    for (const [box, left, top] of moved.reverse()) box.scrollTo({ left, top, behavior: 'instant' });
  };
}

/** Room left between a term and a bar that covered it. */
const CLEAR = 8;

/** A bar taller than this share of the window is an overlay, not a header: scrolling will not clear it. */
const BAR_SHARE = 1 / 3;

/**
 * Scrolls the window once more if what is now over the term is a bar pinned to the top or the
 * bottom of the window (a sticky header, a cookie banner): just far enough to bring the term
 * clear of it, and only if the term then stays in the window.
 */
function uncover(range: Range, doc: Document, view: Window, width: number, height: number): void {
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  const hit = doc.elementFromPoint(rect.left + Math.min(rect.width / 2, 8), rect.top + rect.height / 2);
  if (!hit || hit.localName === 'termlight-host' || holds(hit, range.startContainer)) return;
  const bar = pinnedAncestor(hit, view);
  // A term inside the bar (a sticky sidebar) moves with it: scrolling cannot help.
  if (!bar || holds(bar, range.startContainer)) return;
  const box = bar.getBoundingClientRect();
  if (box.height > height * BAR_SHARE || box.right <= rect.left || box.left >= rect.right || box.width > width * 2) return;
  // A bar at the top pushes the term down; one at the bottom pushes it up.
  const atTop = box.top + box.height / 2 < height / 2;
  const top = atTop ? rect.top - box.bottom - CLEAR : rect.bottom - box.top + CLEAR;
  const after = rect.top - top;
  if (after < 0 || after + rect.height > height) return;
  view.scrollBy({ top, behavior: 'instant' });
}

/** Whether `node` is `el` or inside it, across shadow roots. */
function holds(el: Element, node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === el) return true;
  return false;
}

/** `el` or the nearest element around it that stays put while the page scrolls. */
function pinnedAncestor(el: Element, view: Window): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const position = view.getComputedStyle(e).position;
    if (position === 'fixed' || position === 'sticky') return e;
  }
  return null;
}

/** Whether `el` is a container the reader can scroll: content past its box, and overflow that scrolls. */
export function scrolls(el: Element, view: Window): boolean {
  if (el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth) return false;
  const style = view.getComputedStyle(el);
  return /auto|scroll|overlay/.test(`${style.overflowX} ${style.overflowY}`);
}

function scrollToShow(el: Element, rect: DOMRect, box: DOMRect, margin: number): void {
  const top = offsetToShow(rect.top, rect.height, box.top, el.clientHeight, margin);
  const left = offsetToShow(rect.left, rect.width, box.left, el.clientWidth, margin);
  if (top || left) el.scrollBy({ top, left, behavior: 'instant' });
}

/**
 * How far to scroll so that a span (`start`, `size`) sits in a window (`from`, `length`):
 * nothing when it is already inside with `margin` to spare, else enough to centre it.
 */
export function offsetToShow(start: number, size: number, from: number, length: number, margin: number): number {
  const m = Math.min(margin, Math.max(0, (length - size) / 2));
  if (start >= from + m && start + size <= from + length - m) return 0;
  return Math.round(start - from - (length - size) / 2);
}
