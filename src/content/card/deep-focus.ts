/** The element that has the focus, looked for inside open shadow roots too (the page's and ours). */
export function deepActive(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Elements looked at before giving up: a page's next control is rarely far from its text. */
const LOOK_AT_MOST = 5000;

/**
 * The first element after `node` in page order (before it, going back) that Tab would stop at,
 * for a focus that has nowhere to go back to: Tab from the card then goes on from the term, as
 * it would from a link there. Elements inside `skip` (the card's host) are passed by. Null when
 * there is none near.
 */
export function tabStopBeside(node: Node, forward: boolean, skip: Element | null): HTMLElement | null {
  const doc = node.ownerDocument;
  if (!doc?.documentElement) return null;
  const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = node;
  for (let i = 0; i < LOOK_AT_MOST; i++) {
    const el = (forward ? walker.nextNode() : walker.previousNode()) as HTMLElement | null;
    if (!el) return null;
    if (skip?.contains(el) || el.contains(node)) continue;
    if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert]')) continue;
    if (el.getClientRects().length === 0) continue; // not drawn: hidden, or display: none above it
    return el;
  }
  return null;
}
