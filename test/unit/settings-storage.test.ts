import { describe, expect, it } from 'vitest';
import {
  SETTINGS_VERSION,
  VERSION_KEY,
  defaults,
  diffFromDefaults,
  mergeStored,
  migrate,
  storageChangeFor,
} from '../../src/core/settings';
import type { Settings } from '../../src/core/settings';

describe('migrate', () => {
  it('brings the pre-release (version 0) shape up to date', () => {
    const result = migrate({ highlight: 'underline', delay: 500, disabledSites: ['example.com'] });
    expect(result.from).toBe(0);
    expect(result.migrated).toBe(true);
    expect(result.values).toEqual({
      highlightStyle: 'dotted',
      hoverDelayMs: 500,
      siteRules: { mode: 'all-except', patterns: ['example.com'] },
    });
    expect(result.removedKeys.sort()).toEqual(['delay', 'disabledSites', 'highlight']);
  });

  it('maps every old highlight name and drops unknown ones', () => {
    expect(migrate({ highlight: 'background' }).values).toEqual({ highlightStyle: 'tint' });
    expect(migrate({ highlight: 'off' }).values).toEqual({ highlightStyle: 'none' });
    expect(migrate({ highlight: 'constructor' }).values).toEqual({});
  });

  it('does not let an old key overwrite a newer one stored beside it', () => {
    expect(migrate({ delay: 500, hoverDelayMs: 800 }).values).toEqual({ hoverDelayMs: 800 });
  });

  it('leaves current and fresh storage alone', () => {
    expect(migrate({}).migrated).toBe(false);
    expect(migrate(undefined).migrated).toBe(false);
    const current = migrate({ [VERSION_KEY]: SETTINGS_VERSION, theme: 'dark' });
    expect(current).toMatchObject({ migrated: false, values: { theme: 'dark' }, removedKeys: [] });
  });

  it('leaves settings from a newer version for validation to sort out', () => {
    const newer = migrate({ [VERSION_KEY]: SETTINGS_VERSION + 1, theme: 'dark', futureThing: 1 });
    expect(newer.migrated).toBe(false);
    expect(newer.values).toEqual({ theme: 'dark', futureThing: 1 });
  });
});

describe('mergeStored', () => {
  it('turns old storage into valid settings and the change that rewrites it', () => {
    const { settings, rewrite } = mergeStored({ highlight: 'background', delay: 9000 });
    expect(settings.highlightStyle).toBe('tint');
    expect(settings.hoverDelayMs).toBe(2000);
    expect(rewrite).toEqual({
      set: { highlightStyle: 'tint', hoverDelayMs: 2000, [VERSION_KEY]: SETTINGS_VERSION },
      remove: ['highlight', 'delay'],
    });
  });

  it('asks for no rewrite when storage is current', () => {
    const stored = { [VERSION_KEY]: SETTINGS_VERSION, trigger: 'click' };
    const settings = { ...defaults, trigger: 'click' };
    expect(mergeStored(stored)).toEqual({ settings, warnings: [], rewrite: null });
  });

  it('falls back with warnings rather than failing', () => {
    const { settings, warnings } = mergeStored({ [VERSION_KEY]: 'one', occurrences: 'some' });
    expect(settings).toEqual(defaults);
    expect(warnings).toHaveLength(2);
  });
});

describe('diffFromDefaults', () => {
  it('is empty for the defaults, so a new install stores nothing', () => {
    expect(diffFromDefaults(defaults)).toEqual({});
    expect(diffFromDefaults(structuredClone(defaults) as Settings)).toEqual({});
  });

  it('holds exactly the changed settings, nested ones whole', () => {
    const settings: Settings = { ...defaults, theme: 'dark', contextGate: { enabled: true, threshold: 4 } };
    const diff = { theme: 'dark', contextGate: { enabled: true, threshold: 4 } };
    expect(diffFromDefaults(settings)).toEqual(diff);
  });
});

describe('storageChangeFor', () => {
  it('stores changed values and removes ones set back to their default', () => {
    const siteRules = { mode: 'all-except', patterns: [] } as const;
    const patch = { theme: 'dark', hoverDelayMs: 300, siteRules } as const;
    expect(storageChangeFor(patch)).toEqual({
      set: { theme: 'dark', [VERSION_KEY]: SETTINGS_VERSION },
      remove: ['hoverDelayMs', 'siteRules'],
    });
  });

  it('touches no setting outside the patch', () => {
    const change = storageChangeFor({ showBadge: false });
    expect(Object.keys(change.set).sort()).toEqual(['showBadge', VERSION_KEY].sort());
    expect(change.remove).toEqual([]);
  });
});
