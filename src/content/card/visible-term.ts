import { composedParent } from '../composed-tree';
import type { Occurrence } from '../engine/types';
import { scrolls } from './reveal';

/** Ancestors looked at for a box that clips the term away: hiding wrappers sit close to their text. */
const CLIP_DEPTH = 6;
/** Ancestors looked at for a container that could scroll the term into view, or pins it. */
const SCROLL_DEPTH = 64;

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

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
  const start = node.nodeType === 1 ? (node as Element) : composedParent(node);
  if (clippedAway(start, r, view, doc)) return false;
  const root = doc.documentElement;
  const width = root?.clientWidth || view.innerWidth;
  const height = root?.clientHeight || view.innerHeight;
  const onScreen = r.left + r.width > 0 && r.top + r.height > 0 && r.left < width && r.top < height;
  if (onScreen) return true;
  // Off screen: the window scrolls it in, or a container does, unless it is pinned in place.
  // Browsers never scroll a page before its origin; a DOM without layout may say otherwise.
  const beforeOrigin = r.left + r.width + Math.max(0, view.scrollX) <= 0 || r.top + r.height + Math.max(0, view.scrollY) <= 0;
  let el = start;
  for (let i = 0; el && i < SCROLL_DEPTH; i++, el = composedParent(el)) {
    // A fixed panel that scrolls itself (a modal, a drawer) brings its own text into view.
    if (scrolls(el, view)) return true;
    if (view.getComputedStyle(el).position === 'fixed') return false;
  }
  return !beforeOrigin;
}

/**
 * Whether a box around the term hides it: clipped to a pixel (text for screen readers), or
 * clipping its contents (`overflow: hidden`) on an axis where it does not reach the term at
 * all. The body and the root are passed by: their overflow is the window's.
 */
function clippedAway(start: Element | null, r: Box, view: Window, doc: Document): boolean {
  let el = start;
  for (let i = 0; el && i < CLIP_DEPTH; i++, el = composedParent(el)) {
    if (el === doc.body || el === doc.documentElement) break;
    // No box of its own (display: contents) says nothing.
    if (el.getClientRects().length === 0) continue;
    const box = el.getBoundingClientRect();
    const tiny = box.width <= 1 && box.height <= 1;
    const apartX = box.right <= r.left || box.left >= r.left + r.width;
    const apartY = box.bottom <= r.top || box.top >= r.top + r.height;
    if (!tiny && !apartX && !apartY) continue;
    const style = view.getComputedStyle(el);
    const clipsX = /hidden|clip/.test(style.overflowX);
    const clipsY = /hidden|clip/.test(style.overflowY);
    if ((tiny && (clipsX || clipsY)) || (apartX && clipsX) || (apartY && clipsY)) return true;
  }
  return false;
}
