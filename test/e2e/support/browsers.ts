import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { CHROMIUM, FIREFOX, distDir } from './paths';

export type BrowserName = 'chromium' | 'firefox';

/** The few page operations the tests need, the same for Playwright and Puppeteer. */
export interface TestPage {
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Polls `fn` in the page until it returns a truthy value; returns that value. */
  waitFor<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A, timeoutMs?: number): Promise<R>;
  mouseMove(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Renders the page as for 'print' or back for 'screen' (Chromium: Firefox's driver cannot). */
  emulateMedia?(media: 'print' | 'screen'): Promise<void>;
  /** Turns forced colours (Windows High Contrast) on or off (Chromium: Firefox's driver cannot). */
  forceColors?(on: boolean): Promise<void>;
  screenshot(path?: string): Promise<Buffer>;
  /** Errors thrown in the page (uncaught or unhandled), as the browser reports them. */
  errors: string[];
  close(): Promise<void>;
}

export interface TestBrowser {
  name: BrowserName;
  newPage(): Promise<TestPage>;
  /** URL of a page inside the extension, e.g. `options.html`. */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function poll<R>(check: () => Promise<R>, timeoutMs: number, what: string): Promise<R> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function wrapPlaywright(page: PwPage): TestPage {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    errors,
    goto: async (url) => { await page.goto(url, { waitUntil: 'load' }); },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: (fn, arg, timeoutMs = 5000) =>
      poll(() => page.evaluate(fn as never, arg) as never, timeoutMs, fn.toString().slice(0, 120)),
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    emulateMedia: (media) => page.emulateMedia({ media }),
    forceColors: (on) => page.emulateMedia({ forcedColors: on ? 'active' : 'none' }),
    screenshot: (path) => page.screenshot(path ? { path } : {}),
    close: () => page.close(),
  };
}

function wrapPuppeteer(page: PpPage): TestPage {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    errors,
    // Extension pages may never report "load" over BiDi although they render: don't wait on it.
    goto: async (url) => {
      if (/^moz-extension:/.test(url)) void page.goto(url).catch(() => undefined);
      else await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: (fn, arg, timeoutMs = 5000) =>
      poll(() => page.evaluate(fn as never, arg) as never, timeoutMs, fn.toString().slice(0, 120)),
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    // "Shift+Tab" as Playwright writes it: the modifiers held around the key.
    press: async (key) => {
      const keys = key.split('+');
      const main = keys.pop()!;
      for (const modifier of keys) await page.keyboard.down(modifier as never);
      await page.keyboard.press(main as never);
      for (const modifier of keys.reverse()) await page.keyboard.up(modifier as never);
    },
    type: (text) => page.keyboard.type(text),
    setViewport: (width, height) => page.setViewport({ width, height }),
    screenshot: async (path) => Buffer.from(await page.screenshot(path ? { path: path as `${string}.png` } : {})),
    close: () => page.close(),
  };
}

export async function launchChromium(): Promise<TestBrowser & { context: BrowserContext; extensionId: string }> {
  const profile = await mkdtemp(join(tmpdir(), 'termlight-chromium-'));
  const ext = distDir('chrome');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 800 },
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The persistent context opens one blank tab of its own; tests open their own pages.
  return {
    name: 'chromium',
    context,
    extensionId,
    newPage: async () => wrapPlaywright(await context.newPage()),
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const GECKO_ID = 'termlight@termlight.org';
const FIREFOX_UUID = '5f0c1c9e-2d7a-4b53-9d8e-3f1b7a6c2e41';

export async function launchFirefox(): Promise<TestBrowser & { browser: PpBrowser }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // A test profile must not phone home or show first-run pages.
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  await browser.installExtension(distDir('firefox'));
  return {
    name: 'firefox',
    browser,
    newPage: async () => {
      const page = await browser.newPage();
      await page.setViewport({ width: 1200, height: 800 });
      return wrapPuppeteer(page);
    },
    extensionUrl: (path) => `moz-extension://${FIREFOX_UUID}/${path}`,
    close: () => browser.close(),
  };
}

export function launch(name: BrowserName): Promise<TestBrowser> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}
