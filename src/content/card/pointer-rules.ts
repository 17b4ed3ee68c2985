import type { Occurrence } from '../engine/types';

/**
 * One term on the page, however the engine hands it out: the hit test may return a fresh
 * object for a term it already returned, so identity alone cannot tell.
 */
export function sameOccurrence(a: Occurrence, b: Occurrence): boolean {
  if (a === b) return true;
  if (a.entry !== b.entry || a.text !== b.text) return false;
  try {
    const ra = a.range();
    const rb = b.range();
    return ra.compareBoundaryPoints(Range.START_TO_START, rb) === 0;
  } catch {
    // Ranges in different documents (a term in a frame that went away) are not comparable.
    return false;
  }
}

/**
 * Where a click belongs to the page, not to Termlight: links, form controls, anything the page
 * made clickable by role, and editable text. A term there never swallows the click.
 */
const INTERACTIVE = [
  'a[href]',
  'area[href]',
  'button',
  'input',
  'select',
  'textarea',
  'label',
  'summary',
  '[role="button"]',
  '[role="link"]',
  '[role="menuitem"]',
  '[role="tab"]',
  '[role="checkbox"]',
  '[role="option"]',
].join(',');

export function isInteractive(target: EventTarget | null): boolean {
  const el = target instanceof Node ? (target.nodeType === 1 ? (target as Element) : target.parentElement) : null;
  if (!el) return false;
  if (el.closest(INTERACTIVE)) return true;
  return el instanceof HTMLElement && el.isContentEditable;
}
