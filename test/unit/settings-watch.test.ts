import { describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../src/core/settings';
import { saveSettings, watchSettings } from '../../src/platform/settings-store';
import { fakeBrowser } from './fake-browser';

vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./fake-browser')).fakeBrowser }));

const { storage } = fakeBrowser;
const turns = (n: number) => new Promise((ok) => setTimeout(ok, n));

describe('watching the settings', () => {
  it('ends on what storage holds when a switch is flipped twice in quick succession', async () => {
    storage.sync.items = {};
    const heard: boolean[] = [];
    const stop = new AbortController();
    watchSettings((s: Settings) => heard.push(s.enabled), stop.signal);
    // The read the first change starts comes back last, as a busy browser may have it.
    const get = storage.sync.get.bind(storage.sync);
    let calls = 0;
    vi.spyOn(storage.sync, 'get').mockImplementation(async (keys) => {
      const read = get(keys);
      if (++calls === 1) await turns(40);
      return read;
    });
    await saveSettings({ enabled: false });
    await turns(0);
    await saveSettings({ enabled: true });
    await turns(80);
    stop.abort();
    expect(storage.sync.items).not.toHaveProperty('enabled');
    expect(heard.at(-1)).toBe(true);
    vi.restoreAllMocks();
  });
});
