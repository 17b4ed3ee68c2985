import { describe, expect, it } from 'vitest';
import { BROWSERS, useBrowser } from './support/suite';

describe.each(BROWSERS)('%s: the glossary page', (name) => {
  const env = useBrowser(name);

  it.each([[1000, 700], [360, 640]])('opens at a deep link: the entry is on screen, marked and focused (%i px wide)', async (width, height) => {
    const page = await env.browser.newPage();
    await page.setViewport(width, height);
    await page.goto(env.browser.extensionUrl('glossary.html#rlhf'));
    const shown = await page.waitFor(() => {
      const entry = document.getElementById('rlhf');
      if (!entry?.classList.contains('is-target') || document.activeElement !== entry) return null;
      const box = entry.getBoundingClientRect();
      // Below the sticky header, and on screen.
      const header = document.querySelector('.glossary-header')!.getBoundingClientRect();
      return { top: box.top, headerBottom: header.bottom, height: innerHeight, scrolled: scrollY };
    }, undefined, 10_000).then((found) => found!);
    expect(shown.scrolled).toBeGreaterThan(0);
    expect(shown.top).toBeGreaterThanOrEqual(shown.headerBottom - 1);
    expect(shown.top).toBeLessThan(shown.height);
    expect(await page.evaluate(() => document.querySelector('#rlhf .entry-term')!.textContent)).toBe('RLHF');

    // A related link moves the mark to its entry.
    await page.evaluate(() => document.querySelector<HTMLAnchorElement>('#rlhf .entry-related a[href="#dpo"]')!.click());
    await page.waitFor(() => document.getElementById('dpo')?.classList.contains('is-target') && document.activeElement?.id === 'dpo');
    expect(await page.evaluate(() => document.querySelectorAll('.is-target').length)).toBe(1);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('keeps a long unbroken term inside a narrow window, on the page and in the popup', async () => {
    const long = 'pneumonoultramicroscopicsilicovolcanoconiosis_transformer_checkpoint_v2';
    const pack = {
      id: 'long-words', name: 'AGlossaryWhoseNameIsOneVeryLongUnbrokenWordForTesting', version: '1.0.0', language: 'en',
      entries: [{ id: 'long', term: long, definition: `See ${long}.`, category: 'technique' }],
    };
    const page = await env.browser.newPage();
    await page.setViewport(360, 640);
    await page.goto(env.browser.extensionUrl('options.html'));
    await page.waitFor(() => typeof chrome !== 'undefined' && !!chrome.storage?.local, undefined, 10_000);
    await page.evaluate((p) => chrome.storage.local.set({ userGlossaries: [p] }), pack);
    for (const url of ['glossary.html#long', 'options.html', 'popup.html']) {
      await page.goto(env.browser.extensionUrl(url));
      if (url === 'popup.html') {
        // The popup shows a term it has found for a search.
        await page.waitFor(() => location.pathname.endsWith('popup.html') && !!document.querySelector('input[type=search]'), undefined, 10_000);
        await page.evaluate(() => document.querySelector<HTMLInputElement>('input[type=search]')!.focus());
        await page.type('pneumono');
      }
      // Extension pages may not report their load in Firefox: wait for this one's own text.
      const widths = await page.waitFor((path) => {
        const text = document.body?.textContent ?? '';
        const shown = location.href.endsWith(path) && (text.includes('pneumonoultramicroscopic') || text.includes('AGlossaryWhoseName'));
        return shown ? { page: document.documentElement.scrollWidth, window: innerWidth } : null;
      }, url, 10_000);
      expect(widths!.page, url).toBeLessThanOrEqual(widths!.window);
    }
    await page.evaluate(() => chrome.storage.local.clear());
    await page.close();
  });

  it.each([[1000, 700], [360, 800]])('a letter jumped to with the keyboard takes the focus: Tab goes on inside it (%i px wide)', async (width, height) => {
    const page = await env.browser.newPage();
    await page.setViewport(width, height);
    await page.goto(env.browser.extensionUrl('glossary.html'));
    await page.waitFor(() => document.querySelectorAll('.entry').length > 50, undefined, 10_000);
    // The letter before R is P: from there, Tab reaches R as a reader would.
    await page.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('.jump-item')].find((b) => b.textContent === 'P')!.focus());
    await page.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('R');
    await page.press('Enter');
    await page.waitFor(() => document.activeElement?.id === 'group_R');
    // The heading comes to rest below the sticky header.
    const rest = await page.evaluate(() => ({
      heading: document.getElementById('group_R')!.getBoundingClientRect().top,
      header: document.querySelector('.glossary-header')!.getBoundingClientRect().bottom,
    }));
    expect(rest.heading).toBeGreaterThanOrEqual(rest.header - 1);
    expect(rest.heading).toBeLessThan(rest.header + 40);
    await page.press('Tab');
    const next = await page.evaluate(() => ({
      inR: !!document.activeElement?.closest('[aria-labelledby=group_R]'),
      inNav: !!document.activeElement?.closest('.jump'),
      scrolled: scrollY,
    }));
    expect(next).toMatchObject({ inR: true, inNav: false });
    expect(next.scrolled).toBeGreaterThan(500);
    await page.close();
  });

  it('keeps its header small on a narrow window: one row of letters, and only the search box and letters stay on top', async () => {
    const page = await env.browser.newPage();
    await page.setViewport(360, 800);
    await page.goto(env.browser.extensionUrl('glossary.html'));
    await page.waitFor(() => document.querySelectorAll('.entry').length > 50, undefined, 10_000);
    const fits = () => {
      const input = document.querySelector<HTMLInputElement>('#glossary_search')!;
      const style = getComputedStyle(input);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return ctx.measureText(input.placeholder).width <= room;
    };
    expect(await page.evaluate(fits), 'the placeholder fits').toBe(true);
    const rows = await page.evaluate(() => new Set([...document.querySelectorAll<HTMLElement>('.jump-item')].map((b) => b.offsetTop)).size);
    expect(rows).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 3000));
    const stuck = await page.waitFor(() => {
      if (scrollY < 2000) return null;
      const header = document.querySelector('.glossary-header')!.getBoundingClientRect();
      const search = document.querySelector('#glossary_search')!.getBoundingClientRect();
      const letter = document.querySelector('.jump-item')!.getBoundingClientRect();
      return { header: header.bottom, search: search.top, letter: letter.bottom };
    }).then((found) => found!);
    expect(stuck.search).toBeGreaterThanOrEqual(0);
    expect(stuck.letter).toBeLessThanOrEqual(stuck.header);
    // About a tenth of the window, not the third it once took.
    expect(stuck.header).toBeLessThan(110);
    await page.close();
  });

  it('draws its scrollbars in the dark theme\'s tones, as Firefox would not by itself', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.browser.extensionUrl('glossary.html'));
    await page.waitFor(() => typeof chrome !== 'undefined' && !!chrome.storage?.sync, undefined, 10_000);
    await page.evaluate(() => chrome.storage.sync.set({ theme: 'dark' }));
    const colours = await page.waitFor(() => {
      if (document.documentElement.dataset.theme !== 'dark') return null;
      const jump = document.querySelector('nav.jump');
      return jump ? getComputedStyle(jump).scrollbarColor : null;
    }, undefined, 10_000);
    // The thumb in the palette's control colour, on no track of its own.
    expect(colours).toBe('rgb(124, 132, 146) rgba(0, 0, 0, 0)');
    await page.evaluate(() => chrome.storage.sync.clear());
    await page.close();
  });

  it('filters as the reader types', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.browser.extensionUrl('glossary.html'));
    await page.waitFor(() => document.querySelectorAll('.entry').length > 50, undefined, 10_000);
    await page.evaluate(() => document.querySelector<HTMLInputElement>('#glossary_search')!.focus());
    await page.type('human feedback');
    const terms = await page.waitFor(() => {
      const list = [...document.querySelectorAll('.entry-term')].map((h) => h.textContent);
      return list.length < 10 ? list : null;
    });
    expect(terms).toContain('RLHF');
    await page.close();
  });

  it.each([[1000, 700], [360, 640]])('keeps the focused link out from under the sticky header, going back with Shift+Tab (%i px wide)', async (width, height) => {
    const page = await env.browser.newPage();
    await page.setViewport(width, height);
    await page.goto(env.browser.extensionUrl('glossary.html'));
    await page.waitFor(() => document.querySelectorAll('.entry').length > 50, undefined, 10_000);
    // From the end of the page, back through the last entries' links.
    await page.evaluate(() => {
      const links = document.querySelectorAll<HTMLElement>('.entry-related a');
      links[links.length - 1]!.focus();
    });
    const hidden: string[] = [];
    for (let i = 0; i < 20; i++) {
      await page.press('Shift+Tab');
      const seen = await page.evaluate(() => {
        const el = document.activeElement!;
        const header = document.querySelector('.glossary-header')!;
        if (header.contains(el)) return null;
        return { name: el.textContent ?? '', top: el.getBoundingClientRect().top, headerBottom: header.getBoundingClientRect().bottom };
      });
      if (seen && seen.top < seen.headerBottom - 1) hidden.push(`${seen.name} at ${Math.round(seen.top)} under ${Math.round(seen.headerBottom)}`);
    }
    expect(hidden).toEqual([]);
    await page.close();
  });

  it('takes a related link followed from search results to its entry, which the search had hidden', async () => {
    const page = await env.browser.newPage();
    await page.setViewport(1000, 700);
    await page.goto(env.browser.extensionUrl('glossary.html'));
    await page.waitFor(() => document.querySelectorAll('.entry').length > 50, undefined, 10_000);
    await page.evaluate(() => document.querySelector<HTMLInputElement>('#glossary_search')!.focus());
    await page.type('reinforcement learning from human');
    await page.waitFor(() => !document.getElementById('dpo') && !!document.querySelector('#rlhf .entry-related a[href="#dpo"]'));
    await page.evaluate(() => document.querySelector<HTMLAnchorElement>('#rlhf .entry-related a[href="#dpo"]')!.click());
    // The search gives way, and the reader lands on the entry: on screen below the header, focused.
    const shown = await page.waitFor(() => {
      const entry = document.getElementById('dpo');
      if (!entry || document.activeElement !== entry) return null;
      const header = document.querySelector('.glossary-header')!.getBoundingClientRect();
      return { top: entry.getBoundingClientRect().top, headerBottom: header.bottom, height: innerHeight, query: document.querySelector<HTMLInputElement>('#glossary_search')!.value };
    }, undefined, 5000);
    expect(shown).toEqual({ top: expect.any(Number), headerBottom: expect.any(Number), height: 700, query: '' });
    expect(shown!.top).toBeGreaterThanOrEqual(shown!.headerBottom - 1);
    expect(shown!.top).toBeLessThan(shown!.height);
    await page.close();
  });
});
