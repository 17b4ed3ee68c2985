import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportSettings } from '../../src/core/settings/import-export';
import { defaults } from '../../src/core/settings/defaults';
import { Options } from '../../src/options/Options';
import { createMemoryApi, type MemoryState } from '../../src/ui/memory-api';
import { byTestId, chooseFile, renderPage, settle, unmountPages } from './page-harness';

async function openOptions(init: Partial<MemoryState> = {}) {
  const api = createMemoryApi(init);
  const replace = vi.spyOn(api, 'replaceSettings');
  const save = vi.spyOn(api, 'saveSettings');
  const root = await renderPage(api, <Options />);
  return { api, root, replace, save };
}

const problemsIn = (root: Element) =>
  [...byTestId(root, 'backup-outcome').querySelectorAll('.problems li')].map((li) => li.textContent);

const buttonNamed = (root: Element, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;

afterEach(() => {
  unmountPages();
  vi.restoreAllMocks();
});

describe('importing settings', () => {
  it('refuses a broken file, says where it is broken, and changes nothing', async () => {
    const sync = { settingsVersion: 1, highlightColor: 'rose', siteRules: { mode: 'all-except', patterns: ['a.org'] } };
    const { api, root, replace, save } = await openOptions({ sync: structuredClone(sync) });
    await chooseFile(byTestId(root, 'settings-file'), 'backup.json', '{\n  "termlight": "settings",\n  "version": 1,\n  "settings": { "enabled": false, }\n}');
    const outcome = byTestId(root, 'backup-outcome');
    expect(outcome.getAttribute('role')).toBe('alert');
    expect(outcome.textContent).toContain('“backup.json” was not imported. Your settings are unchanged.');
    expect(problemsIn(root)).toEqual([
      'Line 4, column 33: not valid JSON: trailing comma: remove the "," before the closing bracket',
    ]);
    expect(replace).not.toHaveBeenCalled();
    expect(save).not.toHaveBeenCalled();
    expect(api.state.sync).toEqual(sync);
  });

  it('refuses a file with a wrong value rather than importing part of it', async () => {
    const { api, root, replace } = await openOptions();
    const text = JSON.stringify({ termlight: 'settings', version: 1, settings: { enabled: false, highlightStyle: 'wavy' } });
    await chooseFile(byTestId(root, 'settings-file'), 'mine.json', text);
    expect(problemsIn(root)).toEqual(['Line 1, setting "highlightStyle": should be one of "dotted", "solid", "tint", "none", not "wavy"']);
    expect(replace).not.toHaveBeenCalled();
    expect(api.state.sync).toEqual({});
  });

  it('words each problem from the message catalogue, with the setting and the value as text', async () => {
    // A stand-in translation that shows which message a line came from and what filled it.
    const api = { ...createMemoryApi(), t: (key: string, subs?: string | string[]) => `${key}(${[subs ?? []].flat().join('|')})` };
    const root = await renderPage(api, <Options />);
    const settings = { enabled: 'no', siteRules: { mode: 'only', patterns: ['<img src=x onerror=alert(1)>'] } };
    await chooseFile(byTestId(root, 'settings-file'), 'mine.json', JSON.stringify({ termlight: 'settings', version: 1, settings }));
    expect(problemsIn(root)).toEqual([
      'settingWrongAt(1|enabled|settingNotTrueOrFalse("no"))',
      'settingWrongAt(1|siteRules.patterns[0]|settingNotSite("<img src=x onerror=alert(1)>"|siteBadCharacters()))',
    ]);
    expect(byTestId(root, 'backup-outcome').querySelector('img')).toBeNull();
  });

  it('words a JSON syntax problem from the message catalogue too, with its line and column', async () => {
    const api = { ...createMemoryApi(), t: (key: string, subs?: string | string[]) => `${key}(${[subs ?? []].flat().join('|')})` };
    const root = await renderPage(api, <Options />);
    const input = byTestId<HTMLInputElement>(root, 'settings-file');
    await chooseFile(input, 'a.json', '{\n  "termlight": "settings",\n  "version": 1,\n  "settings": { "enabled": false, }\n}');
    expect(problemsIn(root)).toEqual(['settingsFileSyntax(4|33|jsonTrailingComma())']);
    await chooseFile(input, 'b.json', '{\n  "termlight": "settings",\n  "version": 1,\n  "settings": [1, 2');
    expect(problemsIn(root)).toEqual(['settingsFileSyntax(4|20|jsonEndsTooSoon(jsonCloseBracketExpected()))']);
    await chooseFile(input, 'c.json', '{\n  "termlight": "settings",\n  "version": 1,\n  "settings": { "theme": "C:\\dark" }\n}');
    expect(problemsIn(root)).toEqual(['settingsFileSyntax(4|30|jsonUnknownEscape(\\d))']);
  });

  it('lists the small fixes made to a file it imports', async () => {
    const { api, root } = await openOptions();
    const settings = { hideDelayMs: 99999, siteRules: { mode: 'only', patterns: ['https://ArXiv.org/abs/1'] } };
    await chooseFile(byTestId(root, 'settings-file'), 'mine.json', JSON.stringify({ termlight: 'settings', version: 1, settings }));
    expect(byTestId(root, 'backup-outcome').getAttribute('role')).toBe('status');
    expect(problemsIn(root)).toEqual([
      'Line 1, setting "siteRules.patterns[0]": was "https://ArXiv.org/abs/1": stored "arxiv.org"',
      'Line 1, setting "hideDelayMs": was 99999, more than 2000: used 2000',
    ]);
    expect(api.state.sync).toMatchObject({ hideDelayMs: 2000, siteRules: { mode: 'only', patterns: ['arxiv.org'] } });
  });

  it('says so when the browser will not store the file, and changes nothing', async () => {
    const { api, root, replace } = await openOptions({ sync: { highlightColor: 'rose' } });
    replace.mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await chooseFile(byTestId(root, 'settings-file'), 'big.json', exportSettings({ ...defaults, showBadge: false }));
    const outcome = byTestId(root, 'backup-outcome');
    expect(outcome.getAttribute('role')).toBe('alert');
    expect(outcome.textContent).toBe(
      '“big.json” was not imported: the browser has no room left for it in the extension’s storage. Your settings are unchanged.');
    expect(api.state.sync).toEqual({ highlightColor: 'rose' });
    expect(byTestId(root, 'badge-switch').getAttribute('aria-checked')).toBe('true');
  });

  it('imports a good file whole, and the page shows it', async () => {
    const { api, root } = await openOptions({ sync: { highlightColor: 'rose' } });
    const file = exportSettings({ ...defaults, showBadge: false, hoverDelayMs: 800 });
    await chooseFile(byTestId(root, 'settings-file'), 'termlight-settings.json', file);
    expect(byTestId(root, 'backup-outcome').textContent).toContain('Imported the settings from “termlight-settings.json”.');
    // Everything is replaced: the rose colour, not in the file's changes, is back to the default.
    expect(api.state.sync).toEqual({ settingsVersion: 1, showBadge: false, hoverDelayMs: 800 });
    expect(byTestId(root, 'badge-switch').getAttribute('aria-checked')).toBe('false');
    expect(byTestId<HTMLInputElement>(root, 'hover-delay').value).toBe('800');
  });
});

describe('importing a file that names only some settings', () => {
  const violetKeepMe = { settingsVersion: 1, highlightColor: 'violet', siteRules: { mode: 'all-except', patterns: ['keep.me'] } };

  it('keeps what the file leaves out, and says so', async () => {
    const { api, root } = await openOptions({ sync: structuredClone(violetKeepMe) });
    const settings = { enabled: false, bogusKey: 1, contextGate: { enabled: true, threshold: 0 } };
    await chooseFile(byTestId(root, 'settings-file'), 'part.json', JSON.stringify({ termlight: 'settings', version: 1, settings }));
    expect(byTestId(root, 'backup-outcome').querySelector('.outcome-text')?.textContent).toBe(
      'Imported the settings from “part.json”. The file did not name 12 settings: they keep their values.');
    expect(problemsIn(root)).toEqual([
      'Line 1, setting "contextGate.threshold": was 0, less than 1: used 1',
      'Line 1, setting "bogusKey": is not a Termlight setting: ignored it',
    ]);
    expect(api.state.sync).toEqual({ ...violetKeepMe, enabled: false, contextGate: { enabled: true, threshold: 1 } });
    expect(root.querySelector('[data-testid=site-list]')?.textContent).toContain('keep.me');
  });

  it('keeps the fields a named setting leaves out, naming a single one', async () => {
    const sync = { settingsVersion: 1, contextGate: { enabled: false, threshold: 7 } };
    const { api, root } = await openOptions({ sync: structuredClone(sync) });
    const settings = JSON.parse(exportSettings(defaults)).settings;
    delete settings.contextGate.threshold;
    await chooseFile(byTestId(root, 'settings-file'), 'almost.json', JSON.stringify({ termlight: 'settings', version: 1, settings }));
    expect(byTestId(root, 'backup-outcome').querySelector('.outcome-text')?.textContent).toBe(
      'Imported the settings from “almost.json”. The file did not name the setting "contextGate.threshold": it keeps its value.');
    expect(api.state.sync).toEqual({ settingsVersion: 1, contextGate: { enabled: true, threshold: 7 } });
  });
});

describe('exporting settings', () => {
  it('downloads every setting as a JSON file that imports again', async () => {
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:settings';
    });
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.getAttribute('href') ?? '' });
    });
    const { root } = await openOptions({ sync: { highlightStyle: 'tint' } });
    await act(() => buttonNamed(root, 'Export settings').click());
    expect(clicked).toEqual([{ download: 'termlight-settings.json', href: 'blob:settings' }]);
    const saved = JSON.parse(await blob!.text());
    expect(saved).toMatchObject({ termlight: 'settings', settings: { highlightStyle: 'tint', enabled: true } });
  });
});

describe('resetting to defaults', () => {
  it('asks first, and Cancel keeps everything', async () => {
    const { api, root, replace } = await openOptions({ sync: { settingsVersion: 1, trigger: 'click' } });
    await act(() => buttonNamed(root, 'Reset to defaults…').click());
    expect(root.querySelector('#reset-question')?.textContent).toContain('Put every setting back to its default?');
    await act(() => buttonNamed(root, 'Cancel').click());
    expect(replace).not.toHaveBeenCalled();
    expect(api.state.sync).toEqual({ settingsVersion: 1, trigger: 'click' });
    // The question is gone; the keyboard is back on the button that asked it.
    await settle();
    expect(document.activeElement).toBe(buttonNamed(root, 'Reset to defaults…'));
  });

  it('takes Escape as Cancel', async () => {
    const { root, replace } = await openOptions({ sync: { settingsVersion: 1, trigger: 'click' } });
    await act(() => buttonNamed(root, 'Reset to defaults…').click());
    await settle();
    await act(() => {
      buttonNamed(root, 'Cancel').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    await settle();
    expect(root.querySelector('#reset-question')).toBeNull();
    expect(replace).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(buttonNamed(root, 'Reset to defaults…'));
  });

  it('puts the keyboard on Cancel each time it asks, not only the first', async () => {
    const { root } = await openOptions();
    for (let time = 1; time <= 2; time++) {
      await act(() => buttonNamed(root, 'Reset to defaults…').click());
      await settle();
      expect(document.activeElement).toBe(buttonNamed(root, 'Cancel'));
      await act(() => {
        document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
      });
      await settle();
      expect(root.querySelector('#reset-question')).toBeNull();
    }
  });

  it('once confirmed, clears every stored choice', async () => {
    const { api, root } = await openOptions({ sync: { settingsVersion: 1, trigger: 'click', showBadge: false } });
    await act(() => buttonNamed(root, 'Reset to defaults…').click());
    await act(() => byTestId(root, 'reset-confirm').click());
    await settle();
    expect(api.state.sync).toEqual({ settingsVersion: 1 });
    expect(byTestId(root, 'badge-switch').getAttribute('aria-checked')).toBe('true');
    expect(document.activeElement).toBe(buttonNamed(root, 'Reset to defaults…'));
  });
});
