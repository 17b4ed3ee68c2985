import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium } from './support/browsers';
import { repoRoot } from './support/paths';
import { startServer, type TestServer } from './support/server';

/*
 * The pictures a reader sees first: the card on the demo page, the popup and the options page,
 * light and dark. `npm run screenshots` writes them to test/screenshots (the README shows them);
 * inside `npm test` they go to test-results/screenshots. Either way the test checks what the
 * pictures must show: the card is on screen in the right theme, the popup lists the page's terms.
 */
const outDir = process.env.TERMLIGHT_SCREENSHOTS ?? join(repoRoot, 'test-results/screenshots');
const DEMO = '/fixtures/demo/foundation-models.html';
type Scheme = 'light' | 'dark';

/** Relative luminance (0 black … 1 white) of an element's computed background. */
const luminanceOf = (page: Page, script: string) =>
  page.evaluate((script) => {
    const el = new Function(`return (${script})`)() as Element;
    const [r, g, b] = getComputedStyle(el).backgroundColor.match(/[\d.]+/g)!.map(Number) as [number, number, number];
    const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  }, script);

describe('chromium: screenshots of the card, the popup and the options page', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let server: TestServer;
  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each<Scheme>(['light', 'dark'])('the card on the demo page, %s', async (scheme) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 960, height: 620 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.origin + DEMO);
    await page.waitForFunction(() => [...CSS.highlights].some(([, h]) => h.size > 0));
    const at = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.nodeValue ?? '').indexOf('RLHF');
        if (i < 0) continue;
        (n.parentElement as Element).scrollIntoView({ block: 'center', behavior: 'instant' });
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 4);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      throw new Error('no RLHF on the demo page');
    });
    await page.mouse.move(at.x - 40, at.y);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await page.waitForFunction(() => document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card .term')?.textContent === 'RLHF');
    await page.waitForTimeout(250); // let the open transition finish before the picture
    const card = `document.querySelector('termlight-host').shadowRoot.querySelector('.card')`;
    const lum = await luminanceOf(page, card);
    expect(scheme === 'dark' ? lum < 0.1 : lum > 0.8, `card background luminance ${lum}`).toBe(true);
    await page.screenshot({ path: join(outDir, `card-${scheme}.png`) });
    await page.close();
  });

  it.each<Scheme>(['light', 'dark'])('the popup and the options page, %s', async (scheme) => {
    const demo = await browser.context.newPage();
    await demo.goto(server.origin + DEMO);
    await demo.waitForFunction(() => [...CSS.highlights].some(([, h]) => h.size > 0));
    const control = await browser.context.newPage();
    await control.emulateMedia({ colorScheme: scheme });
    await control.setViewportSize({ width: 900, height: 1100 });
    await control.goto(browser.extensionUrl('options.html'));
    const tabId = await control.evaluate(async (url) => {
      for (const tab of await chrome.tabs.query({})) {
        const report = await chrome.tabs.sendMessage(tab.id!, { termlight: 1, name: 'get-page-terms', params: {} }, { frameId: 0 }).catch(() => null);
        if (report?.url === url) return tab.id!;
      }
      throw new Error('demo tab not found');
    }, server.origin + DEMO);
    await control.waitForTimeout(300);
    expect(await luminanceOf(control, 'document.body') < 0.1).toBe(scheme === 'dark');
    await control.screenshot({ path: join(outDir, `options-${scheme}.png`) });

    const popup = await browser.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid=page-terms] li').length > 3);
    const listed = await popup.locator('[data-testid=page-terms] .term-name').allTextContents();
    expect(listed.slice(0, 2)).toEqual(['foundation model', 'training data']);
    await popup.waitForTimeout(200);
    await popup.screenshot({ path: join(outDir, `popup-${scheme}.png`) });
    for (const p of [popup, control, demo]) await p.close();
  });
});
