import { browser } from './browser';
import type { Settings } from '../core/settings/defaults';
import { mergeStored, storageChangeFor, type StorageChange } from '../core/settings/stored';

async function applyChange(change: StorageChange): Promise<void> {
  if (Object.keys(change.set).length) await browser.storage.sync.set(change.set);
  if (change.remove.length) await browser.storage.sync.remove(change.remove);
}

/**
 * Reads the settings. A broken stored value falls back to its default with a warning; an old
 * stored shape is migrated and written back.
 */
export async function loadSettings(): Promise<Settings> {
  const { settings, warnings, rewrite } = mergeStored(await browser.storage.sync.get(null));
  for (const warning of warnings) console.warn(`[Termlight] ${warning}`);
  if (rewrite) await applyChange(rewrite).catch((err) => console.warn('[Termlight] could not migrate settings', err));
  return settings;
}

/** Stores the settings the user changed: only what differs from the defaults is kept. */
export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  await applyChange(storageChangeFor(patch));
}

/** Writes a whole settings object (import, reset): keys back at their default are removed. */
export async function replaceSettings(settings: Settings): Promise<void> {
  await applyChange(storageChangeFor(settings));
}

/**
 * Calls `listener` with the full settings after every change, from any context or device. Each
 * change starts a read, and reads can end out of order (a quick second click on a switch writes
 * before the first click's read is back): only the latest read is passed on, so the last word is
 * always what storage holds now.
 */
export function watchSettings(listener: (settings: Settings) => void, signal: AbortSignal): void {
  let latest = 0;
  const onChanged = (_changes: unknown, area: string) => {
    if (area !== 'sync' || signal.aborted) return;
    const read = ++latest;
    void loadSettings().then((s) => {
      if (!signal.aborted && read === latest) listener(s);
    });
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
}
