/**
 * How settings live in `storage.sync`: one key per setting, holding only what the user changed,
 * plus the schema version. Storing only changes means a new install, or a default we change
 * later, never overwrites a choice synced from another device; one key per setting lets two
 * devices change different settings without one undoing the other.
 */

import { isPlainObject } from './checks';
import { defaults } from './defaults';
import type { SettingKey, Settings } from './defaults';
import { SETTINGS_VERSION, VERSION_KEY, migrate } from './migrations';
import { validateSettings } from './validate';

/** What to write to and remove from storage. */
export interface StorageChange {
  set: Record<string, unknown>;
  remove: string[];
}

export interface StoredSettings {
  settings: Settings;
  warnings: string[];
  /** When the stored shape was old: the change that brings storage up to date. */
  rewrite: StorageChange | null;
}

/** Reads whatever storage holds (everything under the sync area) into complete settings. */
export function mergeStored(stored: unknown): StoredSettings {
  const migration = migrate(stored);
  const { settings, warnings } = validateSettings(migration.values);
  const set = { ...diffFromDefaults(settings), [VERSION_KEY]: SETTINGS_VERSION };
  const rewrite = migration.migrated ? { set, remove: migration.removedKeys } : null;
  return { settings, warnings: [...migration.warnings, ...warnings], rewrite };
}

/** The settings that differ from their defaults. */
export function diffFromDefaults(settings: Settings): Partial<Settings> {
  const diff: Record<string, unknown> = {};
  for (const key of Object.keys(defaults) as SettingKey[]) {
    if (!sameValue(settings[key], defaults[key])) diff[key] = settings[key];
  }
  return diff as Partial<Settings>;
}

/**
 * The storage change for settings the user just changed. A setting put back to its default is
 * removed rather than stored, so a later change of default reaches it. Only the keys in `patch`
 * are touched: removing every key at its default could wipe a choice synced a moment ago.
 */
export function storageChangeFor(patch: Partial<Settings>): StorageChange {
  const change: StorageChange = { set: { [VERSION_KEY]: SETTINGS_VERSION }, remove: [] };
  for (const key of Object.keys(patch) as SettingKey[]) {
    if (!Object.hasOwn(defaults, key)) continue;
    if (sameValue(patch[key], defaults[key])) change.remove.push(key);
    else change.set[key] = patch[key];
  }
  return change;
}

/** Structural equality for JSON-like values; list order counts. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameValue(a[key], b[key]));
}
