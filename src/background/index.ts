// The background only routes: every listener is registered synchronously at the top level (a
// stopped service worker is woken by the event), and it keeps no state it cannot rebuild.
import { browser } from '../platform/browser';
import { handleMessages } from '../platform/messaging';
import { loadSettings, watchSettings } from '../platform/settings-store';
import { forgetTab, recordFrameCount, repaintAllBadges } from './badge';
import { runCommand } from './commands';
import { createMenus, onMenuClicked } from './context-menu';
import { injectIntoOpenTabs } from './inject-open-tabs';

handleMessages<'background'>({
  'page-terms-changed': async ({ count }, sender) => {
    if (sender.tab?.id === undefined) return;
    const { showBadge } = await loadSettings();
    await recordFrameCount(sender.tab.id, sender.frameId ?? 0, count, showBadge);
  },
  'open-glossary': async ({ entryId }) => {
    await browser.tabs.create({ url: browser.runtime.getURL(`glossary.html#${encodeURIComponent(entryId)}`) });
  },
});

browser.commands.onCommand.addListener((command) => void runCommand(command));
browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
browser.runtime.onInstalled.addListener(() => {
  createMenus();
  void injectIntoOpenTabs().catch((err) => console.warn('[Termlight] could not reach the open tabs', err));
});
browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void forgetTab(tabId);
});
watchSettings((settings) => void repaintAllBadges(settings.showBadge), new AbortController().signal);
