import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageTermsReport } from '../../src/core/messages';
import type { SiteRules } from '../../src/core/settings';
import { Popup } from '../../src/popup/Popup';
import { createMemoryApi, type MemoryState } from '../../src/ui/memory-api';
import { click, renderPage, settle, unmountPages } from './page-harness';

const REPORT: PageTermsReport = {
  status: 'ok',
  url: 'https://www.example.com/post',
  terms: [{ entryId: 'token', packId: 'foundation-models', term: 'token', count: 2, firstIndex: 0 }],
};

async function openPopup(init: Partial<MemoryState> = {}) {
  const api = createMemoryApi({ activeTab: { id: 3 }, pages: new Map([[3, REPORT]]), ...init });
  const save = vi.spyOn(api, 'saveSettings');
  const root = await renderPage(api, <Popup />);
  return { api, root, save };
}

const switchOf = (root: Element, id: string) => root.querySelector<HTMLButtonElement>(`[data-testid=${id}]`)!;
const status = (root: Element) => root.querySelector('[data-testid=page-status]')?.getAttribute('data-kind');

afterEach(unmountPages);

describe('the master switch', () => {
  it('turns highlighting off everywhere and says so at once', async () => {
    const { api, root, save } = await openPopup();
    const master = switchOf(root, 'master-switch');
    expect(master.getAttribute('role')).toBe('switch');
    expect(master.getAttribute('aria-checked')).toBe('true');
    await click(master);
    expect(save).toHaveBeenCalledWith({ enabled: false });
    expect(api.state.sync.enabled).toBe(false);
    expect(master.getAttribute('aria-checked')).toBe('false');
    expect(status(root)).toBe('disabled');
    // The site switch means nothing while everything is off, and says so: it keeps the site's
    // choice for when highlighting is back on.
    const site = switchOf(root, 'site-switch');
    expect(site.disabled).toBe(true);
    expect(document.getElementById(site.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^Off everywhere for now/);
  });

  it('turned back on, stores nothing: on is the default', async () => {
    const { api, root, save } = await openPopup({ sync: { enabled: false } });
    await click(switchOf(root, 'master-switch'));
    expect(save).toHaveBeenLastCalledWith({ enabled: true });
    expect(api.state.sync).not.toHaveProperty('enabled');
  });

  it('follows a change made elsewhere (the keyboard command, another device)', async () => {
    const { api, root } = await openPopup();
    await act(() => api.saveSettings({ enabled: false }));
    await settle();
    expect(switchOf(root, 'master-switch').getAttribute('aria-checked')).toBe('false');
  });
});

describe('"on this site"', () => {
  it('names the site and turns it off with a rule for the whole site', async () => {
    const { api, root, save } = await openPopup();
    const site = switchOf(root, 'site-switch');
    expect(root.querySelector(`label[for="${site.id}"]`)?.textContent).toBe('Highlight on example.com');
    await click(site);
    expect(save).toHaveBeenCalledWith({ siteRules: { mode: 'all-except', patterns: ['example.com'] } });
    expect(api.state.sync.siteRules).toEqual({ mode: 'all-except', patterns: ['example.com'] });
    expect(site.getAttribute('aria-checked')).toBe('false');
    expect(status(root)).toBe('site-off');
  });

  it('keeps the other sites in the list when turning one back on', async () => {
    const { api, root } = await openPopup({ sync: { siteRules: { mode: 'all-except', patterns: ['news.org', 'example.com'] } } });
    await click(switchOf(root, 'site-switch'));
    expect(api.state.sync.siteRules).toEqual({ mode: 'all-except', patterns: ['news.org'] });
  });

  it('names a broad rule it had to remove', async () => {
    const { api, root } = await openPopup({ sync: { siteRules: { mode: 'all-except', patterns: ['*.com'] } } });
    const site = switchOf(root, 'site-switch');
    expect(site.getAttribute('aria-checked')).toBe('false');
    await click(site);
    expect(api.state.sync).not.toHaveProperty('siteRules');
    expect(root.querySelector('.site .note')?.textContent).toBe('Also removed the rule “*.com”, which kept Termlight off this site and maybe others. Undo');
  });

  describe('the note on a removed rule', () => {
    const LOCALHOST: PageTermsReport = { ...REPORT, url: 'http://localhost:3000/' };
    const openLocalhost = (siteRules: SiteRules = { mode: 'all-except', patterns: ['local*', 'example.com'] }) =>
      openPopup({ pages: new Map([[3, LOCALHOST]]), sync: { siteRules } });
    const note = (root: Element) => root.querySelector('.site .note')?.textContent ?? null;

    it('goes when the switch is turned off again, which puts a rule for the site back', async () => {
      const { api, root } = await openLocalhost();
      const site = switchOf(root, 'site-switch');
      await click(site);
      expect(note(root)).toBe('Also removed the rule “local*”, which kept Termlight off this site and maybe others. Undo');
      await click(site);
      expect(api.state.sync.siteRules).toEqual({ mode: 'all-except', patterns: ['example.com', 'localhost'] });
      expect(note(root)).toBeNull();
    });

    it('offers to undo: the rules come back as they were, the focus back on the switch', async () => {
      const { api, root } = await openLocalhost();
      const site = switchOf(root, 'site-switch');
      await click(site);
      expect(api.state.sync.siteRules).toEqual({ mode: 'all-except', patterns: ['example.com'] });
      await click(root.querySelector<HTMLElement>('[data-testid=undo-removed-rules]')!);
      expect(api.state.sync.siteRules).toEqual({ mode: 'all-except', patterns: ['local*', 'example.com'] });
      expect(site.getAttribute('aria-checked')).toBe('false');
      expect(note(root)).toBeNull();
      expect(document.activeElement).toBe(site);
    });

    it('says what the rules did in "only these sites" mode: they let Termlight run', async () => {
      const { root } = await openLocalhost({ mode: 'only', patterns: ['local*', 'localhost', 'example.com'] });
      await click(switchOf(root, 'site-switch'));
      expect(note(root)).toBe('Also removed the rule “local*”, which let Termlight run on this site and maybe others. Undo');
    });

    it('names several rules as rules', async () => {
      const { root } = await openLocalhost({ mode: 'all-except', patterns: ['local*', '*host', 'example.com'] });
      await click(switchOf(root, 'site-switch'));
      expect(note(root)).toBe('Also removed the rules “local*”, “*host”, which kept Termlight off this site and maybe others. Undo');
    });

    it('names the first three of many rules and counts the rest, so the note stays short', async () => {
      const patterns = ['local*', '*host', 'l*t', 'lo*', '*ost', 'example.com'];
      const { api, root } = await openLocalhost({ mode: 'all-except', patterns });
      await click(switchOf(root, 'site-switch'));
      expect(api.state.sync.siteRules).toEqual({ mode: 'all-except', patterns: ['example.com'] });
      expect(note(root)).toBe('Also removed the rules “local*”, “*host”, “l*t” and 2 more, which kept Termlight off this site and maybe others. Undo');
      // Undo still puts back every one of them.
      await click(root.querySelector<HTMLElement>('[data-testid=undo-removed-rules]')!);
      expect(api.state.sync.siteRules).toEqual({ mode: 'all-except', patterns });
    });

    it('goes when the rules change elsewhere (the options page, another device)', async () => {
      const { api, root } = await openLocalhost();
      await click(switchOf(root, 'site-switch'));
      expect(note(root)).not.toBeNull();
      await act(() => api.saveSettings({ siteRules: { mode: 'only', patterns: ['example.com'] } }));
      await settle();
      expect(note(root)).toBeNull();
    });
  });

  it('in "only on these sites" mode, turning on adds the site', async () => {
    const { api, root } = await openPopup({ sync: { siteRules: { mode: 'only', patterns: [] } } });
    await click(switchOf(root, 'site-switch'));
    expect(api.state.sync.siteRules).toEqual({ mode: 'only', patterns: ['example.com'] });
  });
});

describe('highlight style and colour', () => {
  it('store the choice and preview it', async () => {
    const { api, root, save } = await openPopup();
    const style = root.querySelector<HTMLInputElement>('[data-testid=highlight-style] input[value=solid]')!;
    await click(style);
    expect(save).toHaveBeenCalledWith({ highlightStyle: 'solid' });
    const color = root.querySelector<HTMLInputElement>('[data-testid=highlight-color] input[value=green]')!;
    expect(color.getAttribute('aria-label')).toBe('Green');
    await click(color);
    expect(save).toHaveBeenCalledWith({ highlightColor: 'green' });
    expect(api.state.sync).toMatchObject({ highlightStyle: 'solid', highlightColor: 'green' });
    const preview = root.querySelector('[data-testid=look-preview] .mark')!;
    expect(preview.className).toBe('mark mark-solid');
    expect(preview.getAttribute('style')).toContain('var(--hl-green)');
  });

  it('say what "None" still does, while it is chosen', async () => {
    const { root } = await openPopup();
    const hint = () => root.querySelector('[data-testid=look-none-hint]')?.textContent ?? null;
    expect(hint()).toBeNull();
    await click(root.querySelector<HTMLInputElement>('[data-testid=highlight-style] input[value=none]')!);
    expect(hint()).toMatch(/their cards still open/);
    await click(root.querySelector<HTMLInputElement>('[data-testid=highlight-style] input[value=tint]')!);
    expect(hint()).toBeNull();
  });
});
