// The background only routes: every listener is registered synchronously at the top level (a
// stopped service worker is woken by the event), and it keeps no state it cannot rebuild.
import { qualifiedAnchor } from '../core/glossary/anchor';
import { browser } from '../platform/browser';
import { refreshCompiledGlossary } from '../platform/compiled-glossary';
import { handleMessages } from '../platform/messaging';
import { watchSettings } from '../platform/settings-store';
import { USER_GLOSSARIES_KEY, USER_GLOSSARIES_REVISION_KEY } from '../platform/user-glossaries';
import { forgetTab, recordFrameTerms, repaintAllBadges } from './badge';
import { runCommand } from './commands';
import { createMenus, onMenuClicked } from './context-menu';
import { injectIntoOpenTabs } from './inject-open-tabs';

handleMessages<'background'>({
  'page-terms-changed': async ({ terms }, sender) => {
    if (sender.tab?.id === undefined) return;
    await recordFrameTerms(sender.tab.id, sender.frameId ?? 0, terms);
  },
  'top-page-url': (_params, sender) => sender.tab?.url || null,
  'open-glossary': async ({ entryId, packId }) => {
    const at = entryId ? `#${encodeURIComponent(qualifiedAnchor(packId, entryId))}` : '';
    await browser.tabs.create({ url: browser.runtime.getURL(`glossary.html${at}`) });
  },
});

browser.commands.onCommand.addListener((command) => void runCommand(command));
browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
browser.runtime.onInstalled.addListener(() => {
  void refreshCompiledGlossary(true);
  createMenus();
  void injectIntoOpenTabs().catch((err) => console.warn('[Termlight] could not reach the open tabs', err));
});
browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void forgetTab(tabId);
});
browser.runtime.onStartup.addListener(() => void refreshCompiledGlossary());
// Pages compile the glossaries themselves until the new ones are stored.
browser.storage.onChanged.addListener((changes, area) => {
  // The revision too: Chromium leaves out a key written with the value it held.
  const userChanged = USER_GLOSSARIES_KEY in changes || USER_GLOSSARIES_REVISION_KEY in changes;
  const glossariesChanged = (area === 'local' && userChanged) || (area === 'sync' && 'disabledGlossaries' in changes);
  if (glossariesChanged) void refreshCompiledGlossary();
});
watchSettings((settings) => void repaintAllBadges(settings.showBadge), new AbortController().signal);
