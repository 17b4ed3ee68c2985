import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, FIREFOX, distDir } from './support/paths';
import { startServer, type TestServer } from './support/server';
import { BROWSERS } from './support/suite';

/*
 * Installing, reloading or updating the extension while pages are open. Chromium does not put
 * content scripts into open tabs by itself, so the background does; Firefox does it itself.
 * The browsers here start without Termlight, so a test can install it under an open page.
 */

const PAGE = '/fixtures/hostile/strict-csp.html';
const TERMS = 4;

/** Termlight's paint, seen from the page: highlight objects, and how many ranges in all. */
const paint = (page: Page) =>
  page.evaluate(() => {
    let ranges = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('termlight-') && !name.startsWith('termlight-current-')) ranges += h.size;
    return { ranges, hosts: document.querySelectorAll('termlight-host').length };
  });

async function hoverTerm(page: Page, phrase: string): Promise<string> {
  const p = await page.evaluate((phrase) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const i = n.data.indexOf(phrase);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + phrase.length);
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error(`no ${phrase}`);
  }, phrase);
  await page.mouse.move(p.x - 30, p.y + 30);
  await page.mouse.move(p.x, p.y);
  const term = await page.waitForFunction(
    () => document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card .term')?.textContent,
    undefined,
    { timeout: 4000 },
  );
  const text = (await term.jsonValue()) as string;
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => !document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card'));
  return text;
}

describe.skipIf(!BROWSERS.includes('chromium'))('chromium: installing and reloading under open pages', () => {
  let server: TestServer;
  let context: BrowserContext;
  let profile: string;
  let page: Page;
  const errors: string[] = [];
  /** Installs (or, the second time, updates) the built extension, as a store update would. */
  const install = async () => {
    const cdp = await context.browser()!.newBrowserCDPSession();
    await cdp.send('Extensions.loadUnpacked', { path: distDir('chrome') });
    await cdp.detach();
  };

  beforeAll(async () => {
    server = await startServer();
    profile = await mkdtemp(join(tmpdir(), 'termlight-lifecycle-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1200, height: 800 },
      // No extension at start; the protocol's Extensions domain installs it later.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--enable-unsafe-extension-debugging'],
    });
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('gives a tab that was open at install Termlight, without a reload', async () => {
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e.stack ?? e)));
    await page.goto(server.origin + PAGE);
    expect(await paint(page)).toEqual({ ranges: 0, hosts: 0 });
    await install();
    await page.waitForFunction((n) => {
      let ranges = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith('termlight-')) ranges += h.size;
      return ranges >= n;
    }, TERMS, { timeout: 10_000 });
    expect(await hoverTerm(page, 'foundation model')).toBe('foundation model');
    expect(errors).toEqual([]);
  });

  it('after an update, retires the old copy and hands the page to the new one, with nothing doubled', async () => {
    // The old copy has painted and drawn its card's host.
    const before = await paint(page);
    expect(before).toEqual({ ranges: expect.any(Number), hosts: 1 });
    expect(before.ranges).toBeGreaterThanOrEqual(TERMS);
    await page.evaluate(() => {
      (window as unknown as { oldPaint: Highlight[] }).oldPaint = [...CSS.highlights.values()];
    });

    // Loading the unpacked extension again is an update: the old copy is unloaded and the new
    // one installed, the same as a reload from chrome://extensions. (`chrome.runtime.reload()`
    // in headless Chromium unloads the extension and does not bring it back.)
    await install();

    // The new copy registers paint of its own (new objects), as much as the old had.
    await page.waitForFunction((n) => {
      const old = (window as unknown as { oldPaint: Highlight[] }).oldPaint;
      let ranges = 0;
      for (const [name, h] of CSS.highlights) {
        if (name.startsWith('termlight-') && !name.startsWith('termlight-current-') && !old.includes(h)) ranges += h.size;
      }
      return ranges === n;
    }, before.ranges, { timeout: 10_000 });
    const after = await page.evaluate(() => {
      const old = (window as unknown as { oldPaint: Highlight[] }).oldPaint;
      return {
        oldStillRegistered: [...CSS.highlights.values()].filter((h) => old.includes(h)).length,
        oldRangesLeft: old.reduce((n, h) => n + h.size, 0),
        hosts: document.querySelectorAll('termlight-host').length,
      };
    });
    // The old copy let go of everything: its paint is unregistered and emptied, its host gone.
    expect(after).toEqual({ oldStillRegistered: 0, oldRangesLeft: 0, hosts: 0 });
    expect((await paint(page)).ranges).toBe(before.ranges);

    // Only the new copy answers the pointer: one card, in one host.
    expect(await hoverTerm(page, 'RLHF')).toBe('RLHF');
    expect((await paint(page)).hosts).toBe(1);
    expect(errors).toEqual([]);
  });

  it('when Termlight goes away with no copy to follow, the page loses its paint once the reader is back', async () => {
    expect((await paint(page)).ranges).toBeGreaterThanOrEqual(TERMS);
    // In headless Chromium a reload unloads the extension for good: as if it were turned off.
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    expect(worker).toBeDefined();
    await worker!.evaluate(() => void chrome.runtime.reload()).catch(() => undefined);
    await expect.poll(() => context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://')).length, { timeout: 10_000 }).toBe(0);
    // The reader clicks somewhere in the page (blank margin, no link).
    await page.mouse.click(3, 790);
    await page.waitForFunction(() => {
      let ranges = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith('termlight-')) ranges += h.size;
      return ranges === 0;
    }, undefined, { timeout: 5_000 });
    expect(await paint(page)).toEqual({ ranges: 0, hosts: 0 });
    // The page's own text is as it was.
    expect(await page.evaluate(() => document.body.textContent?.includes('foundation model'))).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!BROWSERS.includes('firefox'))('firefox: installing under an open page', () => {
  it('gives a tab that was open at install Termlight, without a reload (Firefox does it itself)', async () => {
    const server = await startServer();
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
    try {
      const page = await browser.newPage();
      await page.goto(server.origin + PAGE, { waitUntil: 'load' });
      await browser.installExtension(distDir('firefox'));
      await page.waitForFunction((n: number) => {
        let ranges = 0;
        for (const [name, h] of CSS.highlights) if (name.startsWith('termlight-')) ranges += h.size;
        return ranges >= n;
      }, { timeout: 10_000 }, TERMS);
      const hosts = await page.evaluate(() => document.querySelectorAll('termlight-host').length);
      expect(hosts).toBe(0);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('when Termlight is removed, none of its paint is drawn any more', async () => {
    const server = await startServer();
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
    try {
      const id = await browser.installExtension(distDir('firefox'));
      const page = await browser.newPage();
      await page.goto(server.origin + PAGE, { waitUntil: 'load' });
      await page.waitForFunction((n: number) => {
        let ranges = 0;
        for (const [name, h] of CSS.highlights) if (name.startsWith('termlight-')) ranges += h.size;
        return ranges >= n;
      }, { timeout: 10_000 }, TERMS);
      /** The page as drawn, and as drawn with every highlight taken away. */
      const drawn = async () => {
        const shot = Buffer.from(await page.screenshot());
        await page.evaluate(() => {
          const w = window as unknown as { kept: [string, Highlight][] };
          w.kept = [...CSS.highlights.entries()];
          CSS.highlights.clear();
        });
        const bare = Buffer.from(await page.screenshot());
        await page.evaluate(() => {
          for (const [name, h] of (window as unknown as { kept: [string, Highlight][] }).kept) CSS.highlights.set(name, h);
        });
        return { shot, bare };
      };
      const installed = await drawn();
      expect(installed.shot.equals(installed.bare)).toBe(false);

      await browser.uninstallExtension(id);
      await page.mouse.click(3, 590);
      // Firefox takes the extension's stylesheet away with it: whatever highlight objects are
      // left in the page, the page is drawn as if there were none.
      await expect.poll(async () => {
        const removed = await drawn();
        return removed.shot.equals(removed.bare);
      }, { timeout: 5_000 }).toBe(true);
      expect(await page.evaluate(() => document.querySelectorAll('termlight-host').length)).toBe(0);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
