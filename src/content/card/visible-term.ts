import type { Occurrence } from '../engine/types';

/** Ancestors looked at for a box that clips the term away: hiding wrappers sit close to their text. */
const CLIP_DEPTH = 6;
/** Ancestors looked at for a container that could scroll the term into view, or pins it. */
const SCROLL_DEPTH = 64;

/**
 * Whether a reader could see a term once it is scrolled to. Marked text can sit where scrolling
 * never brings it: in a menu slid off the page's left edge (`translateX(-100%)`), in a fixed
 * header slid out of view, in text clipped to a pixel for screen readers only (`.sr-only`) or
 * in a box clipped away (a collapsed panel). Keyboard navigation passes such terms by; the
 * pointer never reaches them anyway.
 */
export function canSee(occurrence: Occurrence, doc: Document): boolean {
  const view = doc.defaultView;
  if (!view) return true;
  const r = occurrence.rects().find((rect) => rect.width > 0 && rect.height > 0);
  if (!r) return false;
  const node = occurrence.start?.node ?? occurrence.range().startContainer;
  const start: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (clippedAway(start, r, view)) return false;
  const root = doc.documentElement;
  const width = root?.clientWidth || view.innerWidth;
  const height = root?.clientHeight || view.innerHeight;
  const onScreen = r.left + r.width > 0 && r.top + r.height > 0 && r.left < width && r.top < height;
  if (onScreen) return true;
  // Off screen: the window scrolls it in, or a container does, unless it is pinned in place.
  // Browsers never scroll a page before its origin; a DOM without layout may say otherwise.
  const beforeOrigin = r.left + r.width + Math.max(0, view.scrollX) <= 0 || r.top + r.height + Math.max(0, view.scrollY) <= 0;
  let el = start;
  for (let i = 0; el && i < SCROLL_DEPTH; i++, el = el.parentElement) {
    const style = view.getComputedStyle(el);
    if (style.position === 'fixed') return false;
    if (/auto|scroll|overlay/.test(`${style.overflowX} ${style.overflowY}`) && (el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth)) {
      return true;
    }
  }
  return !beforeOrigin;
}

/**
 * Whether a box around the term hides it: clipped to a pixel (text for screen readers), or
 * clipping its contents (`overflow: hidden`) without overlapping the term at all.
 */
function clippedAway(start: Element | null, r: { left: number; top: number; width: number; height: number }, view: Window): boolean {
  let el = start;
  for (let i = 0; el && i < CLIP_DEPTH; i++, el = el.parentElement) {
    // No box of its own (display: contents) says nothing.
    if (el.getClientRects().length === 0) continue;
    const box = el.getBoundingClientRect();
    const tiny = box.width <= 1 && box.height <= 1;
    const apart = box.right <= r.left || box.left >= r.left + r.width || box.bottom <= r.top || box.top >= r.top + r.height;
    if (!tiny && !apart) continue;
    const style = view.getComputedStyle(el);
    if (/hidden|clip/.test(`${style.overflowX} ${style.overflowY}`)) return true;
  }
  return false;
}
