/** The element that has the focus, looked for inside open shadow roots too (the page's and ours). */
export function deepActive(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Fields and editors: focus there is for typing, and a card would only be in the way. */
export function isEditable(el: Element): boolean {
  const tag = el.localName;
  return tag === 'input' || tag === 'textarea' || tag === 'select' || (el as HTMLElement).isContentEditable === true;
}

/** Input types that take typed text: keys there (Escape too) are the field's. */
const TEXT_INPUTS = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'password', 'number']);

/** Whether the reader types into `el`: a text field, a text area or an editor (not a checkbox or a list). */
export function takesTyping(el: Element): boolean {
  if (el.localName === 'input') return TEXT_INPUTS.has((el.getAttribute('type') ?? '').toLowerCase());
  return el.localName === 'textarea' || (el as HTMLElement).isContentEditable === true;
}

/** Elements looked at before giving up, in all: a page's next control is rarely far from its text. */
const LOOK_AT_MOST = 5000;

/** What is left of `LOOK_AT_MOST` for one search, shared by the page and the shadow roots it looks into. */
interface Budget {
  left: number;
}

/** What Tab stops at without being given a tabindex. */
const FOCUSABLE = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, audio[controls], video[controls], [contenteditable]:not([contenteditable="false"])';

/** Whether Tab could stop at `el`, as far as can be told without trying. */
function mayTakeTab(el: HTMLElement): boolean {
  if (el.tabIndex < 0) return false;
  // Browsers report tabIndex 0 for some elements Tab passes by (an anchor without href; a
  // <dialog> in Firefox): without a tabindex of its own, only a control counts.
  if (!el.hasAttribute('tabindex') && !el.matches(FOCUSABLE)) return false;
  if (el.matches(':disabled') || el.closest('[inert]')) return false;
  if (el.getClientRects().length === 0) return false; // not drawn: hidden, or display: none above it
  const visible = (el as { checkVisibility?: (options: object) => boolean }).checkVisibility;
  return visible ? visible.call(el, { visibilityProperty: true }) : true;
}

/** Tries to give `el` the focus; the browser quietly refuses some (behind a modal dialog). */
function takes(el: HTMLElement, doc: Document): boolean {
  if (!mayTakeTab(el)) return false;
  el.focus();
  return deepActive(doc) === el;
}

/** Components inside components looked into, at most: a page's nesting is rarely deeper. */
const DEEPEST = 8;

/** `el` focused, or the first stop (the last, going back) in its open shadow root, focused. */
function focusAt(el: HTMLElement, forward: boolean, doc: Document, depth: number, budget: Budget): boolean {
  // Going on, a component comes before what it holds; going back, after.
  return forward
    ? takes(el, doc) || focusInShadow(el, true, doc, depth, budget)
    : focusInShadow(el, false, doc, depth, budget) || takes(el, doc);
}

/** The first stop (the last, going back) inside a component's open shadow root, and in the components it holds, focused. */
function focusInShadow(host: Element, forward: boolean, doc: Document, depth: number, budget: Budget): boolean {
  const shadow = host.shadowRoot;
  if (!shadow || depth >= DEEPEST) return false;
  const walker = doc.createTreeWalker(shadow, NodeFilter.SHOW_ELEMENT);
  const inside: HTMLElement[] = [];
  for (let n = walker.nextNode(); n && budget.left > 0; n = walker.nextNode(), budget.left--) inside.push(n as HTMLElement);
  if (!forward) inside.reverse();
  return inside.some((el) => focusAt(el, forward, doc, depth + 1, budget));
}

/**
 * Moves the focus to the first element after `node` in page order (before it, going back) that
 * takes it, for a focus that has nowhere to go back to: Tab from the card then goes on from the
 * term, as it would from a link there. A term in a shadow root is looked past from its outermost
 * host; a component's open shadow root is looked into, and so are those of components inside it
 * (a few levels deep); elements inside `skip` (the card's host) are passed by. Returns whether an
 * element took the focus.
 */
export function focusBeside(node: Node, forward: boolean, skip: Element | null): boolean {
  const doc = node.ownerDocument;
  if (!doc?.documentElement) return false;
  let start = node;
  for (let root = start.getRootNode(); root !== start && (root as ShadowRoot).host; root = start.getRootNode()) start = (root as ShadowRoot).host;
  const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = start;
  const budget: Budget = { left: LOOK_AT_MOST };
  while (budget.left-- > 0) {
    const el = (forward ? walker.nextNode() : walker.previousNode()) as HTMLElement | null;
    if (!el) return false;
    if (skip?.contains(el) || el.contains(start)) continue;
    if (focusAt(el, forward, doc, 0, budget)) return true;
  }
  return false;
}
