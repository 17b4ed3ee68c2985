import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../src/options/Options';
import { createMemoryApi, type MemoryState } from '../../src/ui/memory-api';
import { byTestId, click, enter, renderPage, settle, unmountPages } from './page-harness';

async function openOptions(init: Partial<MemoryState> = {}) {
  const api = createMemoryApi(init);
  const save = vi.spyOn(api, 'saveSettings');
  const root = await renderPage(api, <Options />);
  return { api, root, save };
}

const radio = (root: Element, group: string, value: string) =>
  root.querySelector<HTMLInputElement>(`[data-testid=${group}] input[value="${value}"]`)!;

afterEach(() => {
  unmountPages();
  vi.restoreAllMocks();
  history.replaceState(null, '', location.pathname);
});

describe('a link to a section', () => {
  it('lands on that section once the settings are drawn, with the focus on its heading', async () => {
    history.replaceState(null, '', '#glossaries');
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    const { root } = await openOptions();
    const heading = root.querySelector('#glossaries-title');
    expect(heading?.textContent).toBe('Glossaries');
    expect(document.activeElement).toBe(heading);
    expect(scrolled.mock.contexts[0]).toBe(root.querySelector('#glossaries'));
  });

  it('leaves the page alone for an address that names no section', async () => {
    history.replaceState(null, '', '#nothing-here');
    const { root } = await openOptions();
    expect(root.querySelector('h1')).not.toBeNull();
    expect(document.activeElement).toBe(document.body);
  });
});

describe('switches and choices', () => {
  it.each([
    ['badge-switch', { showBadge: false }],
    ['skip-code', { skipCode: false }],
    ['master-switch', { enabled: false }],
    ['context-gate', { contextGate: { enabled: false, threshold: 2 } }],
  ])('%s saves %j', async (id, patch) => {
    const { root, save } = await openOptions();
    await click(byTestId(root, id));
    expect(save).toHaveBeenCalledWith(patch);
    expect(byTestId(root, id).getAttribute('aria-checked')).toBe('false');
  });

  it.each([
    ['occurrences', 'first', { occurrences: 'first' }],
    ['theme', 'dark', { theme: 'dark' }],
    ['trigger', 'click', { trigger: 'click' }],
    ['site-mode', 'only', { siteRules: { mode: 'only', patterns: [] } }],
  ])('%s → %s saves the choice', async (group, value, patch) => {
    const { root, save } = await openOptions();
    await click(radio(root, group, value));
    expect(save).toHaveBeenCalledWith(patch);
  });

  it('says which trigger also opens the card when Tab reaches a link that names a term', async () => {
    const { root } = await openOptions();
    const hints = Object.fromEntries(
      [...root.querySelectorAll<HTMLInputElement>('[data-testid="trigger"] input[name]')].map((r) => [
        r.value,
        r.closest('label')?.querySelector('.hint')?.textContent,
      ]),
    );
    expect(hints).toEqual({
      hover: 'Also when Tab reaches a link that names one',
      click: 'Not on keyboard focus; the next- and previous-term keys still open cards',
      'hover-modifier': 'Not on keyboard focus; the next- and previous-term keys still open cards',
    });
  });

  it('asks which key to hold only when the trigger needs one', async () => {
    const { root, save } = await openOptions();
    expect(root.querySelector('select')).toBeNull();
    await click(radio(root, 'trigger', 'hover-modifier'));
    const select = root.querySelector('select')!;
    expect([...select.options].map((o) => o.value)).toEqual(['Alt', 'Control', 'Shift', 'Meta']);
    // It comes right after its own choice, the last of the group, not under another one.
    const choices = [...root.querySelectorAll<HTMLInputElement>('input[name]')].filter((r) => r.closest('[data-testid="trigger"]'));
    expect(choices.at(-1)?.value).toBe('hover-modifier');
    select.value = 'Shift';
    await act(() => {
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(save).toHaveBeenLastCalledWith({ modifierKey: 'Shift' });
  });
});

describe('delays and the threshold', () => {
  it('store a typed number when it is committed', async () => {
    const { api, root, save } = await openOptions();
    await enter(byTestId(root, 'hover-delay'), '650');
    expect(save).toHaveBeenCalledWith({ hoverDelayMs: 650 });
    expect(api.state.sync.hoverDelayMs).toBe(650);
  });

  it('bring a number into range rather than refuse it', async () => {
    const { api, root, save } = await openOptions();
    const hide = byTestId<HTMLInputElement>(root, 'hide-delay');
    await enter(hide, '99999');
    expect(save).toHaveBeenCalledWith({ hideDelayMs: 2000 });
    expect(hide.value).toBe('2000');
    // And say so, where a screen reader hears it too.
    const said = hide.closest('.number-field')!.querySelector('[role="status"]')!;
    expect(said.textContent).toBe('Set to 2000: 99999 is outside that range.');
    await enter(hide, '700');
    expect(said.textContent).toBe('');
    // A value changed elsewhere (another tab) makes what was said stale.
    await enter(hide, '99999');
    expect(said.textContent).toBe('Set to 2000: 99999 is outside that range.');
    await act(() => api.saveSettings({ hideDelayMs: 500 }));
    await settle();
    expect(hide.value).toBe('500');
    expect(said.textContent).toBe('');
  });

  /** What a screen reader says after the box's name: the text of the elements it is described by. */
  const description = (box: Element) =>
    (box.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' ');

  it('say the unit to a screen reader, not only the range', async () => {
    const { root } = await openOptions();
    expect(description(byTestId(root, 'hover-delay'))).toBe('From 0 to 2000 milliseconds');
    expect(description(byTestId(root, 'hide-delay'))).toBe('From 0 to 2000 milliseconds');
  });

  it('round a fraction to a whole number, and say so', async () => {
    const { root, save } = await openOptions({ sync: { contextGate: { enabled: true, threshold: 5 } } });
    const hide = byTestId<HTMLInputElement>(root, 'hide-delay');
    const said = hide.closest('.number-field')!.querySelector('[role="status"]')!;
    await enter(hide, '12.7');
    expect(save).toHaveBeenLastCalledWith({ hideDelayMs: 13 });
    expect(hide.value).toBe('13');
    expect(said.textContent).toBe('Set to 13: whole milliseconds only.');
    // Rounded up to the top of the range, it was still inside it.
    await enter(hide, '1999.6');
    expect(said.textContent).toBe('Set to 2000: whole milliseconds only.');
    const threshold = byTestId<HTMLInputElement>(root, 'context-threshold');
    await enter(threshold, '2.5');
    expect(threshold.closest('.number-field')!.querySelector('[role="status"]')!.textContent).toBe('Set to 3: whole numbers only.');
  });

  it('drop what they said of the last typing once turned off', async () => {
    const { root } = await openOptions();
    const open = byTestId<HTMLInputElement>(root, 'hover-delay');
    const said = open.closest('.number-field')!.querySelector('[role="status"]')!;
    await enter(open, '412.6');
    expect(said.textContent).toBe('Set to 413: whole milliseconds only.');
    await click(radio(root, 'trigger', 'click'));
    expect(open.disabled).toBe(true);
    expect(said.textContent).toBe('');
  });

  it('say why the hover delay is off while a click opens the card', async () => {
    const { root } = await openOptions({ sync: { trigger: 'click' } });
    const open = byTestId<HTMLInputElement>(root, 'hover-delay');
    expect(open.disabled).toBe(true);
    const field = open.closest('.number-field')!;
    expect(field.textContent).toContain('Opens on click: no delay.');
    expect(description(open)).toBe('Opens on click: no delay.');
    await click(radio(root, 'trigger', 'hover'));
    expect(open.disabled).toBe(false);
    expect(field.textContent).not.toContain('Opens on click');
    expect(description(open)).toBe('From 0 to 2000 milliseconds');
  });

  it('put back the stored value when the box is left empty', async () => {
    const { root, save } = await openOptions({ sync: { contextGate: { enabled: true, threshold: 5 } } });
    const threshold = byTestId<HTMLInputElement>(root, 'context-threshold');
    await enter(threshold, '');
    expect(save).not.toHaveBeenCalled();
    expect(threshold.value).toBe('5');
  });
});

describe('site rules', () => {
  const addSite = async (root: Element, text: string) => {
    const form = root.querySelector<HTMLFormElement>('.site-add')!;
    const input = form.querySelector('input')!;
    input.value = text;
    await act(() => {
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await settle();
    return form;
  };

  it('adds a pasted address as its site', async () => {
    const { api, root } = await openOptions();
    await addSite(root, 'https://Docs.Example.com/path?q=1');
    expect(api.state.sync.siteRules).toEqual({ mode: 'all-except', patterns: ['docs.example.com'] });
    expect(byTestId(root, 'site-list').textContent).toContain('docs.example.com');
  });

  it('says what it added, and what of a pasted address it left out', async () => {
    const { root } = await openOptions();
    const said = () => byTestId(root, 'site-added').textContent;
    await addSite(root, 'arxiv.org');
    expect(said()).toBe('Added arxiv.org.');
    await addSite(root, 'https://docs.example.com/guide?page=2');
    expect(said()).toBe('Added docs.example.com. A rule is for a whole site, so the rest of the address was left out.');
    await addSite(root, 'localhost:8080');
    expect(said()).toBe('Added localhost. A rule is for a whole site, on every port, so the port was left out.');
    await addSite(root, '*.com');
    expect(said()).toBe('Added *.com: it covers every site whose address ends in .com.');
    // Typing again clears it; a refused site says nothing of the last one added.
    await addSite(root, 'ftp://x.org');
    expect(said()).toBe('');
  });

  it('says a site listed already covers a subdomain, and adds nothing', async () => {
    const { api, root } = await openOptions();
    await addSite(root, 'example.com');
    const form = await addSite(root, 'https://docs.example.com/');
    expect(form.querySelector('[role=alert]')?.textContent).toBe('example.com already covers docs.example.com.');
    expect(api.state.sync.siteRules).toEqual({ mode: 'all-except', patterns: ['example.com'] });
  });

  it('sees a site typed in its other form, Unicode or ASCII, as already listed', async () => {
    const { api, root } = await openOptions();
    await addSite(root, 'bücher.de');
    const form = await addSite(root, 'xn--bcher-kva.de');
    expect(form.querySelector('[role=alert]')?.textContent).toBe('xn--bcher-kva.de is already listed, as bücher.de.');
    expect(api.state.sync.siteRules).toEqual({ mode: 'all-except', patterns: ['bücher.de'] });
    // The list shows the site as the user wrote it.
    expect(byTestId(root, 'site-list').textContent).toContain('bücher.de');
  });

  it.each([
    [`${'a'.repeat(300)}.com`, 'Each part of a site between dots may be at most 63 characters long, not 300.'],
  ])('refuses %s, a name no site can have', async (typed, message) => {
    const { api, root } = await openOptions();
    const form = await addSite(root, typed);
    expect(form.querySelector('[role=alert]')?.textContent).toBe(message);
    expect(api.state.sync).toEqual({});
  });

  it('explains what is wrong with a pattern and stores nothing', async () => {
    const { api, root, save } = await openOptions();
    const form = await addSite(root, 'ftp://files.example.com');
    expect(form.querySelector('[role=alert]')?.textContent).toBe('Termlight runs only on http and https pages, not on ftp: ones.');
    expect(form.querySelector('input')?.getAttribute('aria-invalid')).toBe('true');
    expect(save).not.toHaveBeenCalled();
    expect(api.state.sync).toEqual({});
  });

  it('says what is wrong through the message catalogue', async () => {
    const api = { ...createMemoryApi(), t: (key: string, subs?: string | string[]) => `${key}(${[subs ?? []].flat().join('|')})` };
    const root = await renderPage(api, <Options />);
    const form = await addSite(root, 'FTP://files.example.com');
    expect(form.querySelector('[role=alert]')?.textContent).toBe('optSitesRefused(siteScheme(ftp))');
    await addSite(root, '*.*');
    expect(form.querySelector('[role=alert]')?.textContent).toBe('optSitesRefused(siteTooBroad())');
  });

  /** Adds `b.org` while the browser refuses every write, in `words`; the form. */
  async function addRefused(root: Element, save: ReturnType<typeof vi.spyOn>, words: string) {
    save.mockRejectedValue(new Error(words));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const form = await addSite(root, 'b.org');
    await settle();
    return form;
  }

  it('says so when the browser has no room for a longer list, and keeps what was typed', async () => {
    const sync = { siteRules: { mode: 'all-except', patterns: ['a.org'] } };
    const { api, root, save } = await openOptions({ sync: structuredClone(sync) });
    const form = await addRefused(root, save, 'QUOTA_BYTES_PER_ITEM quota exceeded');
    expect(form.querySelector('[role=alert]')?.textContent).toBe(
      'b.org was not added: the browser has no room left for it in the extension’s storage.');
    expect(form.querySelector('input')?.value).toBe('b.org');
    // The page shows what is stored, not the change that failed.
    expect(byTestId(root, 'site-list').textContent).not.toContain('b.org');
    expect(api.state.sync).toEqual(sync);
  });

  it('tells the browser’s limit on how often it may be written from a want of room', async () => {
    const { root, save } = await openOptions();
    const form = await addRefused(root, save, 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.');
    expect(form.querySelector('[role=alert]')?.textContent).toBe(
      'b.org was not added: the browser takes only so many changes a minute; try again in a minute.');
  });

  it('removes one site and keeps the others', async () => {
    const { api, root } = await openOptions({ sync: { siteRules: { mode: 'all-except', patterns: ['a.org', 'b.org'] } } });
    await click(root.querySelector<HTMLButtonElement>('[aria-label="Remove a.org"]')!);
    expect(api.state.sync.siteRules).toEqual({ mode: 'all-except', patterns: ['b.org'] });
  });

  it('keeps the keyboard’s place: focus goes to the next site, then to the box once none is left', async () => {
    const { root } = await openOptions({ sync: { siteRules: { mode: 'all-except', patterns: ['a.org', 'b.org'] } } });
    await click(root.querySelector<HTMLButtonElement>('[aria-label="Remove a.org"]')!);
    await settle();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove b.org');
    await click(root.querySelector<HTMLButtonElement>('[aria-label="Remove b.org"]')!);
    await settle();
    expect(document.activeElement).toBe(root.querySelector('.site-add input'));
  });
});

describe('keyboard shortcuts', () => {
  const commands = [
    { name: 'next-term', description: 'Go to the next term on the page', shortcut: 'Alt+Shift+J' },
    { name: '_execute_action', description: '', shortcut: '' },
    { name: 'toggle-highlighting', description: 'Turn highlighting on or off', shortcut: 'Alt+Shift+L' },
  ];

  it('lists the current shortcuts, the toggle first', async () => {
    const { root } = await openOptions({ commands });
    const rows = [...byTestId(root, 'shortcuts').querySelectorAll('tr')].map((tr) => tr.textContent);
    expect(rows).toEqual([
      'Turn highlighting on or offAlt+Shift+L',
      'Go to the next term on the pageAlt+Shift+J',
      'Open the Termlight popupNot set',
    ]);
  });

  it('explains where to go when the browser cannot open its shortcut settings', async () => {
    const { root } = await openOptions({ commands, shortcutSettings: false });
    const change = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Change shortcuts')!;
    await click(change);
    expect(root.querySelector('#shortcuts .note')?.textContent).toContain('Manage Extension Shortcuts');
  });
});
