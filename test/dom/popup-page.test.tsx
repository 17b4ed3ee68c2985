import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { PageTermsReport } from '../../src/core/messages';
import { Popup } from '../../src/popup/Popup';
import { bundledPacks } from '../../src/core/glossary/bundled';
import { createMemoryApi, type MemoryState } from '../../src/ui/memory-api';
import { renderPage, settle, typeInto, unmountPages } from './page-harness';

const REPORT: PageTermsReport = {
  status: 'ok',
  url: 'https://blog.example.com/what-is-a-foundation-model',
  terms: [
    { entryId: 'foundation-model', packId: 'foundation-models', term: 'foundation model', count: 4, firstIndex: 0 },
    { entryId: 'pre-training', packId: 'foundation-models', term: 'pre-training', count: 2, firstIndex: 4 },
    { entryId: 'rlhf', packId: 'foundation-models', term: 'RLHF', count: 1, firstIndex: 9 },
  ],
};

async function openPopup(init: Partial<MemoryState> = {}, props: { tabId?: number } = {}) {
  const api = createMemoryApi({ activeTab: { id: 7 }, pages: new Map([[7, REPORT]]), ...init });
  const onDone = vi.fn();
  const root = await renderPage(api, <Popup {...props} onDone={onDone} />);
  return { api, root, onDone };
}

const buttonsIn = (root: Element, selector: string) => [...root.querySelectorAll<HTMLButtonElement>(`${selector} button`)];
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const type = (root: Element, value: string) => typeInto(root.querySelector<HTMLInputElement>('input[type=search]')!, value);

afterEach(unmountPages);

describe('the terms on this page', () => {
  it('are listed in page order with their counts', async () => {
    const { root } = await openPopup();
    const items = buttonsIn(root, '[data-testid=page-terms]');
    expect(items.map((b) => b.querySelector('.term-name')?.textContent)).toEqual(['foundation model', 'pre-training', 'RLHF']);
    expect(items.map((b) => b.querySelector('.term-count')?.textContent)).toEqual(['4', '2', '1']);
    expect(text(root.querySelector('#page-terms-heading'))).toBe('On this page 3');
  });

  it('are one stop for Tab, walked with the arrow keys', async () => {
    const { root } = await openPopup();
    const list = root.querySelector<HTMLElement>('[data-testid=page-terms]')!;
    const items = buttonsIn(root, '[data-testid=page-terms]');
    const stops = () => items.map((b) => b.tabIndex);
    expect(list.tabIndex).toBe(-1);
    expect(stops()).toEqual([0, -1, -1]);
    items[0]!.focus();
    const arrow = (key: string) => act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
    await arrow('ArrowDown');
    expect(document.activeElement).toBe(items[1]);
    expect(stops()).toEqual([-1, 0, -1]);
    await arrow('End');
    expect(document.activeElement).toBe(items[2]);
    // Tab leaves from, and comes back to, the term last used; a click makes it that one too.
    expect(stops()).toEqual([-1, -1, 0]);
    await act(() => items[0]!.focus());
    expect(stops()).toEqual([0, -1, -1]);
  });

  it('choosing one reveals its first mark on the page and closes the popup', async () => {
    const { api, root, onDone } = await openPopup();
    await act(() => buttonsIn(root, '[data-testid=page-terms]')[1]!.click());
    await settle();
    expect(api.state.revealed).toEqual([{ tabId: 7, occurrence: 4 }]);
    expect(onDone).toHaveBeenCalled();
  });

  it('choosing one that a frame of the page marks reveals it in that frame', async () => {
    const framed: PageTermsReport = { ...REPORT, terms: [...REPORT.terms, { entryId: 'dpo', packId: 'foundation-models', term: 'DPO', count: 2, firstIndex: 3, frameId: 5 }] };
    const { api, root } = await openPopup({ pages: new Map([[7, framed]]) });
    await act(() => buttonsIn(root, '[data-testid=page-terms]')[3]!.click());
    await settle();
    expect(api.state.revealed).toEqual([{ tabId: 7, occurrence: 3, frameId: 5 }]);
  });

  it('come from the tab named by ?tab=, not the active tab', async () => {
    const other: PageTermsReport = { ...REPORT, terms: [REPORT.terms[2]!] };
    const { api, root } = await openPopup({ pages: new Map([[7, REPORT], [12, other]]) }, { tabId: 12 });
    expect(buttonsIn(root, '[data-testid=page-terms]').map((b) => b.querySelector('.term-name')?.textContent)).toEqual(['RLHF']);
    await act(() => buttonsIn(root, '[data-testid=page-terms]')[0]!.click());
    expect(api.state.revealed).toEqual([{ tabId: 12, occurrence: 9 }]);
  });

  it('on a page without terms, says so', async () => {
    const { root } = await openPopup({ pages: new Map([[7, { ...REPORT, terms: [] }]]) });
    expect(root.querySelector('[data-testid=page-terms]')).toBeNull();
    expect(text(root.querySelector('[data-testid=page-status]'))).toBe('No glossary terms on this page.');
  });
});

describe('a page where Termlight cannot run', () => {
  it('says so plainly instead of showing an empty list, and offers a reload on a web page', async () => {
    // A web page opened before Termlight was installed: a reload brings its content script.
    const { api, root } = await openPopup({ activeTab: { id: 7, url: 'https://blog.example.com/old-tab' }, pages: new Map([[7, 'no-content-script']]) });
    const status = root.querySelector('[data-testid=page-status]');
    expect(status?.getAttribute('data-kind')).toBe('unavailable');
    expect(text(status)).toContain('Termlight can’t run on this page');
    // With access to every site, nothing suggests asking for it.
    expect(status?.querySelector('[data-testid=no-access]')).toBeNull();
    expect(root.querySelector('[data-testid=page-terms]')).toBeNull();
    expect(root.querySelector('[data-testid=site-switch]')).toBeNull();
    await act(() => status!.querySelector<HTMLButtonElement>('[data-testid=reload] button')!.click());
    expect(api.state.reloaded).toEqual([7]);
  });

  it('offers no reload where no extension may run, however its address is hidden or shown', async () => {
    const pages = ['chrome-extension://abcdef/options.html', 'moz-extension://1234/popup.html', 'about:addons', 'chrome://extensions/',
      'https://chromewebstore.google.com/detail/x/abc', 'https://addons.mozilla.org/en-US/firefox/', 'https://example.com/paper.pdf', undefined];
    for (const url of pages) {
      const { root } = await openPopup({ activeTab: url ? { id: 7, url } : { id: 7 }, pages: new Map([[7, 'no-content-script']]) });
      const status = root.querySelector('[data-testid=page-status]');
      expect(text(status), url).toContain('Termlight can’t run on this page');
      expect(text(status), url).not.toContain('Reload');
      expect(status?.querySelector('button'), url).toBeNull();
      unmountPages();
    }
  });

  it('says of a file on this computer that it marks web pages only, with no reload to offer', async () => {
    for (const url of ['file:///home/me/notes.html', 'file:///home/me/paper.pdf']) {
      const { root } = await openPopup({ activeTab: { id: 7, url }, pages: new Map([[7, 'no-content-script']]) });
      const status = root.querySelector('[data-testid=page-status]');
      expect(status?.getAttribute('data-kind'), url).toBe('not-web');
      expect(text(status), url).toContain('http or https');
      expect(status?.querySelector('button'), url).toBeNull();
      unmountPages();
    }
  });
});

describe('when the user took away Termlight’s access to sites', () => {
  it('says so where it cannot run, and asks for access again, reloading the page once granted', async () => {
    const { api, root, onDone } = await openPopup({ pages: new Map(), pageAccess: false });
    await settle();
    const status = root.querySelector('[data-testid=page-status]');
    expect(status?.getAttribute('data-kind')).toBe('unavailable');
    expect(text(status?.querySelector('[data-testid=no-access]') ?? null)).toContain('keep Termlight off some sites');
    await act(() => status!.querySelector<HTMLButtonElement>('[data-testid=no-access] button')!.click());
    await settle();
    expect(api.state.pageAccess).toBe(true);
    expect(api.state.reloaded).toEqual([7]);
    expect(onDone).toHaveBeenCalled();
  });

  it('leaves the page alone when the user says no', async () => {
    const { api, root } = await openPopup({ pages: new Map(), pageAccess: false, grants: false });
    await settle();
    await act(() => root.querySelector<HTMLButtonElement>('[data-testid=no-access] button')!.click());
    await settle();
    expect(api.state.reloaded).toEqual([]);
  });
});

describe('a page that is not a web page', () => {
  it('says Termlight marks web pages, rather than that it is off on this site', async () => {
    const local: PageTermsReport = { status: 'site-off', url: 'file:///home/me/notes.html', terms: [] };
    const { root } = await openPopup({ pages: new Map([[7, local]]) });
    const status = root.querySelector('[data-testid=page-status]');
    expect(status?.getAttribute('data-kind')).toBe('not-web');
    expect(text(status)).toBe('Termlight marks terms on web pages: those whose address starts with http or https.');
    expect(root.querySelector('[data-testid=site-switch]')).toBeNull();
  });
});

describe('a page still loading', () => {
  /** Lets the popup's timers run, a turn at a time, until `check` holds or a few seconds pass. */
  async function waitUntil(check: () => boolean): Promise<void> {
    for (const end = performance.now() + 4000; !check() && performance.now() < end; ) {
      await act(() => new Promise<void>((ok) => setTimeout(ok, 50)));
    }
  }
  const kind = (root: Element) => root.querySelector('[data-testid=page-status]')?.getAttribute('data-kind') ?? null;

  it('says it is loading, then lists the terms once the page’s content script answers', async () => {
    // The popup's clock stands still, so its grace period for a late answer cannot run out
    // however slowly this test runs; its timers still do.
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => void vi.useRealTimers());
    const { api, root } = await openPopup({ pages: new Map(), loading: new Set([7]) });
    expect(kind(root)).toBe('loading');
    // The page loads; its content script answers a moment later. Meanwhile the popup does not
    // claim that Termlight cannot run there.
    api.state.loading.clear();
    await act(() => new Promise<void>((ok) => setTimeout(ok, 900)));
    expect(kind(root)).toBe('loading');
    api.state.pages.set(7, REPORT);
    await waitUntil(() => root.querySelector('[data-testid=page-terms]') !== null);
    expect(buttonsIn(root, '[data-testid=page-terms]')).toHaveLength(3);
    expect(kind(root)).toBeNull();
  });
});

describe('searching every glossary', () => {
  it('finds a term that is not on the page, with its definition', async () => {
    const { root } = await openPopup();
    await type(root, 'human feedback');
    const results = buttonsIn(root, '[data-testid=search-results]');
    expect(results[0]?.querySelector('.result-term')?.textContent).toBe('RLHF');
    expect(results[0]?.querySelector('.result-definition')?.textContent).toMatch(/\w{3,}/);
    // Its name is the term; the definition describes it, so a screen reader need not read it all.
    const byId = (ids: string | null) => (ids ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' ');
    expect(byId(results[0]!.getAttribute('aria-labelledby'))).toBe('RLHF');
    expect(byId(results[0]!.getAttribute('aria-describedby'))).toBe(results[0]!.querySelector('.result-definition')!.textContent);
    expect(root.querySelector('[data-testid=page-terms]')).toBeNull();
  });

  it('ArrowDown in the box reaches the results, ArrowUp from the first comes back; still one Tab stop', async () => {
    const { root } = await openPopup();
    const box = root.querySelector<HTMLInputElement>('input[type=search]')!;
    await type(root, 'rl');
    box.focus();
    const press = (key: string) => act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
    const results = buttonsIn(root, '[data-testid=search-results]');
    await press('ArrowDown');
    expect(document.activeElement).toBe(results[0]);
    await press('ArrowDown');
    expect(document.activeElement).toBe(results[1]);
    expect(results.map((b) => b.tabIndex).filter((i) => i === 0)).toHaveLength(1);
    await press('ArrowUp');
    await press('ArrowUp');
    expect(document.activeElement).toBe(box);
  });

  it('ranks a matching name above a matching definition, and finds aliases', async () => {
    const { root } = await openPopup();
    await type(root, 'LLM');
    expect(buttonsIn(root, '[data-testid=search-results]')[0]?.querySelector('.result-term')?.textContent).toBe('large language model');
  });

  it('finds a term typed as the page writes it: plural or possessive', async () => {
    const { root } = await openPopup();
    const first = () => buttonsIn(root, '[data-testid=search-results]')[0]?.querySelector('.result-term')?.textContent;
    for (const [typed, term] of [['LLMs', 'large language model'], ["LLM's", 'large language model'], ['guardrails', 'guardrails'], ['foundation models', 'foundation model']]) {
      await type(root, typed!);
      expect(first(), typed).toBe(term);
    }
  });

  it('lists terms named with the word before entries that only mention it elsewhere', async () => {
    const { root } = await openPopup();
    await type(root, 'model');
    const found = buttonsIn(root, '[data-testid=search-results]').map((b) => b.querySelector('.result-term')?.textContent ?? '');
    expect(found).toHaveLength(8);
    expect(found.filter((term) => !/\bmodel/i.test(term))).toEqual([]);
  });

  it('opens the glossary page at the chosen term', async () => {
    const { api, root, onDone } = await openPopup();
    await type(root, 'pretraining');
    await act(() => buttonsIn(root, '[data-testid=search-results]')[0]!.click());
    await settle();
    expect(api.state.opened).toEqual(['glossary.html#pre-training']);
    expect(onDone).toHaveBeenCalled();
  });

  it('leaves out glossaries that are off', async () => {
    const own = { id: 'own', name: 'Own', version: '1.0.0', language: 'en', entries: [{ id: 'x', term: 'eval harness', definition: 'Scoring scripts.', category: 'resource' as const }] };
    const { root } = await openPopup({ userGlossaries: [own], sync: { disabledGlossaries: ['foundation-models'] } });
    await type(root, 'RLHF');
    expect(root.querySelector('[data-testid=search-results]')).toBeNull();
    expect(text(root.querySelector('.empty'))).toContain('No term matches “RLHF”.');
    expect(text(root.querySelector('[data-testid=search-status]'))).toBe('No term matches “RLHF”.');
  });

  it('says every glossary is off, not that nothing matches, and leads to the glossaries in the settings', async () => {
    const { api, root, onDone } = await openPopup({ sync: { disabledGlossaries: ['foundation-models'] } });
    await type(root, 'RLHF');
    expect(text(root.querySelector('[data-testid=all-off]'))).toBe('Every glossary is off. Turn one on in the settings');
    expect(text(root.querySelector('[data-testid=search-status]'))).toBe('Every glossary is off.');
    await act(() => buttonsIn(root, '[data-testid=all-off]')[0]!.click());
    await settle();
    expect(api.state.opened).toEqual(['options.html#glossaries']);
    expect(onDone).toHaveBeenCalled();
  });

  it('says how many terms match, through a status that was there before the search', async () => {
    const { root } = await openPopup();
    const status = root.querySelector('[data-testid=search-status]');
    expect(status?.getAttribute('role')).toBe('status');
    expect(text(status)).toBe('');
    await type(root, 'rlhf');
    expect(root.querySelector('[data-testid=search-status]')).toBe(status);
    const few = buttonsIn(root, '[data-testid=search-results]').length;
    expect(few).toBeGreaterThan(0);
    expect(few).toBeLessThan(8);
    expect(text(status)).toBe(`Matching terms: ${few}`);
    // More match than the list holds: the status counts them all.
    await type(root, 'model');
    // Counted here from the glossary itself: a term or name holding "model", or a definition
    // with a word starting so.
    const names = (e: (typeof bundledPacks)[number]['entries'][number]) => [e.term, ...(e.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text))];
    const all = bundledPacks.flatMap((p) => p.entries).filter((e) => names(e).some((n) => /model/i.test(n)) || /(^|[^\p{L}\p{N}])model/iu.test(e.definition)).length;
    expect(all).toBeGreaterThan(8);
    expect(text(status)).toBe(`Matching terms: ${all}; the first 8 are listed`);
    await type(root, '');
    expect(text(status)).toBe('');
  });

  it('brings the page list back when the box is cleared', async () => {
    const { root } = await openPopup();
    await type(root, 'token');
    await type(root, '');
    expect(root.querySelector('[data-testid=page-terms]')).not.toBeNull();
  });
});
