import { browser } from '../platform/browser';
import { distinctTerms, frameTermsKey, framesOf, loadFrameTerms, tabOfKey, type FrameTerms } from '../platform/frame-terms';
import { loadSettings } from '../platform/settings-store';

/** The last change of each tab's terms under way: the next one waits for it. */
const queues = new Map<number, Promise<void>>();

/**
 * Runs the changes of one tab's terms one at a time: two frames reporting at once would each
 * read the terms before the other wrote them, and one report would be lost.
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
 * Each frame reports the distinct terms it marks; the badge shows how many distinct terms the
 * frames mark between them, which is what the popup lists. A frame that reports none (it went
 * away, or was turned off) is dropped from the tab's record.
 */
export function recordFrameTerms(tabId: number, frameId: number, terms: readonly string[]): Promise<void> {
  // In the tab's turn from the start: a frame's reports are recorded in the order they came.
  return inTurn(tabId, async () => {
    const [{ showBadge: show }, frames] = await Promise.all([loadSettings(), loadFrameTerms(tabId)]);
    if (terms.length > 0) frames[String(frameId)] = [...terms];
    else delete frames[String(frameId)];
    await browser.storage.session.set({ [frameTermsKey(tabId)]: frames });
    await paintBadge(tabId, frames, show);
  });
}

async function paintBadge(tabId: number, frames: FrameTerms, show: boolean): Promise<void> {
  const total = distinctTerms(frames);
  const text = show && total > 0 ? (total > 999 ? '999+' : String(total)) : '';
  await browser.action.setBadgeText({ tabId, text }).catch(() => undefined); // the tab may be gone
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#1b1f3b' }).catch(() => undefined);
}

/** Repaints every tab's badge, e.g. after the badge setting changed. */
export async function repaintAllBadges(show: boolean): Promise<void> {
  const all = await browser.storage.session.get(null);
  for (const [key, stored] of Object.entries(all)) {
    const tabId = tabOfKey(key);
    if (tabId !== null) await paintBadge(tabId, framesOf(stored), show);
  }
}

/** A tab that starts loading a new document, or closes, starts again from no terms. */
export function forgetTab(tabId: number): Promise<void> {
  return inTurn(tabId, () => browser.storage.session.remove(frameTermsKey(tabId)));
}
