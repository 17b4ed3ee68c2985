/**
 * Settings schema versions. Stored settings carry the version that wrote them under
 * `VERSION_KEY`; older shapes are brought up to date by running, in order, every migration
 * newer than that version. A migration only renames or reshapes keys: checking values is
 * `validate.ts`'s job, so a migration can pass odd values through untouched.
 */

import { isPlainObject } from './checks';

export const SETTINGS_VERSION = 1;

/** Kept beside the settings keys in storage; no setting may take this name. */
export const VERSION_KEY = 'settingsVersion';

type Values = Record<string, unknown>;

interface Migration {
  /** The version this migration produces. */
  to: number;
  run(values: Values): Values;
}

/**
 * Version 0 is the pre-release shape, which had no version key:
 * `{ highlight: 'underline' | 'background' | 'off', delay: number, disabledSites: string[] }`.
 */
const toVersion1: Migration = {
  to: 1,
  run({ highlight, delay, disabledSites, ...rest }) {
    const styles: Partial<Record<string, string>> = { underline: 'dotted', background: 'tint', off: 'none' };
    const next: Values = { ...rest };
    const known = typeof highlight === 'string' && Object.hasOwn(styles, highlight);
    const style = known ? styles[highlight] : undefined;
    if (style !== undefined && !Object.hasOwn(rest, 'highlightStyle')) next.highlightStyle = style;
    if (delay !== undefined && !Object.hasOwn(rest, 'hoverDelayMs')) next.hoverDelayMs = delay;
    if (disabledSites !== undefined && !Object.hasOwn(rest, 'siteRules')) {
      next.siteRules = { mode: 'all-except', patterns: disabledSites };
    }
    return next;
  },
};

const MIGRATIONS: readonly Migration[] = [toVersion1];

export interface Migrated {
  /** The settings in the current shape, not yet validated, without the version key. */
  values: Values;
  /** The version found in storage. */
  from: number;
  /** Whether any migration ran, in which case the store should write the result back. */
  migrated: boolean;
  /** Keys the migrations retired: the store deletes them. */
  removedKeys: string[];
  warnings: string[];
}

export function migrate(stored: unknown): Migrated {
  if (!isPlainObject(stored)) {
    return { values: {}, from: SETTINGS_VERSION, migrated: false, removedKeys: [], warnings: [] };
  }
  const { [VERSION_KEY]: version, ...values } = stored;
  const warnings: string[] = [];
  let from: number;
  if (version === undefined) {
    // Nothing stored is a fresh install; settings without a version predate versioning.
    from = Object.keys(values).length === 0 ? SETTINGS_VERSION : 0;
  } else if (Number.isInteger(version) && (version as number) >= 0) {
    from = version as number;
  } else {
    const found = JSON.stringify(version);
    warnings.push(`Stored settings version was ${found}: read them as version ${SETTINGS_VERSION}`);
    from = SETTINGS_VERSION;
  }
  const result = migrateValues(values, from);
  const removedKeys = Object.keys(values).filter((key) => !Object.hasOwn(result.values, key));
  return { ...result, from, removedKeys, warnings };
}

/**
 * Runs the migrations newer than `from`. Values written by a newer version are left as they
 * are: validation keeps what this version understands and ignores the rest.
 */
export function migrateValues(values: Values, from: number): { values: Values; migrated: boolean } {
  const pending = MIGRATIONS.filter((migration) => migration.to > from);
  const migrated = pending.reduce((current, migration) => migration.run(current), values);
  return { values: migrated, migrated: pending.length > 0 };
}
