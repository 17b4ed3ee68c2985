import { browser, type Menus, type Tabs } from '../platform/browser';
import { t } from '../platform/i18n';
import { sendToTab } from '../platform/messaging';

export const LOOKUP_MENU_ID = 'termlight-lookup';

/** Menus persist across service-worker restarts; they are (re)created on install and update. */
export function createMenus(): void {
  browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({ id: LOOKUP_MENU_ID, title: t('menuLookup'), contexts: ['selection'] });
  }).catch((err) => console.warn('[Termlight] could not create the context menu', err));
}

export async function onMenuClicked(info: Menus.OnClickData, tab?: Tabs.Tab): Promise<void> {
  if (info.menuItemId !== LOOKUP_MENU_ID || tab?.id === undefined || !info.selectionText) return;
  await sendToTab(tab.id, 'lookup-selection', { text: info.selectionText }, info.frameId ?? 0)
    .catch(() => undefined);
}
