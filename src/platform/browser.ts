// The one module that imports the polyfill: every context reaches the extension APIs through it,
// with promise-returning `browser.*` in both Chromium and Firefox.
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs, Storage, Menus } from 'webextension-polyfill';
