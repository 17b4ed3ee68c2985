import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaults, SETTINGS_VERSION, VERSION_KEY } from '../../src/core/settings';
import { loadSettings, replaceSettings, saveSettings, watchSettings } from '../../src/platform/settings-store';
import { loadUserGlossaryState } from '../../src/platform/user-glossaries';
import { loadCompiledGlossary } from '../../src/platform/compiled-glossary';
import { fakeBrowser } from './fake-browser';

vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./fake-browser')).fakeBrowser }));

const { storage } = fakeBrowser;

afterEach(async () => {
  vi.restoreAllMocks();
  // Storage tells of a change a moment after it is written: a test's changes are told before
  // the next test listens.
  await new Promise((ok) => setTimeout(ok, 0));
});

describe('storage that cannot be read', () => {
  it('gives the default settings with a warning, so pages still get Termlight', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(storage.sync, 'get').mockRejectedValue(new Error('sync storage is turned off'));
    await expect(loadSettings()).resolves.toEqual(defaults);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/could not read the settings; using the defaults/);
  });

  it('leaves no unhandled failure behind while following changes', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const heard: unknown[] = [];
    const watching = new AbortController();
    watchSettings((s) => heard.push(s.enabled), watching.signal);
    vi.spyOn(storage.sync, 'get').mockRejectedValue(new Error('gone'));
    storage.onChanged.fire({ enabled: { newValue: false } }, 'sync');
    await vi.waitFor(() => expect(heard).toEqual([defaults.enabled]));
    watching.abort();
    warn.mockRestore();
  });

  it('costs the bundled glossary nothing when the local area fails', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(storage.local, 'get').mockRejectedValue(new Error('database damaged'));
    await expect(loadUserGlossaryState()).resolves.toEqual({ packs: [], revision: '' });
    await expect(loadCompiledGlossary()).resolves.toBeNull();
  });
});

describe('the settings version', () => {
  it('is never lowered by a change made here over settings a newer release wrote', async () => {
    storage.sync.items = { [VERSION_KEY]: SETTINGS_VERSION + 1, theme: 'dark', laterSetting: { shape: 'new' } };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await saveSettings({ enabled: false });
    expect(storage.sync.items).toMatchObject({ [VERSION_KEY]: SETTINGS_VERSION + 1, enabled: false, laterSetting: { shape: 'new' } });
    await replaceSettings({ ...defaults, hoverDelayMs: 900 });
    expect(storage.sync.items[VERSION_KEY]).toBe(SETTINGS_VERSION + 1);
  });

  it('is written with a change made over this release’s settings, or none', async () => {
    storage.sync.items = {};
    await saveSettings({ enabled: false });
    expect(storage.sync.items).toEqual({ [VERSION_KEY]: SETTINGS_VERSION, enabled: false });
  });
});
