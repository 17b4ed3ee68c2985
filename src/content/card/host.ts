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
 * Builds the host, first removing any left behind by an earlier copy of the extension (an
 * update or reload leaves the old content script's elements in open tabs).
 *
 * It goes on `<html>`, not `<body>`: pages restyle, zoom, transform and replace their body, and
 * a transformed ancestor would turn the card's `position: fixed` into something else.
 */
export function createCardHost(doc: Document): CardHost {
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
  root.append(style, mount, live);
  doc.documentElement.append(host);
  return { host, mount, live, remove: () => host.remove() };
}

export function removeStaleHosts(doc: Document): void {
  for (const old of doc.querySelectorAll(`${HOST_TAG}[${HOST_ATTRIBUTE}]`)) old.remove();
}
