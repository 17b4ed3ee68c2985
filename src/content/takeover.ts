import { removeStaleHosts } from './card';

const TAKEOVER_EVENT = 'termlight:takeover';
/** Where the running copy keeps its controller: in the extension's own world, out of the page's reach. */
const CURRENT = Symbol.for('termlight.running-copy');

/**
 * Makes this copy the one that runs in the frame. A copy still alive in the same frame (the
 * background puts one into a tab whose copy had not answered yet) shares this world's globals,
 * and is retired through them. After the extension is reloaded or updated, the old copy may still
 * run (its extension APIs are gone, its DOM work is not), possibly in another world: a DOM event
 * reaches it there, and it tears itself down once `alive` says it is cut off. A page can send the
 * same event, so a copy that is alive ignores it. Paint or a card left by a copy that could not
 * hear it is removed here too.
 */
export function takeOver(teardown: AbortController, alive: () => boolean): void {
  const world = globalThis as { [CURRENT]?: AbortController };
  world[CURRENT]?.abort();
  world[CURRENT] = teardown;
  document.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
  if (globalThis.CSS && 'highlights' in CSS) {
    // forEach, not keys(): Firefox cannot hand a page iterator to a content script ("Xray wrapping").
    const names: string[] = [];
    CSS.highlights.forEach((_highlight, name) => void names.push(name));
    for (const name of names) if (name.startsWith('termlight')) CSS.highlights.delete(name);
  }
  removeStaleHosts(document);
  const retireIfCutOff = () => {
    if (!alive()) teardown.abort();
  };
  document.addEventListener(TAKEOVER_EVENT, retireIfCutOff, { signal: teardown.signal });
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
