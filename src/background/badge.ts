import { browser } from '../platform/browser';

type FrameCounts = Record<string, number>;
const keyOf = (tabId: number) => `badge:${tabId}`;

/**
 * Each frame reports its own count; the badge shows the sum. Counts live in `storage.session`
 * (memory-only, per browser session) so a service worker that was stopped loses nothing.
 */
export async function recordFrameCount(tabId: number, frameId: number, count: number, show: boolean): Promise<void> {
  const key = keyOf(tabId);
  const counts = ((await browser.storage.session.get(key))[key] ?? {}) as FrameCounts;
  counts[String(frameId)] = count;
  await browser.storage.session.set({ [key]: counts });
  await paintBadge(tabId, counts, show);
}

async function paintBadge(tabId: number, counts: FrameCounts, show: boolean): Promise<void> {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const text = show && total > 0 ? (total > 999 ? '999+' : String(total)) : '';
  await browser.action.setBadgeText({ tabId, text }).catch(() => undefined); // the tab may be gone
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#1b1f3b' }).catch(() => undefined);
}

/** Repaints every tab's badge, e.g. after the badge setting changed. */
export async function repaintAllBadges(show: boolean): Promise<void> {
  const all = await browser.storage.session.get(null);
  for (const [key, counts] of Object.entries(all)) {
    if (key.startsWith('badge:')) await paintBadge(Number(key.slice(6)), counts as FrameCounts, show);
  }
}

/** A tab that starts loading a new document, or closes, starts again from no terms. */
export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}
