import { browser } from '../platform/browser';
import { sendToTab } from '../platform/messaging';

/** Pages the browser never lets an extension script into, or that need no check. */
const SCRIPTABLE = /^(https?|file|ftp):/;

/**
 * Chromium runs content scripts only in pages loaded after the extension was installed, updated
 * or reloaded: tabs open at that moment would stay without Termlight (or keep the old copy,
 * cut off from the extension) until the reader reloads them. Firefox puts the scripts into open
 * tabs itself. So each open tab is asked first; where no current copy answers, the manifest's
 * script and stylesheet are put in, and the new copy retires any old one it finds.
 */
export async function injectIntoOpenTabs(): Promise<void> {
  const declared = browser.runtime.getManifest().content_scripts?.[0];
  if (!declared?.js?.length || !browser.scripting) return;
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || (tab.url !== undefined && !SCRIPTABLE.test(tab.url))) return;
      const answered = await sendToTab(tab.id, 'ping', {}).then(() => true, () => false);
      if (answered) return;
      const target = { tabId: tab.id, allFrames: true };
      // A page can refuse (the web store, a PDF viewer, a tab closed meanwhile): skip it.
      if (declared.css?.length) await browser.scripting.insertCSS({ target, files: declared.css }).catch(() => undefined);
      await browser.scripting.executeScript({ target, files: declared.js! }).catch(() => undefined);
    }),
  );
}
