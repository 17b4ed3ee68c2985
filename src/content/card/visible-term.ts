import type { Occurrence } from '../engine/types';

/** Ancestors looked at for a box clipped to a pixel: the usual screen-reader-only wrapper is close. */
const CLIP_DEPTH = 4;

/**
 * Whether a reader could see a term once it is scrolled to. Marked text can sit where scrolling
 * never brings it: in a menu slid off the page's left edge (`translateX(-100%)`), or in text
 * clipped to a pixel for screen readers only (`.sr-only`). Keyboard navigation passes such
 * terms by; the pointer never reaches them anyway.
 */
export function canSee(occurrence: Occurrence, doc: Document): boolean {
  const view = doc.defaultView;
  // Browsers never scroll a page before its origin; a DOM without layout may say otherwise.
  const sx = Math.max(0, view?.scrollX ?? 0);
  const sy = Math.max(0, view?.scrollY ?? 0);
  // Left of or above the page's origin: no scrolling reaches there.
  const placed = occurrence.rects().some((r) => r.width > 0 && r.height > 0 && r.left + r.width + sx > 0 && r.top + r.height + sy > 0);
  if (!placed) return false;
  const node = occurrence.start?.node ?? occurrence.range().startContainer;
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  for (let i = 0; el && i < CLIP_DEPTH; i++, el = el.parentElement) {
    // No box of its own (display: contents) says nothing.
    if (el.getClientRects().length === 0) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 1 || box.height > 1) continue;
    // A pixel that shows nothing beyond it: text kept for screen readers.
    const style = view?.getComputedStyle(el);
    if (style && /hidden|clip|auto|scroll/.test(`${style.overflowX} ${style.overflowY}`)) return false;
  }
  return true;
}
