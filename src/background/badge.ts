import { browser } from '../platform/browser';

type FrameCounts = Record<string, number>;
const keyOf = (tabId: number) => `badge:${tabId}`;

/** The last change of each tab's counts under way: the next one waits for it. */
const queues = new Map<number, Promise<void>>();

/**
 * Runs the changes of one tab's counts one at a time: two frames reporting at once would each
 * read the counts before the other wrote them, and one report would be lost.
 */
function inTurn(tabId: number, change: () => Promise<void>): Promise<void> {
  const done = (queues.get(tabId) ?? Promise.resolve()).then(change);
  const settled = done.catch(() => undefined);
  queues.set(tabId, settled);
  void settled.then(() => {
    if (queues.get(tabId) === settled) queues.delete(tabId);
  });
  return done;
}

/**
 * Each frame reports its own count; the badge shows the sum. Counts live in `storage.session`
 * (memory-only, per browser session) so a service worker that was stopped loses nothing. A frame
 * that reports none (it went away, or was turned off) is dropped from the tab's counts.
 */
export function recordFrameCount(tabId: number, frameId: number, count: number, show: boolean): Promise<void> {
  return inTurn(tabId, async () => {
    const key = keyOf(tabId);
    const counts = ((await browser.storage.session.get(key))[key] ?? {}) as FrameCounts;
    if (count > 0) counts[String(frameId)] = count;
    else delete counts[String(frameId)];
    await browser.storage.session.set({ [key]: counts });
    await paintBadge(tabId, counts, show);
  });
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
export function forgetTab(tabId: number): Promise<void> {
  return inTurn(tabId, () => browser.storage.session.remove(keyOf(tabId)));
}
