import { browser } from './browser';
import type { Settings } from '../core/settings/defaults';
import { SETTINGS_VERSION, VERSION_KEY } from '../core/settings/migrations';
import { mergeStored, storageChangeFor, type StorageChange } from '../core/settings/stored';

async function applyChange(change: StorageChange): Promise<void> {
  if (Object.keys(change.set).length) await browser.storage.sync.set(change.set);
  if (change.remove.length) await browser.storage.sync.remove(change.remove);
}

/**
 * A user's change, written without lowering the settings version: a newer release on another
 * device may have written them, and would otherwise migrate its own shape again.
 */
async function applyUserChange(change: StorageChange): Promise<void> {
  const stored = (await browser.storage.sync.get(VERSION_KEY))[VERSION_KEY];
  if (Number.isInteger(stored) && (stored as number) > SETTINGS_VERSION) delete change.set[VERSION_KEY];
  await applyChange(change);
}

/**
 * Reads the settings. A broken stored value falls back to its default with a warning; an old
 * stored shape is migrated and written back. Storage that cannot be read (sync turned off by
 * policy, say) gives the defaults, with a warning: Termlight still works.
 */
export async function loadSettings(): Promise<Settings> {
  let stored: unknown;
  try {
    stored = await browser.storage.sync.get(null);
  } catch (err) {
    console.warn('[Termlight] could not read the settings; using the defaults', err);
    return mergeStored({}).settings;
  }
  const { settings, warnings, rewrite } = mergeStored(stored);
  for (const warning of warnings) console.warn(`[Termlight] ${warning}`);
  if (rewrite) await applyChange(rewrite).catch((err) => console.warn('[Termlight] could not migrate settings', err));
  return settings;
}

/** Stores the settings the user changed: only what differs from the defaults is kept. */
export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  await applyUserChange(storageChangeFor(patch));
}

/** Writes a whole settings object (import, reset): keys back at their default are removed. */
export async function replaceSettings(settings: Settings): Promise<void> {
  await applyUserChange(storageChangeFor(settings));
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
