import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GlossaryPack } from '../../src/core/glossary/types';
import type { Settings } from '../../src/core/settings';
import { saveSettings, watchSettings } from '../../src/platform/settings-store';
import { saveUserGlossaries, watchUserGlossaries } from '../../src/platform/user-glossaries';
import { fakeBrowser } from './fake-browser';

vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./fake-browser')).fakeBrowser }));

const { storage } = fakeBrowser;
const turns = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Holds back the first read of `area`, as a busy browser may: it comes back last. */
function slowFirstRead(area: typeof storage.sync): void {
  const get = area.get.bind(area);
  let calls = 0;
  vi.spyOn(area, 'get').mockImplementation(async (keys) => {
    const read = get(keys);
    if (++calls === 1) await turns(40);
    return read;
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('watching stored values', () => {
  it('ends on what storage holds when a switch is flipped twice in quick succession', async () => {
    storage.sync.items = {};
    const heard: boolean[] = [];
    const watching = new AbortController();
    watchSettings((s: Settings) => heard.push(s.enabled), watching.signal);
    slowFirstRead(storage.sync);
    await saveSettings({ enabled: false });
    await turns(0);
    await saveSettings({ enabled: true });
    await turns(80);
    watching.abort();
    expect(storage.sync.items).not.toHaveProperty('enabled');
    expect(heard.at(-1)).toBe(true);
  });

  it('ends on the glossaries storage holds when two saves come close together', async () => {
    storage.local.items = {};
    const pack = (id: string): GlossaryPack => ({ id, name: id, version: '1', language: 'en', entries: [] });
    const heard: string[][] = [];
    const watching = new AbortController();
    watchUserGlossaries((packs) => heard.push(packs.map((p) => p.id)), watching.signal);
    slowFirstRead(storage.local);
    await saveUserGlossaries([pack('first')]);
    await turns(0);
    await saveUserGlossaries([pack('first'), pack('second')]);
    await turns(80);
    watching.abort();
    expect(heard.at(-1)).toEqual(['first', 'second']);
  });
});
