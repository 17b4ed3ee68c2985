// The one module that imports the polyfill: every context reaches the extension APIs through it,
// with promise-returning `browser.*` in both Chromium and Firefox.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs, Storage, Menus } from 'webextension-polyfill';

/**
 * Whether this context still belongs to a running extension. Once the extension is turned off,
 * removed or reloaded, a content script left in a page finds its runtime id gone (or the API
 * throwing).
 */
export function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}
