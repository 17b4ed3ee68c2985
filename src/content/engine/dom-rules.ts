/**
 * How the text model reads elements: which ones own a block of text, which only break a run
 * of text, and which are never read. Decided from tag names and a few attributes only:
 * computed styles would force style recalculation on every element of a page.
 */
import { isBlank } from '../../core/matcher/chars';

export type ElementKind = 'skip' | 'container' | 'break' | 'inline';

/** Elements whose text is not prose a reader sees, or is the reader's own input. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title',
  'textarea', 'input', 'select', 'option', 'optgroup', 'datalist',
  'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'canvas', 'video', 'audio',
  'termlight-host',
]);

/** Skipped when the `skipCode` setting is on: identifiers there are rarely the jargon meant. */
const CODE_TAGS = new Set(['code', 'pre', 'kbd', 'samp', 'tt']);

/** Block-level elements: each owns the runs of text directly inside it. */
const CONTAINER_TAGS = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'button', 'caption', 'center',
  'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'legend', 'li',
  'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Common inline elements: known at a glance, without the checks `classify` makes. */
export const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'label', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]);

/** Elements with no text of their own that still end a line or a word run. */
const BREAK_TAGS = new Set(['br', 'hr', 'img', 'picture', 'area', 'meter', 'progress']);

/** Whether the browser reflects `aria-hidden` as a property (a property read is cheaper). */
const ARIA_REFLECTED = typeof Element !== 'undefined' && 'ariaHidden' in Element.prototype;

/**
 * This runs for every element of a page, so it reads as little as it can: the tag, and for
 * blocks only, a few reflected properties (cheaper than a selector match or attribute lookups by
 * name). Inline elements are not checked for `hidden`, `aria-hidden` or `contenteditable`: a
 * hidden inline span is rare and its marks would not show, an `aria-hidden` icon inside a
 * sentence is still on screen, and editable regions are blocks in practice.
 */
export function classify(el: Element, skipCode: boolean): ElementKind {
  const tag = el.localName;
  // A <form> is the one element whose properties a page can shadow (by naming an input
  // "hidden", "localName", ...): it takes the slow, safe path.
  if (typeof tag !== 'string' || tag === 'form') return classifyForm(el);
  if (SKIP_TAGS.has(tag) || (skipCode && CODE_TAGS.has(tag))) return 'skip';
  if (isContainerTag(tag)) return isSkippedBlock(el as HTMLElement) ? 'skip' : 'container';
  return BREAK_TAGS.has(tag) ? 'break' : 'inline';
}

/**
 * Code editors that draw their lines as plain <div>s and take input through a hidden textarea
 * (Monaco, Ace, CodeMirror): their text is the reader's code, not prose. ARIA's `code` and
 * `textbox` roles say the same of any other widget.
 */
const EDITOR_CLASS = /(?:^|\s)(?:monaco-editor|ace_editor|CodeMirror|cm-editor)(?:\s|$)/;
const EDITOR_ROLES = new Set(['code', 'textbox', 'searchbox']);

function isSkippedBlock(el: HTMLElement): boolean {
  if (el.hidden) return true;
  const cls = el.className;
  if (typeof cls === 'string' && cls !== '' && EDITOR_CLASS.test(cls)) return true;
  const role = el.getAttribute('role');
  if (role !== null && EDITOR_ROLES.has(role)) return true;
  // `contentEditable` reflects the attribute: "inherit" when absent.
  const editable = el.contentEditable;
  if (editable !== undefined && editable !== 'inherit' && editable !== 'false') return true;
  const aria = ARIA_REFLECTED ? el.ariaHidden : el.getAttribute('aria-hidden');
  return aria === 'true' || el.hasAttribute('data-termlight-host');
}

const proto = typeof Element !== 'undefined' ? Element.prototype : null;

function classifyForm(el: Element): ElementKind {
  if (!proto) return 'container';
  const attr = (name: string) => proto.getAttribute.call(el, name);
  const editable = attr('contenteditable');
  const skipped =
    attr('hidden') !== null ||
    attr('aria-hidden') === 'true' ||
    attr('data-termlight-host') !== null ||
    (editable !== null && editable.toLowerCase() !== 'false');
  return skipped ? 'skip' : 'container';
}

const getter = (owner: object | null, name: string) => (owner ? Object.getOwnPropertyDescriptor(owner, name)?.get : undefined);
const parentGetter = getter(typeof Node !== 'undefined' ? Node.prototype : null, 'parentNode');
const nextGetter = getter(typeof Node !== 'undefined' ? Node.prototype : null, 'nextSibling');
const tagGetter = getter(proto, 'localName');

/** `node.parentNode`, safe from a form whose input is named "parentNode". */
export function parentOf(node: Node): Node | null {
  return parentGetter ? (parentGetter.call(node) as Node | null) : node.parentNode;
}

/** `node.nextSibling`, safe from a form whose input is named "nextSibling". */
export function nextOf(node: Node): Node | null {
  return nextGetter ? (nextGetter.call(node) as Node | null) : node.nextSibling;
}

const previousElementGetter = getter(proto, 'previousElementSibling');
const nextElementGetter = getter(proto, 'nextElementSibling');

/** `el.previousElementSibling`, safe from a form whose input is named so. */
export function previousElementOf(el: Element): Element | null {
  return (previousElementGetter ? previousElementGetter.call(el) : el.previousElementSibling) as Element | null;
}

/** `el.nextElementSibling`, safe from a form whose input is named so. */
export function nextElementOf(el: Element): Element | null {
  return (nextElementGetter ? nextElementGetter.call(el) : el.nextElementSibling) as Element | null;
}

/** `el.getBoundingClientRect()`, safe from a form whose input is named so. */
export function boxOf(el: Element): DOMRect {
  return (proto ?? el).getBoundingClientRect.call(el);
}

/** `el.localName`, safe from a form whose input is named "localName". */
export function tagOf(el: Element): string {
  const tag = el.localName;
  return typeof tag === 'string' ? tag : tagGetter ? String(tagGetter.call(el)) : '';
}

function isContainerTag(tag: string): boolean {
  // Custom elements are mostly components laid out as blocks (cards, rows, cells): gluing
  // their texts together would make words out of neighbours.
  return CONTAINER_TAGS.has(tag) || (tag.includes('-') && tag !== MARK_TAG);
}

/**
 * Whether `root` holds any text a walk could read: a text node with more than white space, not
 * inside a script, style or the like. Stops at the first, which on a page with text comes within
 * a few nodes; an empty frame (many ads and embeds are) answers at once. Text inside shadow roots
 * is not looked for.
 */
export function hasReadableText(root: Node): boolean {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return false;
  const walker = doc.createTreeWalker(root, 0x4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (isBlank((node as Text).data)) continue;
    const parent = node.parentNode;
    if (parent?.nodeType !== 1 || !SKIP_TAGS.has(tagOf(parent as Element))) return true;
  }
  return false;
}

/** The wrapper of the fallback painter; read as plain inline text. */
export const MARK_TAG = 'termlight-mark';

/** Whether a node is an element Termlight drew (its card host), whatever the page did to it. */
export function isOwnHost(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  return tagOf(el) === 'termlight-host' || (!!proto && proto.getAttribute.call(el, 'data-termlight-host') !== null);
}

/**
 * The node that owns the text of `node`: its nearest container element, or the shadow root or
 * document it sits in. Blocks are kept per owner, so this is how a text node or a mutation finds
 * its blocks.
 */
export function ownerOf(node: Node): Node {
  let cur: Node | null = node.nodeType === 1 ? node : parentOf(node);
  while (cur) {
    if (cur.nodeType === 1) {
      if (isContainerTag(tagOf(cur as Element))) return cur;
    } else if (cur.nodeType === 11 || cur.nodeType === 9) {
      return cur;
    }
    const parent: Node | null = parentOf(cur);
    // The document element is the walk's root; it owns anything outside any container.
    if (!parent || parent.nodeType === 9) return cur;
    cur = parent;
  }
  return node;
}
