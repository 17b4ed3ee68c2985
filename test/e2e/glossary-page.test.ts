import { describe, expect, it } from 'vitest';
import { BROWSERS, useBrowser } from './support/suite';

describe.each(BROWSERS)('%s: the glossary page', (name) => {
  const env = useBrowser(name);

  it('opens at a deep link: the entry is on screen, marked and focused', async () => {
    const page = await env.browser.newPage();
    await page.setViewport(1000, 700);
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

  it('filters as the reader types', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.browser.extensionUrl('glossary.html'));
    await page.waitFor(() => document.querySelectorAll('.entry').length > 50, undefined, 10_000);
    await page.evaluate(() => document.querySelector<HTMLInputElement>('#glossary-search')!.focus());
    await page.type('human feedback');
    const terms = await page.waitFor(() => {
      const list = [...document.querySelectorAll('.entry-term')].map((h) => h.textContent);
      return list.length < 10 ? list : null;
    });
    expect(terms).toContain('RLHF');
    await page.close();
  });
});
