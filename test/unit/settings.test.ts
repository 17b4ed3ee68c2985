import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_PALETTE, defaults, validateSettings } from '../../src/core/settings';

describe('defaults', () => {
  it('turn Termlight on everywhere with every glossary', () => {
    expect(defaults.enabled).toBe(true);
    expect(defaults.siteRules).toEqual({ mode: 'all-except', patterns: [] });
    expect(defaults.disabledGlossaries).toEqual([]);
  });

  it('cannot be changed by accident', () => {
    expect(() => {
      (defaults.siteRules.patterns as string[]).push('example.com');
    }).toThrow(TypeError);
    expect(defaults.siteRules.patterns).toEqual([]);
  });
});

describe('highlight palette', () => {
  // WCAG 2.x relative luminance and contrast ratio.
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };

  it.each(Object.entries(HIGHLIGHT_PALETTE))('%s stands out on white and near-black pages', (_, shades) => {
    expect(contrast(shades.light, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(shades.dark, '#121212')).toBeGreaterThanOrEqual(3);
  });
});

describe('validateSettings', () => {
  it('keeps a site the popup switched off, whatever its name looks like', () => {
    const siteRules = { mode: 'all-except', patterns: ['foo-.tumblr.com', '-foo.blogspot.com'] };
    expect(validateSettings({ siteRules })).toEqual({ settings: { ...defaults, siteRules }, warnings: [] });
  });

  it('gives the defaults, silently, when nothing is stored', () => {
    expect(validateSettings(undefined)).toEqual({ settings: defaults, warnings: [] });
    expect(validateSettings({})).toEqual({ settings: defaults, warnings: [] });
  });

  it('keeps good stored values and fills the rest from defaults', () => {
    const { settings, warnings } = validateSettings({
      highlightStyle: 'tint',
      highlightColor: 'rose',
      siteRules: { mode: 'only', patterns: ['arxiv.org'] },
      contextGate: { threshold: 5 },
    });
    expect(warnings).toEqual([]);
    expect(settings).toEqual({
      ...defaults,
      highlightStyle: 'tint',
      highlightColor: 'rose',
      siteRules: { mode: 'only', patterns: ['arxiv.org'] },
      contextGate: { enabled: true, threshold: 5 },
    });
  });

  it('replaces a bad value by its default and says which setting', () => {
    const stored = { highlightStyle: 'wavy', showBadge: 'yes', theme: 'dark' };
    const { settings, warnings } = validateSettings(stored);
    expect(settings.highlightStyle).toBe('dotted');
    expect(settings.showBadge).toBe(true);
    expect(settings.theme).toBe('dark');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toBe(
      'Setting "highlightStyle" should be one of "dotted", "solid", "tint", "none", not "wavy": ' +
        'used the default "dotted"',
    );
    expect(warnings[1]).toContain('"showBadge"');
  });

  it('clamps delays and the context threshold into range, with a warning', () => {
    const { settings, warnings } = validateSettings({
      hoverDelayMs: 5000,
      hideDelayMs: -20,
      contextGate: { enabled: false, threshold: 0 },
    });
    expect(settings.hoverDelayMs).toBe(2000);
    expect(settings.hideDelayMs).toBe(0);
    expect(settings.contextGate).toEqual({ enabled: false, threshold: 1 });
    expect(warnings).toEqual([
      'Setting "hoverDelayMs" was 5000, more than 2000: used 2000',
      'Setting "hideDelayMs" was -20, less than 0: used 0',
      'Setting "contextGate.threshold" was 0, less than 1: used 1',
    ]);
  });

  it('refuses numbers that are not numbers', () => {
    for (const bad of ['500', NaN, Infinity, null]) {
      const { settings, warnings } = validateSettings({ hoverDelayMs: bad });
      expect(settings.hoverDelayMs).toBe(300);
      expect(warnings).toHaveLength(1);
    }
  });

  it('repairs site patterns one by one rather than dropping the whole list', () => {
    const patterns = ['News.Example.com', 42, 'https://arxiv.org/abs/1', 'arxiv.org', 'a b'];
    const { settings, warnings } = validateSettings({ siteRules: { mode: 'everywhere', patterns } });
    expect(settings.siteRules).toEqual({ mode: 'all-except', patterns: ['news.example.com', 'arxiv.org'] });
    expect(warnings.some((w) => w.includes('"siteRules.mode"'))).toBe(true);
    expect(warnings.some((w) => w.includes('"siteRules.patterns[1]"'))).toBe(true);
    expect(warnings.some((w) => w.includes('"siteRules.patterns[4]"'))).toBe(true);
  });

  it('keeps glossary ids it does not know (a user glossary may load later) but not malformed ones', () => {
    const { settings } = validateSettings({ disabledGlossaries: ['my-notes', 'Not An Id', 7, 'my-notes'] });
    expect(settings.disabledGlossaries).toEqual(['my-notes']);
  });

  it('ignores unknown keys with a warning, and non-objects entirely', () => {
    expect(validateSettings({ fontSize: 14 }).warnings).toEqual([expect.stringContaining('"fontSize"')]);
    const fromList = validateSettings(['enabled']);
    expect(fromList.settings).toEqual(defaults);
    expect(fromList.warnings).toHaveLength(1);
  });

  it('is not fooled by keys that exist on every object', () => {
    const stored: unknown = JSON.parse('{"constructor": 1, "__proto__": {"enabled": false}}');
    const { settings, warnings } = validateSettings(stored);
    expect(settings).toEqual(defaults);
    expect(warnings).toHaveLength(2);
  });
});
