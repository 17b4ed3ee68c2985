import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { manifestFor } from '../../src/core/manifest';

const base = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));

describe('manifestFor', () => {
  it('gives Chromium a service worker and no Firefox-only keys', () => {
    const m = manifestFor(base, 'chrome');
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m).not.toHaveProperty('browser_specific_settings');
    expect(m.minimum_chrome_version).toBe(base.minimum_chrome_version);
  });

  it('gives Firefox an event page and its gecko settings', () => {
    const m = manifestFor(base, 'firefox');
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m).not.toHaveProperty('minimum_chrome_version');
    const gecko = (m.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.id).toMatch(/@/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('leaves the shared parts identical and does not touch its input', () => {
    const before = JSON.stringify(base);
    const c = manifestFor(base, 'chrome');
    const f = manifestFor(base, 'firefox');
    for (const key of ['permissions', 'content_scripts', 'action', 'commands', 'icons', 'manifest_version']) {
      expect(c[key]).toEqual(base[key]);
      expect(f[key]).toEqual(base[key]);
    }
    expect(JSON.stringify(base)).toBe(before);
  });

  it('can stamp a version', () => {
    expect(manifestFor(base, 'firefox', '9.9.9').version).toBe('9.9.9');
  });
});
