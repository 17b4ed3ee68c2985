import { browser } from './browser';

/** Per frame id, the distinct terms the frame marks (`<pack>--<entry>`). */
export type FrameTerms = Record<string, string[]>;

const PREFIX = 'badge:';

/**
 * Where each tab's frame terms are kept: `storage.session` (memory only, for this browser
 * session), so that a stopped service worker loses nothing and the popup can read them.
 */
export const frameTermsKey = (tabId: number) => `${PREFIX}${tabId}`;

/** The tab a stored key is the record of, or null for a key of something else. */
export function tabOfKey(key: string): number | null {
  if (!key.startsWith(PREFIX)) return null;
  const tabId = Number(key.slice(PREFIX.length));
  return Number.isInteger(tabId) ? tabId : null;
}

export async function loadFrameTerms(tabId: number): Promise<FrameTerms> {
  const key = frameTermsKey(tabId);
  return framesOf((await browser.storage.session.get(key))[key]);
}

/** A tab's record as stored. Frames kept by an earlier version as counts, or otherwise not as lists, are left out. */
export function framesOf(stored: unknown): FrameTerms {
  if (typeof stored !== 'object' || stored === null) return {};
  return Object.fromEntries(Object.entries(stored).filter(([, terms]) => Array.isArray(terms))) as FrameTerms;
}

/** How many distinct terms the frames of a tab mark between them. */
export function distinctTerms(frames: FrameTerms): number {
  return new Set(Object.values(frames).flat()).size;
}

/** The frames of a tab other than its top one that mark terms, in frame id order. */
export async function framesWithTerms(tabId: number): Promise<number[]> {
  const frames = await loadFrameTerms(tabId).catch((): FrameTerms => ({}));
  return Object.entries(frames)
    .filter(([id, terms]) => id !== '0' && terms.length > 0)
    .map(([id]) => Number(id))
    .filter((id) => Number.isInteger(id) && id > 0)
    .sort((a, b) => a - b);
}
