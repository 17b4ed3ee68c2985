import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import { framesWithTerms } from '../platform/frame-terms';
import { sendToTab } from '../platform/messaging';
import { loadSettings, replaceSettings, saveSettings, watchSettings } from '../platform/settings-store';
import { loadUserGlossaries, saveUserGlossaries, watchUserGlossaries } from '../platform/user-glossaries';
import type { UiApi } from './api';
import { mergeFrameTerms } from './tab-terms';

/** The host permission the content script needs, as the manifest asks for it. */
const ALL_SITES = { origins: ['<all_urls>'] };

/** Chromium's shortcut editor; extensions may open it, web pages may not link to it. */
const CHROMIUM_SHORTCUTS = 'chrome://extensions/shortcuts';

export function createPlatformApi(): UiApi {
  return {
    t,
    loadSettings,
    saveSettings,
    replaceSettings,
    watchSettings,
    loadUserGlossaries,
    saveUserGlossaries,
    watchUserGlossaries,
    async activeTab() {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return null;
      return tab.url === undefined ? { id: tab.id } : { id: tab.id, url: tab.url };
    },
    async pageTerms(tabId) {
      const top = await sendToTab(tabId, 'get-page-terms', {});
      if (top.status !== 'ok') return top;
      // Frames that mark terms report their counts for the badge; those are the ones to ask.
      const frames = await Promise.all((await framesWithTerms(tabId)).map((frameId) =>
        sendToTab(tabId, 'get-page-terms', {}, frameId).then((report) => ({ frameId, report }), () => null)));
      return mergeFrameTerms(top, frames.filter((frame) => frame !== null));
    },
    revealTerm: (tabId, occurrence, frameId = 0) => sendToTab(tabId, 'reveal-term', { occurrence }, frameId),
    async reloadTab(tabId) {
      await browser.tabs.reload(tabId);
    },
    pageAccess: () => browser.permissions.contains(ALL_SITES).catch(() => true),
    requestPageAccess: () => browser.permissions.request(ALL_SITES).catch(() => false),
    async tabLoading(tabId) {
      const tab = await browser.tabs.get(tabId).catch(() => null);
      return tab?.status === 'loading';
    },
    async openPage(path) {
      await browser.tabs.create({ url: browser.runtime.getURL(path) });
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    async commands() {
      const all = await browser.commands.getAll();
      return all.map((c) => ({ name: c.name ?? '', description: c.description ?? '', shortcut: c.shortcut ?? '' }));
    },
    async openShortcutSettings() {
      // Firefox 137+ opens its own editor; Chromium has a page for it instead.
      const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
      try {
        if (typeof commands.openShortcutSettings === 'function') await commands.openShortcutSettings();
        else await browser.tabs.create({ url: CHROMIUM_SHORTCUTS });
        return true;
      } catch {
        return false;
      }
    },
  };
}
