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
    expect(parseSettingsImport(text, defaults)).toEqual({ ok: true, settings, warnings: [], kept: [] });
  });
});

describe('parseSettingsImport', () => {
  it('takes a partial file, filling the rest from the current settings', () => {
    const result = parseSettingsImport(file({ highlightColor: 'green' }), defaults);
    expect(result).toMatchObject({ ok: true, settings: { ...defaults, highlightColor: 'green' }, warnings: [] });
  });

  it('accepts a byte-order mark left by an editor', () => {
    expect(parseSettingsImport(`\uFEFF${file({})}`, defaults).ok).toBe(true);
  });

  it('names the line and column of a syntax error', () => {
    const text = '{\n  "termlight": "settings",\n  "version": 1,\n  "settings": { "theme": "dark", }\n}';
    const result = parseSettingsImport(text, defaults);
    expect(result).toEqual({
      ok: false,
      reasons: [{ code: 'settingsFileSyntax', params: [4, 32, { code: 'jsonTrailingComma', params: [] }] }],
      error: 'Line 4, column 32: not valid JSON: trailing comma: remove the "," before the closing bracket',
    });
  });

  it('refuses empty files and files of another kind', () => {
    const empty = { code: 'settingsFileEmpty', params: [] };
    expect(parseSettingsImport('  \n', defaults)).toEqual({ ok: false, reasons: [empty], error: 'The file is empty.' });
    const glossary = parseSettingsImport(JSON.stringify({ id: 'ai-core', entries: [] }), defaults);
    expect(glossary).toMatchObject({ ok: false, reasons: [{ code: 'settingsFileOtherKind', params: [] }] });
    expect(glossary).toMatchObject({ error: expect.stringContaining('not a Termlight settings file') });
    expect(parseSettingsImport('[1, 2]', defaults).ok).toBe(false);
  });

  it('refuses a wrong-typed setting, naming it, instead of falling back', () => {
    const result = parseSettingsImport(file({ theme: 'dark', hoverDelayMs: 'slow' }), defaults);
    expect(result).toMatchObject({
      ok: false,
      reasons: [
        {
          code: 'settingWrongAt',
          params: [1, 'hoverDelayMs', { code: 'settingNotInRange', params: [0, 2000, '"slow"'] }],
        },
      ],
      error: 'Line 1, setting "hoverDelayMs": should be a number from 0 to 2000, not "slow"',
    });
  });

  it('names a bad item inside a list', () => {
    const siteRules = { mode: 'only', patterns: ['arxiv.org', 'ftp://x.org'] };
    const result = parseSettingsImport(file({ siteRules }), defaults);
    expect(result).toMatchObject({
      ok: false,
      error:
        'Line 1, setting "siteRules.patterns[1]": should be a site such as example.com, not "ftp://x.org" ' +
        '(Termlight runs only on http and https pages, not on ftp: ones)',
    });
  });

  it('lists several errors at once', () => {
    const wrong = { enabled: 1, theme: 2, trigger: 3, occurrences: 4, skipCode: 5 };
    const result = parseSettingsImport(file(wrong), defaults);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reasons.map((reason) => reason.params[1])).toEqual(Object.keys(wrong));
      expect(result.error.split('\n')).toHaveLength(5);
    }
  });

  it('accepts small fixes with warnings', () => {
    const result = parseSettingsImport(file({ hideDelayMs: 99999, futureSetting: true }), defaults);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.settings.hideDelayMs).toBe(2000);
      expect(result.warnings.map(formatWarning)).toEqual([
        'Line 1, setting "hideDelayMs": was 99999, more than 2000: used 2000',
        'Line 1, setting "futureSetting": is not a Termlight setting: ignored it',
      ]);
    }
  });

  it('checks the version, migrating old files and refusing newer ones', () => {
    expect(parseSettingsImport(file({ highlight: 'background', delay: 700 }, 0), defaults)).toMatchObject({
      ok: true,
      settings: { ...defaults, highlightStyle: 'tint', hoverDelayMs: 700 },
      warnings: [],
    });
    const newer = parseSettingsImport(file({}, SETTINGS_VERSION + 1), defaults);
    expect(newer).toMatchObject({
      reasons: [{ code: 'settingsFileNewer', params: [SETTINGS_VERSION + 1, SETTINGS_VERSION] }],
      error: expect.stringContaining('newer Termlight'),
    });
    expect(parseSettingsImport(JSON.stringify({ termlight: 'settings', settings: {} }), defaults).ok).toBe(false);
    expect(parseSettingsImport(file([]), defaults).ok).toBe(false);
  });
});

describe('importing over the current settings', () => {
  const current: Settings = {
    ...defaults,
    highlightColor: 'violet',
    siteRules: { mode: 'all-except', patterns: ['keep.me'] },
    contextGate: { enabled: false, threshold: 5 },
  };

  it('keeps every setting the file does not name, and says which', () => {
    const text = file({ enabled: false, bogusKey: 1, contextGate: { enabled: true, threshold: 0 } });
    const result = parseSettingsImport(text, current);
    expect(result).toMatchObject({
      ok: true,
      settings: { ...current, enabled: false, contextGate: { enabled: true, threshold: 1 } },
    });
    if (!result.ok) return;
    expect(result.kept).toHaveLength(Object.keys(defaults).length - 2);
    expect(result.kept).toEqual(expect.arrayContaining(['highlightColor', 'siteRules', 'theme']));
    expect(result.kept).not.toContain('enabled');
    expect(result.warnings.map(formatWarning)).toEqual([
      'Line 1, setting "contextGate.threshold": was 0, less than 1: used 1',
      'Line 1, setting "bogusKey": is not a Termlight setting: ignored it',
    ]);
  });

  it('keeps the fields a nested setting leaves out', () => {
    const result = parseSettingsImport(file({ contextGate: { enabled: true } }), current);
    expect(result).toMatchObject({ ok: true, settings: { contextGate: { enabled: true, threshold: 5 } } });
    if (result.ok) expect(result.kept).toContain('contextGate.threshold');
  });

  it('reads named site rules whole: a mode never joins the list in use, nor a list the mode', () => {
    // Kept off keep.me; a file that says "only" must not make keep.me the one site it runs on.
    const modeOnly = parseSettingsImport(file({ siteRules: { mode: 'only' } }), current);
    expect(modeOnly).toMatchObject({ ok: true, settings: { siteRules: { mode: 'only', patterns: [] } } });
    if (modeOnly.ok) expect(modeOnly.kept.filter((path) => path.startsWith('siteRules'))).toEqual([]);
    const onlyHere = { ...current, siteRules: { mode: 'only' as const, patterns: ['here.org'] } };
    const listOnly = parseSettingsImport(file({ siteRules: { patterns: ['there.org'] } }), onlyHere);
    expect(listOnly).toMatchObject({ ok: true, settings: { siteRules: { mode: 'all-except', patterns: ['there.org'] } } });
  });

  it('restores everything from a full export, keeping nothing', () => {
    const result = parseSettingsImport(exportSettings(defaults), current);
    expect(result).toEqual({ ok: true, settings: defaults, warnings: [], kept: [] });
  });
});

describe('the line of a problem in an imported file', () => {
  const pretty = (settings: unknown) =>
    JSON.stringify({ termlight: 'settings', version: SETTINGS_VERSION, settings }, null, 2);

  it('names the line of each wrong setting, nested and listed ones too, in file order', () => {
    const text = [
      '{',
      '  "termlight": "settings",',
      '  "version": 1,',
      '  "settings": {',
      '    "theme": "purple",',
      '    "enabled": "yes",',
      '    "siteRules": {',
      '      "mode": "only",',
      '      "patterns": [',
      '        "a.org",',
      '        "ftp://b.org"',
      '      ]',
      '    },',
      '    "hoverDelayMs": "300"',
      '  }',
      '}',
    ].join('\n');
    const result = parseSettingsImport(text, defaults);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.split('\n')).toEqual([
      'Line 5, setting "theme": should be one of "auto", "light", "dark", not "purple"',
      'Line 6, setting "enabled": should be true or false, not "yes"',
      'Line 11, setting "siteRules.patterns[1]": should be a site such as example.com, not "ftp://b.org" ' +
        '(Termlight runs only on http and https pages, not on ftp: ones)',
      'Line 14, setting "hoverDelayMs": should be a number from 0 to 2000, not "300"',
    ]);
    expect(result.reasons[0]).toMatchObject({
      code: 'settingWrongAt',
      params: [5, 'theme', { code: 'settingNotOneOf', params: ['"auto", "light", "dark"', '"purple"'] }],
    });
  });

  it('names the line of a small fix and of an unknown setting', () => {
    const text = pretty({ theme: 'dark', hideDelayMs: 99999, contextGate: { enabled: true, soon: 1 } });
    const result = parseSettingsImport(text, defaults);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.warnings.map(formatWarning)).toEqual([
        'Line 6, setting "hideDelayMs": was 99999, more than 2000: used 2000',
        'Line 9, setting "contextGate.soon": is not a Termlight setting: ignored it',
      ]);
    }
  });

  it('names the last copy of a setting written twice, the one that counts', () => {
    const text = '{"termlight": "settings", "version": 1, "settings": {\n"theme": "dark",\n"theme": "sepia"\n}}';
    expect(parseSettingsImport(text, defaults)).toMatchObject({
      ok: false,
      error: 'Line 3, setting "theme": should be one of "auto", "light", "dark", not "sepia"',
    });
  });

  it('gives no line where the file does not hold the setting as named (a migrated old file)', () => {
    const result = parseSettingsImport(file({ delay: 'slow' }, 0), defaults);
    expect(result).toMatchObject({ ok: false, error: 'Setting "hoverDelayMs" should be a number from 0 to 2000, not "slow"' });
  });
});

describe('repeated sites in an imported file', () => {
  it('sees the Unicode and ASCII forms of one host as a repeat', () => {
    const siteRules = { mode: 'all-except', patterns: ['bücher.de', 'xn--bcher-kva.de', 'Bücher.de'] };
    const result = parseSettingsImport(file({ siteRules }), defaults);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.siteRules.patterns).toEqual(['bücher.de']);
    expect(result.warnings.map(formatWarning)).toEqual([
      'Line 1, setting "siteRules.patterns[1]": repeats "xn--bcher-kva.de": kept one copy',
      'Line 1, setting "siteRules.patterns[2]": repeats "bücher.de": kept one copy',
    ]);
  });
});
