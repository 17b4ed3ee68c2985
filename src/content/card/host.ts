import { cardCss } from './card-css';

/** The one element Termlight adds to a page; everything it draws lives in its shadow root. */
export const HOST_TAG = 'termlight-host';
export const HOST_ATTRIBUTE = 'data-termlight-host';

export interface CardHost {
  host: HTMLElement;
  /** Where the card's Preact tree renders. */
  mount: HTMLElement;
  /** A polite live region for keyboard navigation. */
  live: HTMLElement;
  /**
   * Puts the host above whatever the page has put in the top layer (a modal dialog, a popover,
   * a fullscreen element), which no z-index can beat. It also goes inside the dialog or popover
   * that holds the term (`near`), or else the topmost modal dialog: outside a modal dialog
   * everything is inert, and a click outside a popover closes it.
   */
  raise(near: Node | null): void;
  /** Takes the host out of the top layer and back to `<html>`: no trace in the page's dialogs. */
  lower(): void;
  remove(): void;
}

/**
 * Properties a hostile page could set on every element (`* { all: unset !important }`,
 * `[class] { display: none !important }`...). Inline `!important` beats any page rule, so
 * the host stays a fixed, visible, top-most layer whatever the page says.
 */
const HOST_STYLE: ReadonlyArray<[string, string]> = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['overflow', 'visible'],
  ['z-index', '2147483647'],
  ['pointer-events', 'none'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['contain', 'none'],
];

/**
 * What a press in the card would tell the page, were it let through: without Termlight there is
 * no card to press, so the page's own listeners (a menu that closes on a press outside it, a
 * canvas that starts a drag) hear none of these. Releases go through: a drag the page started
 * may end over the card. Termlight's own listeners are on the window, in capture, and hear
 * them first.
 */
const PRESS_EVENTS = ['pointerdown', 'mousedown', 'touchstart', 'click', 'auxclick', 'dblclick', 'contextmenu'] as const;

/**
 * Builds the host, first removing any left behind by an earlier copy of the extension (an
 * update or reload leaves the old content script's elements in open tabs).
 *
 * It goes on `<html>`, not `<body>`: pages restyle, zoom, transform and replace their body, and
 * a transformed ancestor would turn the card's `position: fixed` into something else.
 */
export function createCardHost(doc: Document, speech: { lang: string; dir: 'ltr' | 'rtl' } = { lang: 'en', dir: 'ltr' }): CardHost {
  removeStaleHosts(doc);
  const host = doc.createElement(HOST_TAG);
  host.setAttribute(HOST_ATTRIBUTE, '');
  for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');

  // Open, so the page's own tools (and our tests) can see what is drawn; the isolation that
  // matters here is of styles, which a closed root would not improve.
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = cardCss();
  const mount = doc.createElement('div');
  const live = doc.createElement('div');
  live.className = 'visually-hidden';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  // Neither follows the page: `dir` is inherited into a shadow tree (and `all: initial` leaves
  // it), and a screen reader reads a card without `lang` in the page's language.
  for (const element of [mount, live]) {
    element.lang = speech.lang;
    element.dir = speech.dir;
  }
  root.append(style, mount, live);
  for (const type of PRESS_EVENTS) root.addEventListener(type, (e) => e.stopPropagation(), { passive: true });
  // A press on the card's text does not take the focus from where the reader was (typing in a
  // field, say): the page sees no blur. A button pressed takes it, as buttons do, so that Tab
  // goes on through the card's other buttons.
  root.addEventListener('mousedown', (e) => {
    if (!(e.target as Element | null)?.closest?.('button, a[href]')) e.preventDefault();
  });
  // Out of the page's Tab order, with all it holds: a card shown for the pointer or a focused link
  // is a tooltip, and Tab from the page's last control must not wander into it. A card the reader
  // asked into from the keyboard is let in for the while (see the card view's focusIn).
  host.tabIndex = -1;
  // A manual popover: never dismissed by the browser, only shown in the top layer when asked.
  const popover = typeof host.showPopover === 'function';
  if (popover) host.setAttribute('popover', 'manual');
  doc.documentElement.append(host);

  const raise = (near: Node | null) => {
    const parent = (near && layerAround(near)) ?? lastModal(doc) ?? doc.documentElement;
    // Moving the host closes its popover; it is opened again below.
    if (host.parentNode !== parent) parent.append(host);
    // CSS zoom on the page (html { zoom: 1.5 }) reaches the host, and scales the card and every
    // number it is placed by; the host takes it back.
    // (A custom property: the shadow root's `all: initial` would undo a plain one.)
    const zoom = (parent as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
    const undo = String(zoom > 0 && Number.isFinite(zoom) ? 1 / zoom : 1);
    if (host.style.getPropertyValue('--termlight-unzoom') !== undo) host.style.setProperty('--termlight-unzoom', undo, 'important');
    if (!popover) return;
    if (host.matches(':popover-open')) {
      // Shown again only under something newer: hiding it would move the reader's focus.
      if (!othersInTopLayer(doc, host)) return;
      host.hidePopover();
    }
    host.showPopover();
  };
  const lower = () => {
    if (popover && host.matches(':popover-open')) host.hidePopover();
    if (host.parentNode !== doc.documentElement) doc.documentElement.append(host);
  };
  return { host, mount, live, raise, lower, remove: () => host.remove() };
}

const isLayer = (el: Element) => el.matches(':modal, :popover-open');

/** The open dialog or popover around `node`, through shadow roots; null when there is none. */
function layerAround(node: Node): Element | null {
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    if (n.nodeType === 1 && isLayer(n as Element)) return n as Element;
  }
  return null;
}

/** The last modal dialog of the document (shadow roots are not searched). */
function lastModal(doc: Document): Element | null {
  const modals = doc.querySelectorAll('dialog:modal');
  return modals[modals.length - 1] ?? null;
}

/** Whether the page has anything in the top layer besides `host`. */
function othersInTopLayer(doc: Document, host: Element): boolean {
  if (doc.fullscreenElement || doc.querySelector('dialog:modal')) return true;
  for (const el of doc.querySelectorAll(':popover-open')) if (el !== host) return true;
  return false;
}

export function removeStaleHosts(doc: Document): void {
  for (const old of doc.querySelectorAll(`${HOST_TAG}[${HOST_ATTRIBUTE}]`)) old.remove();
}
