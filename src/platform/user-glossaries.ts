import { browser } from './browser';
import { usableStoredPacks } from '../core/glossary/stored-pack';
import type { GlossaryPack } from '../core/glossary/types';

/**
 * Glossaries the user imported, kept in `storage.local` under one key as a list of packs (the
 * parsed JSON, checked by `validatePack` when imported). Local, not sync: a pack can be far
 * larger than sync's 8 KB per item. Whether each one is on is a setting (`disabledGlossaries`).
 */
export const USER_GLOSSARIES_KEY = 'userGlossaries';

/**
 * Changed on every save, so that a glossary compiled from one list of packs is never taken for
 * another (see `compiled-glossary.ts`).
 */
export const USER_GLOSSARIES_REVISION_KEY = 'userGlossariesRevision';

export interface UserGlossaries {
  packs: GlossaryPack[];
  /** '' when the list was never saved by this version. */
  revision: string;
}

/** The packs and their revision, read together. */
export async function loadUserGlossaryState(): Promise<UserGlossaries> {
  let items: Record<string, unknown>;
  try {
    items = await browser.storage.local.get([USER_GLOSSARIES_KEY, USER_GLOSSARIES_REVISION_KEY]);
  } catch (err) {
    // The bundled glossaries still work without them.
    console.warn('[Termlight] could not read the user glossaries', err);
    return { packs: [], revision: '' };
  }
  const revision = items[USER_GLOSSARIES_REVISION_KEY];
  return { packs: packsFrom(items[USER_GLOSSARIES_KEY]), revision: typeof revision === 'string' ? revision : '' };
}

export async function loadUserGlossaries(): Promise<GlossaryPack[]> {
  return (await loadUserGlossaryState()).packs;
}

function packsFrom(stored: unknown): GlossaryPack[] {
  const { packs, dropped } = usableStoredPacks(stored);
  if (dropped.length) console.warn(`[Termlight] left out damaged parts of the stored user glossaries: ${dropped.join('; ')}`);
  return packs;
}

export async function saveUserGlossaries(packs: readonly GlossaryPack[]): Promise<void> {
  await browser.storage.local.set({ [USER_GLOSSARIES_KEY]: packs, [USER_GLOSSARIES_REVISION_KEY]: crypto.randomUUID() });
}

/** Calls `listener` with the full list and its revision after every change, from any context. */
export function watchUserGlossaries(listener: (packs: GlossaryPack[], revision: string) => void, signal: AbortSignal): void {
  // Reads can end out of order: only the latest is passed on (as for the settings).
  let latest = 0;
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    // Every save renews the revision; Chromium leaves out the list itself when it is unchanged.
    const changed = Object.hasOwn(changes, USER_GLOSSARIES_KEY) || Object.hasOwn(changes, USER_GLOSSARIES_REVISION_KEY);
    if (area !== 'local' || !changed || signal.aborted) return;
    const read = ++latest;
    void loadUserGlossaryState().then(({ packs, revision }) => {
      if (!signal.aborted && read === latest) listener(packs, revision);
    });
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
}
