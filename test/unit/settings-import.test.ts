import { describe, expect, it } from 'vitest';
import { SETTINGS_VERSION, defaults, exportSettings, parseSettingsImport } from '../../src/core/settings';
import type { Settings } from '../../src/core/settings';
import { formatWarning } from '../../src/core/settings/validate';

const file = (settings: unknown, version = SETTINGS_VERSION) =>
  JSON.stringify({ termlight: 'settings', version, settings });

describe('exportSettings', () => {
  it('writes a readable, tagged file that imports back to the same settings', () => {
    const settings: Settings = {
      ...defaults,
      theme: 'dark',
      siteRules: { mode: 'only', patterns: ['arxiv.org', '*.wikipedia.org'] },
    };
    const text = exportSettings(settings);
    expect(text).toMatch(/^\{\n {2}"termlight": "settings",\n {2}"version": \d+,/);
    expect(parseSettingsImport(text)).toEqual({ ok: true, settings, warnings: [] });
  });
});

describe('parseSettingsImport', () => {
  it('takes a partial file, filling the rest from defaults', () => {
    const result = parseSettingsImport(file({ highlightColor: 'green' }));
    expect(result).toEqual({ ok: true, settings: { ...defaults, highlightColor: 'green' }, warnings: [] });
  });

  it('accepts a byte-order mark left by an editor', () => {
    expect(parseSettingsImport(`\uFEFF${file({})}`).ok).toBe(true);
  });

  it('names the line and column of a syntax error', () => {
    const text = '{\n  "termlight": "settings",\n  "version": 1,\n  "settings": { "theme": "dark", }\n}';
    const result = parseSettingsImport(text);
    expect(result).toEqual({
      ok: false,
      reasons: [{ code: 'settingsFileSyntax', params: [4, 32, { code: 'jsonTrailingComma', params: [] }] }],
      error: 'This file is not valid JSON: line 4, column 32: trailing comma: remove the "," before the closing bracket.',
    });
  });

  it('refuses empty files and files of another kind', () => {
    const empty = { code: 'settingsFileEmpty', params: [] };
    expect(parseSettingsImport('  \n')).toEqual({ ok: false, reasons: [empty], error: 'The file is empty.' });
    const glossary = parseSettingsImport(JSON.stringify({ id: 'ai-core', entries: [] }));
    expect(glossary).toMatchObject({ ok: false, reasons: [{ code: 'settingsFileOtherKind', params: [] }] });
    expect(glossary).toMatchObject({ error: expect.stringContaining('not a Termlight settings file') });
    expect(parseSettingsImport('[1, 2]').ok).toBe(false);
  });

  it('refuses a wrong-typed setting, naming it, instead of falling back', () => {
    const result = parseSettingsImport(file({ theme: 'dark', hoverDelayMs: 'slow' }));
    expect(result).toMatchObject({
      ok: false,
      reasons: [
        {
          code: 'settingWrong',
          params: ['hoverDelayMs', { code: 'settingNotInRange', params: [0, 2000, '"slow"'] }],
        },
      ],
      error: 'Setting "hoverDelayMs" should be a number from 0 to 2000, not "slow"',
    });
  });

  it('names a bad item inside a list', () => {
    const siteRules = { mode: 'only', patterns: ['arxiv.org', 'ftp://x.org'] };
    const result = parseSettingsImport(file({ siteRules }));
    expect(result).toMatchObject({
      ok: false,
      error:
        'Setting "siteRules.patterns[1]" should be a site such as example.com, not "ftp://x.org" ' +
        '(Termlight runs only on http and https pages, not on ftp: ones)',
    });
  });

  it('lists several errors at once', () => {
    const wrong = { enabled: 1, theme: 2, trigger: 3, occurrences: 4, skipCode: 5 };
    const result = parseSettingsImport(file(wrong));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reasons.map((reason) => reason.params[0])).toEqual(Object.keys(wrong));
      expect(result.error.split('\n')).toHaveLength(5);
    }
  });

  it('accepts small fixes with warnings', () => {
    const result = parseSettingsImport(file({ hideDelayMs: 99999, futureSetting: true }));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.settings.hideDelayMs).toBe(2000);
      expect(result.warnings.map(formatWarning)).toEqual([
        'Setting "hideDelayMs" was 99999, more than 2000: used 2000',
        'Setting "futureSetting" is not a Termlight setting: ignored it',
      ]);
    }
  });

  it('checks the version, migrating old files and refusing newer ones', () => {
    expect(parseSettingsImport(file({ highlight: 'background', delay: 700 }, 0))).toEqual({
      ok: true,
      settings: { ...defaults, highlightStyle: 'tint', hoverDelayMs: 700 },
      warnings: [],
    });
    const newer = parseSettingsImport(file({}, SETTINGS_VERSION + 1));
    expect(newer).toMatchObject({
      reasons: [{ code: 'settingsFileNewer', params: [SETTINGS_VERSION + 1, SETTINGS_VERSION] }],
      error: expect.stringContaining('newer Termlight'),
    });
    expect(parseSettingsImport(JSON.stringify({ termlight: 'settings', settings: {} })).ok).toBe(false);
    expect(parseSettingsImport(file([])).ok).toBe(false);
  });
});
