import { afterEach, describe, expect, it } from 'vitest';
import { makeMessage } from '../../src/core/messages';
import type { TestPage } from './support/browsers';
import { BROWSERS, useBrowser } from './support/suite';

/*
 * The popup is opened as an ordinary tab at `popup.html?tab=<id>`: opened that way it would
 * otherwise take itself for the active tab. Tab ids come from an extension page that asks every
 * tab's content script for its address (without the "tabs" permission `tab.url` is empty).
 */

type Env = ReturnType<typeof useBrowser>;
type Ext = typeof chrome;

const DEMO = '/fixtures/demo/foundation-models.html';

/** Ranges Termlight paints as terms (not the keyboard's current mark), from the page's main world. */
const painted = (page: TestPage) =>
  page.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('termlight-') && !name.startsWith('termlight-current')) n += h.size;
    return n;
  });

async function openDemo(env: Env, origin = env.server.origin): Promise<TestPage> {
  const page = await env.browser.newPage();
  await page.goto(origin + DEMO);
  await page.waitFor(() => [...CSS.highlights].some(([name, h]) => name.startsWith('termlight-') && h.size > 0), undefined, 10_000);
  return page;
}

/** An extension page for calling extension APIs from the test. */
async function openControl(env: Env): Promise<TestPage> {
  const page = await env.browser.newPage();
  await page.goto(env.browser.extensionUrl('options.html'));
  await page.waitFor(() => typeof chrome !== 'undefined' && !!chrome.storage?.sync, undefined, 10_000);
  return page;
}

function tabIdOf(control: TestPage, url: string): Promise<number> {
  return control.waitFor(
    async ({ url, message }) => {
      const api = (globalThis as { browser?: Ext }).browser ?? chrome;
      for (const tab of await api.tabs.query({})) {
        const report = await api.tabs.sendMessage(tab.id!, message, { frameId: 0 }).catch(() => null);
        if (report?.url === url) return tab.id!;
      }
      return 0;
    },
    { url, message: makeMessage('get-page-terms', {}) },
    10_000,
  );
}

/**
 * A page on 127.0.0.1 that embeds two frames, one from its own host and one from localhost (the
 * same page, three terms), an extension page to call extension APIs from, and the page's tab.
 */
async function openFramed(env: Env, track: (page: TestPage) => TestPage) {
  const other = env.server.otherOrigin.replace('127.0.0.1', 'localhost');
  const url = `${env.server.origin}/fixtures/hostile/frames.html?other=${encodeURIComponent(other)}`;
  const page = track(await env.browser.newPage());
  await page.goto(url);
  const control = track(await openControl(env));
  return { page, control, tabId: await tabIdOf(control, url) };
}

async function openPopup(env: Env, tabId: number): Promise<TestPage> {
  const popup = await env.browser.newPage();
  await popup.setViewport(360, 600);
  await popup.goto(env.browser.extensionUrl(`popup.html?tab=${tabId}`));
  await popup.waitFor(() => !!document.querySelector('[data-testid=master-switch]'), undefined, 10_000);
  return popup;
}

const click = (page: TestPage, selector: string) =>
  page.evaluate((s) => document.querySelector<HTMLElement>(s)!.click(), selector);
const checked = (page: TestPage, testId: string) =>
  page.evaluate((id) => document.querySelector(`[data-testid=${id}]`)!.getAttribute('aria-checked'), testId);
const listedTerms = (popup: TestPage) =>
  popup.waitFor(() => {
    const names = [...document.querySelectorAll('[data-testid=page-terms] .term-name')].map((n) => n.textContent ?? '');
    return names.length > 0 ? names : null;
  }, undefined, 10_000).then((names) => names!);

describe.each(BROWSERS)('%s: the popup', (name) => {
  const env = useBrowser(name);
  const opened: TestPage[] = [];
  const track = (page: TestPage) => (opened.push(page), page);

  afterEach(async () => {
    // Every test starts from the defaults.
    const control = await openControl(env);
    await control.evaluate(() => ((globalThis as { browser?: Ext }).browser ?? chrome).storage.sync.clear());
    await control.close();
    for (const page of opened.splice(0)) await page.close().catch(() => undefined);
  });

  it('stores the main switch, and shows the stored value when opened again', async () => {
    const control = track(await openControl(env));
    const own = await control.evaluate(async () => (await ((globalThis as { browser?: Ext }).browser ?? chrome).tabs.getCurrent())!.id!);
    const popup = track(await openPopup(env, own));
    expect(await checked(popup, 'master-switch')).toBe('true');
    await click(popup, '[data-testid=master-switch]');
    await control.waitFor(async () => (await ((globalThis as { browser?: Ext }).browser ?? chrome).storage.sync.get('enabled')).enabled === false);
    await popup.close();

    const again = track(await openPopup(env, own));
    await again.waitFor(() => document.querySelector('[data-testid=master-switch]')?.getAttribute('aria-checked') === 'false');
    expect(await control.evaluate(() => document.querySelector('[data-testid=master-switch]')!.getAttribute('aria-checked'))).toBe('false');
  });

  it('says plainly that it cannot run on a page without its content script', async () => {
    // An extension page stands in for browser pages, stores and viewers: no content script runs there.
    const control = track(await openControl(env));
    const own = await control.evaluate(async () => (await ((globalThis as { browser?: Ext }).browser ?? chrome).tabs.getCurrent())!.id!);
    const popup = track(await openPopup(env, own));
    const status = await popup.waitFor(() => {
      const el = document.querySelector('[data-testid=page-status][data-kind=unavailable]');
      return el?.textContent ?? null;
    });
    expect(status).toContain('Termlight can’t run on this page');
    // No reload could change that: none is offered.
    expect(status).not.toContain('Reload');
    expect(await popup.evaluate(() => document.querySelector('[data-testid=page-terms]'))).toBeNull();

    // Opened without ?tab=, the popup's own tab is the active one: its address is the browser's.
    const plain = track(await env.browser.newPage());
    await plain.setViewport(360, 600);
    await plain.goto(env.browser.extensionUrl('popup.html'));
    const ownStatus = await plain.waitFor(() => document.querySelector('[data-testid=page-status][data-kind=unavailable]')?.textContent ?? null, undefined, 10_000);
    expect(ownStatus).toContain('Termlight can’t run on this page');
    expect(ownStatus).not.toContain('Reload');
  });

  it('search: ArrowDown goes from the box to the results, ArrowUp back; the list is one Tab stop', async () => {
    const control = track(await openControl(env));
    const own = await control.evaluate(async () => (await ((globalThis as { browser?: Ext }).browser ?? chrome).tabs.getCurrent())!.id!);
    const popup = track(await openPopup(env, own));
    await popup.evaluate(() => document.querySelector<HTMLInputElement>('input[type=search]')!.focus());
    await popup.type('rl');
    await popup.waitFor(() => document.querySelectorAll('.result-item').length > 1);
    const focused = () => popup.evaluate(() => {
      const el = document.activeElement!;
      return el.matches('input[type=search]') ? 'box' : el.classList.contains('result-item') ? `result ${[...document.querySelectorAll('.result-item')].indexOf(el)}` : 'other';
    });
    await popup.press('ArrowDown');
    expect(await focused()).toBe('result 0');
    await popup.press('ArrowDown');
    expect(await focused()).toBe('result 1');
    await popup.press('ArrowUp');
    await popup.press('ArrowUp');
    expect(await focused()).toBe('box');
    await popup.press('ArrowDown');
    await popup.press('Tab');
    expect(await focused()).toBe('other');
  });

  it("lists this page's terms in page order, and choosing one opens its card there", async () => {
    const page = track(await openDemo(env));
    const control = track(await openControl(env));
    const popup = track(await openPopup(env, await tabIdOf(control, env.server.origin + DEMO)));
    const terms = await listedTerms(popup);
    expect(terms[0]).toBe('foundation model');
    expect(terms.length).toBeGreaterThan(5);

    const third = terms[2]!;
    await popup.evaluate(() => document.querySelectorAll<HTMLButtonElement>('[data-testid=page-terms] button')[2]!.click());
    const card = await page.waitFor(() => {
      const el = document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card');
      if (!el) return null;
      const box = el.getBoundingClientRect();
      return { term: el.querySelector('.term')?.textContent, onScreen: box.top >= 0 && box.bottom <= innerHeight };
    });
    expect(card).toEqual({ term: expect.stringMatching(new RegExp(third, 'i')), onScreen: true });
  });

  it('switched off, removes the paint from the open page without a reload; on, paints again', async () => {
    const page = track(await openDemo(env));
    const control = track(await openControl(env));
    const popup = track(await openPopup(env, await tabIdOf(control, env.server.origin + DEMO)));
    const before = await painted(page);
    await click(popup, '[data-testid=master-switch]');
    await page.waitFor(() => ![...CSS.highlights].some(([name, h]) => name.startsWith('termlight-') && h.size > 0));
    await popup.waitFor(() => document.querySelector('[data-testid=page-status]')?.getAttribute('data-kind') === 'disabled');
    await click(popup, '[data-testid=master-switch]');
    await page.waitFor((n) => {
      let count = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith('termlight-') && !name.startsWith('termlight-current')) count += h.size;
      return count === n;
    }, before);
    await listedTerms(popup);
  });

  it('changes the highlight style live', async () => {
    const page = track(await openDemo(env));
    const control = track(await openControl(env));
    const popup = track(await openPopup(env, await tabIdOf(control, env.server.origin + DEMO)));
    const before = await painted(page);
    await click(popup, '[data-testid=highlight-style] input[value=solid]');
    await click(popup, '[data-testid=highlight-color] input[value=green]');
    const names = await page.waitFor(() => {
      const live = [...CSS.highlights].filter(([, h]) => h.size > 0).map(([n]) => n);
      return live.some((n) => n.startsWith('termlight-solid-green-')) ? live : null;
    }).then((live) => live!);
    expect(names.some((n) => n.startsWith('termlight-dotted-'))).toBe(false);
    expect(await painted(page)).toBe(before);
  });

  it('stays within the height browsers give a popup while it says it removed a broad rule', async () => {
    const url = env.server.origin + DEMO;
    track(await openDemo(env));
    const control = track(await openControl(env));
    const tabId = await tabIdOf(control, url);
    await control.evaluate(() => chrome.storage.sync.set({ siteRules: { mode: 'all-except', patterns: ['127.*', '*.0.1', 'example.com'] } }));
    const popup = track(await openPopup(env, tabId));
    await popup.waitFor(() => document.querySelector('[data-testid=site-switch]')?.getAttribute('aria-checked') === 'false');
    await click(popup, '[data-testid=site-switch]');
    const height = await popup.waitFor(() => {
      const listed = document.querySelectorAll('[data-testid=page-terms] .term-name').length > 7;
      return listed && document.querySelector('.site .note') ? document.documentElement.scrollHeight : null;
    }, undefined, 10_000);
    expect(height).toBeLessThanOrEqual(600);
    await control.evaluate(() => chrome.storage.sync.clear());
  });

  it('"off on this site" lasts across reloads and leaves other sites on', async () => {
    const url = env.server.origin + DEMO;
    const page = track(await openDemo(env));
    const control = track(await openControl(env));
    const tabId = await tabIdOf(control, url);
    const popup = track(await openPopup(env, tabId));
    // The site switch appears once the page has answered the popup.
    expect(await popup.waitFor(() => document.querySelector('.site .switch-label')?.textContent)).toBe('Highlight on 127.0.0.1');
    await click(popup, '[data-testid=site-switch]');
    await page.waitFor(() => ![...CSS.highlights].some(([name, h]) => name.startsWith('termlight-') && h.size > 0));
    await popup.close();

    await page.goto(url);
    // The content script answers once it has decided; by then it would have painted.
    await control.waitFor(async ({ tabId, message }) => {
      const api = (globalThis as { browser?: Ext }).browser ?? chrome;
      return (await api.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => null))?.status === 'site-off';
    }, { tabId, message: makeMessage('get-page-terms', {}) }, 10_000);
    expect(await painted(page)).toBe(0);
    const reopened = track(await openPopup(env, tabId));
    await reopened.waitFor(() => document.querySelector('[data-testid=page-status]')?.getAttribute('data-kind') === 'site-off');
    expect(await checked(reopened, 'site-switch')).toBe('false');

    // Another site (another host name, same server) is still marked.
    const other = track(await openDemo(env, env.server.otherOrigin.replace('127.0.0.1', 'localhost')));
    expect(await painted(other)).toBeGreaterThan(0);
  });

  it('"off on this site" reaches the frames the page embeds, those from other sites too', async () => {
    const { page, control, tabId } = await openFramed(env, track);
    /** Ranges painted in each frame of the tab, after the frame's host, in no set order. */
    const paintByFrame = (want: 'painted' | 'clear') => control.waitFor(async ({ tabId, want }) => {
      const api = (globalThis as { browser?: Ext }).browser ?? chrome;
      const results = await api.scripting.executeScript({
        target: { tabId, allFrames: true },
        // In the page's world: Firefox's wrapper of the registry for an extension's script cannot
        // be iterated.
        world: 'MAIN',
        func: () => {
          let n = 0;
          for (const [name, h] of CSS.highlights) if (name.startsWith('termlight-') && !name.startsWith('termlight-current')) n += h.size;
          return `${location.host} ${n}`;
        },
      });
      const counts = results.map((r) => String(r.result));
      const done = counts.length === 3 && counts.every((c) => (want === 'painted') === !c.endsWith(' 0'));
      return done ? counts : null;
    }, { tabId, want }, 10_000).then((counts) => counts!);

    const before = await paintByFrame('painted');
    expect(before.map((c) => c.split(':')[0]).sort()).toEqual(['127.0.0.1', '127.0.0.1', 'localhost']);
    const popup = track(await openPopup(env, tabId));
    expect(await popup.waitFor(() => document.querySelector('.site .switch-label')?.textContent)).toBe('Highlight on 127.0.0.1');
    await click(popup, '[data-testid=site-switch]');
    // The top page and both frames let go of their paint: the embed from localhost as well.
    expect((await paintByFrame('clear')).map((c) => c.split(' ')[1])).toEqual(['0', '0', '0']);
    expect(page.errors).toEqual([]);
  });

  it('lists the terms its frames mark too, and choosing one opens its card in its frame', async () => {
    const { control, tabId } = await openFramed(env, track);
    // The badge counts the same terms the popup lists.
    await control.waitFor(async (id) => (await ((globalThis as { browser?: Ext }).browser ?? chrome).action.getBadgeText({ tabId: id })) === '4', tabId, 10_000);
    const expected = ['RLHF 1', 'foundation model 2', 'pre-training 2', 'fine-tuning 2'];
    // The badge counts distinct terms, so it reads 4 once one frame has answered; the popup lists
    // what the frames have reported when it opens. Opened again, it shows the second frame too.
    let popup: TestPage | null = null;
    let rows: string[] | null = null;
    // However long the second frame takes to report (a new process on a busy machine).
    for (const end = Date.now() + 30_000; rows?.join('|') !== expected.join('|') && Date.now() < end; ) {
      await popup?.close();
      popup = track(await openPopup(env, tabId));
      rows = await popup.waitFor(() => {
        const items = [...document.querySelectorAll('[data-testid=page-terms] button')];
        const list = items.map((b) => `${b.querySelector('.term-name')?.textContent} ${b.querySelector('.term-count')?.textContent}`);
        return list.length === 4 ? list : null;
      }, undefined, 10_000);
    }
    expect(rows).toEqual(expected);

    await popup!.evaluate(() => document.querySelectorAll<HTMLButtonElement>('[data-testid=page-terms] button')[2]!.click());
    const cards = await control.waitFor(async (id) => {
      const api = (globalThis as { browser?: Ext }).browser ?? chrome;
      const results = await api.scripting.executeScript({
        target: { tabId: id, allFrames: true },
        world: 'MAIN',
        func: () => document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card .term')?.textContent ?? '',
      });
      const open = results.map((r) => String(r.result)).filter((t) => t !== '');
      return open.length ? open : null;
    }, tabId, 10_000);
    expect(cards).toEqual(['pre-training']);
  });

  it('takes the terms of a frame off the badge when the page removes the frame', async () => {
    const { page, control, tabId } = await openFramed(env, track);
    const badgeBecomes = (expected: string) => control.waitFor(async (args) => {
      const api = (globalThis as { browser?: Ext }).browser ?? chrome;
      return (await api.action.getBadgeText({ tabId: args.tabId })) === args.expected;
    }, { tabId, expected }, 10_000);
    // One term on the page itself, the same three in each frame.
    await badgeBecomes('4');
    await page.evaluate(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));
    await badgeBecomes('1');
  });

  it('shows the number of distinct terms on the toolbar badge, until the badge is turned off', async () => {
    track(await openDemo(env));
    const control = track(await openControl(env));
    const tabId = await tabIdOf(control, env.server.origin + DEMO);
    const popup = track(await openPopup(env, tabId));
    const terms = await listedTerms(popup);
    const badge = () => control.evaluate((id) => ((globalThis as { browser?: Ext }).browser ?? chrome).action.getBadgeText({ tabId: id }), tabId);
    await control.waitFor(async (args) => {
      const api = (globalThis as { browser?: Ext }).browser ?? chrome;
      return (await api.action.getBadgeText({ tabId: args.tabId })) === args.expected;
    }, { tabId, expected: String(terms.length) }, 10_000);

    await click(control, '[data-testid=badge-switch]');
    await control.waitFor(async (id) => (await ((globalThis as { browser?: Ext }).browser ?? chrome).action.getBadgeText({ tabId: id })) === '', tabId);
    expect(await badge()).toBe('');
  });

  it('says, where it cannot run, that the user took away its access to sites, and offers to ask again', async (ctx) => {
    const control = track(await openControl(env));
    // Chromium keeps a required host permission: only its site-access menu can withhold it.
    const removed = await control.evaluate(() => {
      const api = (globalThis as { browser?: Ext }).browser ?? chrome;
      return api.permissions.remove({ origins: ['<all_urls>'] }).catch(() => false);
    });
    if (!removed) return ctx.skip();
    try {
      const page = track(await env.browser.newPage());
      await page.goto(env.server.origin + DEMO);
      // No content script can say which tab it is in: the page's is the newest tab.
      const tabId = await control.evaluate(async () => {
        const api = (globalThis as { browser?: Ext }).browser ?? chrome;
        return Math.max(...(await api.tabs.query({})).map((tab) => tab.id ?? 0));
      });
      const popup = track(await openPopup(env, tabId));
      await popup.waitFor(() => !!document.querySelector('[data-testid=page-status] [data-testid=no-access]'), undefined, 10_000);
      expect(await popup.evaluate(() => document.querySelector('[data-testid=no-access] button')?.textContent)).toBe('Allow Termlight on all sites');
      expect(await painted(page)).toBe(0);
    } finally {
      // Only a click can ask for it back: this test runs last in its browser.
      await control.evaluate(() => ((globalThis as { browser?: Ext }).browser ?? chrome).permissions.request({ origins: ['<all_urls>'] }).catch(() => false));
    }
  });
});
