import { HOST_TAG } from './card';

const TAKEOVER_EVENT = 'termlight:takeover';

/**
 * After the extension is reloaded or updated, the old content script may still run in open pages
 * (its extension APIs are gone, its DOM work is not). A new instance announces itself with a DOM
 * event, which reaches every instance whatever world it runs in; the old one then tears itself
 * down. Paint or a card left by an instance that could not hear it is removed here too.
 */
export function takeOver(teardown: AbortController): void {
  document.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
  if (globalThis.CSS && 'highlights' in CSS) {
    // forEach, not keys(): Firefox cannot hand a page iterator to a content script ("Xray wrapping").
    const names: string[] = [];
    CSS.highlights.forEach((_highlight, name) => void names.push(name));
    for (const name of names) if (name.startsWith('termlight')) CSS.highlights.delete(name);
  }
  for (const host of document.querySelectorAll(HOST_TAG)) host.remove();
  document.addEventListener(TAKEOVER_EVENT, () => teardown.abort(), { signal: teardown.signal, once: true });
}

/**
 * In Chromium, when the extension is turned off, removed, or reloaded with no new copy coming
 * in, this copy loses its extension APIs but its paint, card and listeners stay in the page, and
 * nothing tells it so. It looks again whenever the reader comes back to the page (the tab shown,
 * something focused, a click or tap) and tears down once `alive` says the extension is gone.
 * (Firefox takes a removed extension's stylesheet away with it, so what paint is left there is
 * no longer drawn; a browser test holds both.)
 */
export function stopWhenOrphaned(teardown: AbortController, alive: () => boolean): void {
  const check = () => {
    if (!alive()) teardown.abort();
  };
  const options = { signal: teardown.signal, capture: true, passive: true };
  document.addEventListener('visibilitychange', check, options);
  // On the window, in capture: before any listener of the page's could stop the event.
  window.addEventListener('pointerdown', check, options);
  window.addEventListener('focus', check, options);
}
