import { browser } from '../platform/browser';
import { sendToTab } from '../platform/messaging';
import { loadSettings, saveSettings } from '../platform/settings-store';

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Keyboard commands from the manifest's `commands`. */
export async function runCommand(command: string): Promise<void> {
  if (command === 'toggle-highlighting') {
    const { enabled } = await loadSettings();
    await saveSettings({ enabled: !enabled });
    return;
  }
  if (command === 'next-term' || command === 'previous-term') {
    const tabId = await activeTabId();
    if (tabId === undefined) return;
    const direction = command === 'next-term' ? 'next' : 'previous';
    // No content script on this page (a browser page, a store): nothing to move through.
    await sendToTab(tabId, 'navigate-term', { direction }).catch(() => undefined);
  }
}
