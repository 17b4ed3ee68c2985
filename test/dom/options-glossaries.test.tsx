import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { GlossaryEntry, GlossaryPack } from '../../src/core/glossary/types';
import { Options } from '../../src/options/Options';
import { createMemoryApi, type MemoryState } from '../../src/ui/memory-api';
import { chooseFile, renderPage, settle, unmountPages } from './page-harness';

const MY_PACK: GlossaryPack = {
  id: 'my-team',
  name: 'My team',
  version: '1.0.0',
  language: 'en',
  entries: [
    { id: 'eval-harness', term: 'eval harness', definition: 'The scripts that score a model on our tests.', category: 'resource' },
    { id: 'golden-set', term: 'golden set', definition: 'Hand-checked answers the eval harness compares with.', category: 'resource', related: ['eval-harness'] },
  ],
};

async function openOptions(init: Partial<MemoryState> = {}) {
  const api = createMemoryApi(init);
  const savePacks = vi.spyOn(api, 'saveUserGlossaries');
  const root = await renderPage(api, <Options />);
  return { api, root, savePacks };
}

async function importFile(root: Element, name: string, text: string) {
  await chooseFile(root.querySelector<HTMLInputElement>('[data-testid=glossary-file]')!, name, text);
  return root.querySelector('[data-testid=glossary-outcome]');
}

const problemsIn = (outcome: Element | null) => [...(outcome?.querySelectorAll('.problems li') ?? [])].map((li) => li.textContent);

const packNames = (root: Element) =>
  [...root.querySelectorAll('[data-testid=pack-list] .switch-label')].map((l) => l.textContent);
const packSwitch = (root: Element, id: string) => root.querySelector<HTMLButtonElement>(`[data-pack="${id}"] [role=switch]`)!;

afterEach(() => {
  unmountPages();
  // Spies on the page (a download's URL and link) go with the test, even one that failed.
  vi.restoreAllMocks();
});

describe('which glossaries are on', () => {
  it('lists the bundled glossary, on by default, and turns it off', async () => {
    const { api, root } = await openOptions();
    expect(packNames(root)).toEqual(['Foundation models']);
    const toggle = packSwitch(root, 'foundation-models');
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    await act(() => toggle.click());
    await settle();
    expect(api.state.sync.disabledGlossaries).toEqual(['foundation-models']);
    expect(toggle.getAttribute('aria-checked')).toBe('false');
  });
});

describe('importing a glossary', () => {
  it('adds a valid pack, which is then listed and on', async () => {
    const { api, root } = await openOptions();
    const outcome = await importFile(root, 'my-team.json', JSON.stringify(MY_PACK, null, 2));
    expect(outcome?.textContent).toContain('Added “My team”. Terms in it: 2.');
    expect(api.state.userGlossaries).toEqual([MY_PACK]);
    expect(packNames(root)).toEqual(['Foundation models', 'My team']);
    expect(packSwitch(root, 'my-team').getAttribute('aria-checked')).toBe('true');
  });

  it('says so when the browser will not store the pack, and lists nothing new', async () => {
    const { api, root, savePacks } = await openOptions();
    savePacks.mockRejectedValue(new Error('Storage is full'));
    const outcome = await importFile(root, 'my-team.json', JSON.stringify(MY_PACK, null, 2));
    expect(outcome?.getAttribute('role')).toBe('alert');
    expect(outcome?.textContent).toBe('“my-team.json” was not imported: the browser would not store it (Storage is full). Nothing was changed.');
    expect(api.state.userGlossaries).toEqual([]);
    expect(packNames(root)).toEqual(['Foundation models']);
  });

  it('adds a pack with warnings, and lists them with line and field', async () => {
    const { api, root } = await openOptions();
    const [harness, golden] = MY_PACK.entries as [GlossaryEntry, GlossaryEntry];
    const text = JSON.stringify({ ...MY_PACK, entries: [harness, { ...golden, related: ['golden-set'] }] }, null, 2);
    const outcome = await importFile(root, 'my-team.json', text);
    expect(outcome?.getAttribute('role')).toBe('status');
    const line = text.split('\n').findIndex((l) => l.trim() === '"golden-set"') + 1;
    expect(problemsIn(outcome)).toEqual([
      `Line ${line}, field entries[1].related[0] (entry “golden-set”): an entry need not list itself as related`,
    ]);
    expect(api.state.userGlossaries).toHaveLength(1);
  });

  it('refuses a broken pack with line and field, and changes nothing', async () => {
    const { api, root, savePacks } = await openOptions({ userGlossaries: [MY_PACK] });
    const broken = JSON.stringify({ ...MY_PACK, version: '2.0.0', entries: [{ ...MY_PACK.entries[0], definition: '' }] }, null, 2);
    const outcome = await importFile(root, 'my-team.json', broken);
    expect(outcome?.getAttribute('role')).toBe('alert');
    expect(outcome?.textContent).toContain('“my-team.json” was not imported: it has problems. Nothing was changed.');
    const line = broken.split('\n').findIndex((l) => l.includes('"definition": ""')) + 1;
    expect(problemsIn(outcome)).toEqual([
      `Line ${line}, field entries[0].definition (entry “eval-harness”): must be a non-empty string`,
    ]);
    expect(savePacks).not.toHaveBeenCalled();
    expect(api.state.userGlossaries).toEqual([MY_PACK]);
  });

  it('says each outcome through live regions that were on the page before it, and says a repeat again', async () => {
    const { root } = await openOptions();
    // Before anything is imported: an empty status and an empty alert, waiting.
    const regions = () => [...root.querySelectorAll('#glossaries [role=status], #glossaries [role=alert]')].map((r) => `${r.getAttribute('role')}: ${r.textContent}`);
    expect(regions()).toEqual(['status: ', 'alert: ']);
    const before = root.querySelector('#glossaries [role=alert]');
    await importFile(root, 'notes.json', '{ oops');
    expect(root.querySelector('#glossaries [role=alert]')).toBe(before);
    expect(regions()[1]).toMatch(/^alert: “notes.json” was not imported/);
    // The same file again: the words go, and come back a moment later, to be said again.
    const seen: string[] = [];
    const watch = new MutationObserver(() => seen.push(before!.textContent ?? ''));
    watch.observe(before!, { childList: true, subtree: true, characterData: true });
    await chooseFile(root.querySelector<HTMLInputElement>('[data-testid=glossary-file]')!, 'notes.json', '{ oops');
    await act(() => new Promise<void>((r) => setTimeout(r, 300)));
    watch.disconnect();
    expect(seen[0]).toBe('');
    expect(seen.at(-1)).toMatch(/^“notes.json” was not imported/);
    // What went well goes to the status region; the alert is emptied.
    await importFile(root, 'my-team.json', JSON.stringify(MY_PACK));
    expect(regions()).toEqual(['status: Added “My team”. Terms in it: 2.', 'alert: ']);
  });

  it('shows the first problems of a long list, and all of them on request', async () => {
    const { root } = await openOptions();
    const entries = Array.from({ length: 12 }, (_, i) => ({ ...MY_PACK.entries[0]!, id: `e${i}`, definition: '' }));
    const outcome = await importFile(root, 'many.json', JSON.stringify({ ...MY_PACK, entries }, null, 2));
    const first = problemsIn(outcome);
    expect(first).toHaveLength(9);
    const more = Number(/^…and (\d+) more Show all$/.exec(first.at(-1)!)?.[1]);
    expect(more).toBeGreaterThanOrEqual(4);
    const showAll = [...outcome!.querySelectorAll('button')].find((b) => b.textContent === 'Show all')!;
    showAll.focus();
    await act(() => showAll.click());
    const lines = problemsIn(root.querySelector('[data-testid=glossary-outcome]'));
    // The button is gone with the shortened list; the focus is on the first line it hid.
    expect(document.activeElement?.textContent).toBe(lines[8]);
    expect(lines).toHaveLength(8 + more);
    expect(lines.slice(0, 8)).toEqual(first.slice(0, 8));
    expect(lines.some((l) => /field entries\[11\]\.definition/.test(l!))).toBe(true);
  });

  it('refuses a file that is not JSON, naming the line', async () => {
    const { api, root } = await openOptions();
    const outcome = await importFile(root, 'notes.json', '{\n  "id": "x",\n  oops\n}');
    expect(problemsIn(outcome)).toEqual(['Line 3, column 3: not valid JSON: unexpected "oops"']);
    expect(api.state.userGlossaries).toEqual([]);
  });

  it('words each problem from the message catalogue, by its code, line and field', async () => {
    // A stand-in translation that shows which message a line came from and what filled it.
    const api = { ...createMemoryApi(), t: (key: string, subs?: string | string[]) => `${key}(${[subs ?? []].flat().join('|')})` };
    const root = await renderPage(api, <Options />);
    const [harness, golden] = MY_PACK.entries as [GlossaryEntry, GlossaryEntry];
    const entries = [
      { ...harness, definition: 42 },
      { ...golden, term: '<b>golden</b>' },
      { ...harness, id: 'gold', term: '<b>golden</b>' },
    ];
    const text = JSON.stringify({ ...MY_PACK, entries }, null, 2);
    const outcome = await importFile(root, 'my-team.json', text);
    const lineOf = (needle: string, nth = 1) => {
      let seen = 0;
      return text.split('\n').findIndex((line) => line.includes(needle) && ++seen === nth) + 1;
    };
    expect(problemsIn(outcome)).toEqual([
      `optPackProblemInEntry(${lineOf('"definition": 42')}|entries[0].definition|eval-harness|packNotText(packKindNumber()))`,
      `optPackProblemInEntry(${lineOf('<b>golden</b>', 2)}|entries[2].term|gold|packFormTakenById(<b>golden</b>|entries[1]|golden-set))`,
    ]);
    // Text from the file stays text.
    expect(outcome?.querySelector('b')).toBeNull();
  });

  it('words a JSON syntax problem from the message catalogue, with its line and column', async () => {
    const api = { ...createMemoryApi(), t: (key: string, subs?: string | string[]) => `${key}(${[subs ?? []].flat().join('|')})` };
    const root = await renderPage(api, <Options />);
    const outcome = await importFile(root, 'notes.json', '{\n  "id": "x",\n  "name": tru\n}');
    expect(problemsIn(outcome)).toEqual(['optPackProblemAt(3|11|packJsonSyntax(jsonUnexpected("tru")))']);
  });

  it('replaces an earlier import of the same glossary, naming both versions', async () => {
    const { api, root } = await openOptions({ userGlossaries: [MY_PACK] });
    const newer = { ...MY_PACK, version: '1.1.0', entries: [MY_PACK.entries[0]!] };
    const outcome = await importFile(root, 'my-team.json', JSON.stringify(newer));
    expect(outcome?.textContent).toBe('Replaced “My team” 1.0.0 with version 1.1.0. Terms in it: 1. Undo');
    expect(api.state.userGlossaries).toEqual([newer]);
  });

  it('puts the replaced version back with Undo', async () => {
    const { api, root } = await openOptions({ userGlossaries: [MY_PACK] });
    const newer = { ...MY_PACK, version: '1.1.0', entries: [MY_PACK.entries[0]!] };
    await importFile(root, 'my-team.json', JSON.stringify(newer));
    expect(api.state.userGlossaries).toEqual([newer]);
    await act(() => root.querySelector<HTMLButtonElement>('[data-testid=outcome-undo]')!.click());
    await settle();
    expect(api.state.userGlossaries).toEqual([MY_PACK]);
    expect(root.querySelector('[data-testid=glossary-outcome]')?.textContent).toBe('Put back “My team” 1.0.0.');
    expect(root.querySelector('[data-testid=outcome-undo]')).toBeNull();
  });

  it('names what it replaced when the new version has another name', async () => {
    const { root } = await openOptions({ userGlossaries: [MY_PACK] });
    const renamed = { ...MY_PACK, name: 'My team v2', version: '2.0.0' };
    const outcome = await importFile(root, 'my-team.json', JSON.stringify(renamed));
    expect(outcome?.textContent).toBe('Replaced “My team” 1.0.0 with “My team v2” 2.0.0. Terms in it: 2. Undo');
  });

  it('leaves out the version of a stored glossary that has none', async () => {
    const { version: _, ...unversioned } = MY_PACK;
    const { root } = await openOptions({ userGlossaries: [unversioned as GlossaryPack] });
    const outcome = await importFile(root, 'my-team.json', JSON.stringify({ ...MY_PACK, name: 'Our team' }));
    expect(outcome?.textContent).toBe('Replaced “My team” with “Our team” 1.0.0. Terms in it: 2. Undo');
  });

  it('refuses the id of a bundled glossary', async () => {
    const { api, root } = await openOptions();
    const outcome = await importFile(root, 'fm.json', JSON.stringify({ ...MY_PACK, id: 'foundation-models' }));
    expect(outcome?.textContent).toContain('the id “foundation-models” belongs to a glossary that comes with Termlight');
    expect(api.state.userGlossaries).toEqual([]);
  });
});

describe('removing an imported glossary', () => {
  it('removes it and forgets that it was off', async () => {
    const { api, root } = await openOptions({
      userGlossaries: [MY_PACK],
      sync: { disabledGlossaries: ['my-team'] },
    });
    await act(() => root.querySelector<HTMLButtonElement>('[aria-label="Remove the glossary My team"]')!.click());
    await settle();
    expect(api.state.userGlossaries).toEqual([]);
    expect(api.state.sync).not.toHaveProperty('disabledGlossaries');
    expect(packNames(root)).toEqual(['Foundation models']);
    // The keyboard keeps its place: on the glossary left in the list.
    expect(document.activeElement).toBe(packSwitch(root, 'foundation-models'));
  });

  it('puts it back with Undo, in its place and off as it was, with the focus on it', async () => {
    const OTHER: GlossaryPack = { ...MY_PACK, id: 'other', name: 'Other' };
    const { api, root, savePacks } = await openOptions({
      userGlossaries: [MY_PACK, OTHER],
      sync: { disabledGlossaries: ['my-team'] },
    });
    await act(() => root.querySelector<HTMLButtonElement>('[aria-label="Remove the glossary My team"]')!.click());
    await settle();
    expect(api.state.userGlossaries).toEqual([OTHER]);
    const undo = root.querySelector<HTMLButtonElement>('[data-testid=glossary-outcome] [data-testid=outcome-undo]')!;
    expect(undo.textContent).toBe('Undo');
    const saveSettings = vi.spyOn(api, 'saveSettings');
    savePacks.mockClear();
    await act(() => undo.click());
    await settle();
    // Off again before it is back, so no tab marks its terms in between.
    expect(saveSettings.mock.invocationCallOrder[0]).toBeLessThan(savePacks.mock.invocationCallOrder[0]!);
    expect(api.state.userGlossaries).toEqual([MY_PACK, OTHER]);
    expect(api.state.sync.disabledGlossaries).toEqual(['my-team']);
    expect(packNames(root)).toEqual(['Foundation models', 'My team', 'Other']);
    expect(packSwitch(root, 'my-team').getAttribute('aria-checked')).toBe('false');
    expect(root.querySelector('[data-testid=glossary-outcome]')?.textContent).toBe('Put back “My team” 1.0.0.');
    expect(document.activeElement).toBe(packSwitch(root, 'my-team'));
  });

  it('leaves the focus where the reader put it while Undo waited for the glossary to come back', async () => {
    const { root } = await openOptions({ userGlossaries: [MY_PACK] });
    await act(() => root.querySelector<HTMLButtonElement>('[aria-label="Remove the glossary My team"]')!.click());
    await settle();
    await act(() => root.querySelector<HTMLButtonElement>('[data-testid=outcome-undo]')!.click());
    // Before storage reports the glossary back, the reader goes on to the import button.
    const importButton = [...root.querySelectorAll<HTMLButtonElement>('#glossaries button')].find((b) => b.textContent?.startsWith('Import'))!;
    importButton.focus();
    await settle();
    expect(packSwitch(root, 'my-team')).not.toBeNull();
    expect(document.activeElement).toBe(importButton);
  });

  it('exports it to a file that imports again as the same glossary', async () => {
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:pack';
    });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { api, root } = await openOptions({ userGlossaries: [MY_PACK] });
    await act(() => root.querySelector<HTMLButtonElement>('[aria-label="Export the glossary My team to a file"]')!.click());
    expect(names).toEqual(['my-team.json']);
    const text = await blob!.text();
    vi.restoreAllMocks();
    // Into a browser that does not have it: the same glossary, with nothing to warn of.
    const elsewhere = await openOptions();
    const outcome = await importFile(elsewhere.root, 'my-team.json', text);
    expect(outcome?.textContent).toBe('Added “My team”. Terms in it: 2.');
    expect(elsewhere.api.state.userGlossaries).toEqual(api.state.userGlossaries);
  });

  it('exports a glossary stored without a version (an older release) as a file that imports', async () => {
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:pack';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { version: _, ...unversioned } = MY_PACK;
    const { root } = await openOptions({ userGlossaries: [unversioned as GlossaryPack] });
    await act(() => root.querySelector<HTMLButtonElement>('[aria-label="Export the glossary My team to a file"]')!.click());
    const text = await blob!.text();
    vi.restoreAllMocks();
    const elsewhere = await openOptions();
    const outcome = await importFile(elsewhere.root, 'my-team.json', text);
    expect(outcome?.textContent).toBe('Added “My team”. Terms in it: 2.');
    expect(elsewhere.api.state.userGlossaries).toEqual([{ ...unversioned, version: '1.0.0' }]);
  });

  it('offers no Remove for a bundled glossary', async () => {
    const { root } = await openOptions();
    expect(root.querySelector('[data-pack="foundation-models"] button:not([role=switch])')).toBeNull();
  });
});
