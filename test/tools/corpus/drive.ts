import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { launchChromium, launchFirefox, type BrowserName } from '../../e2e/support/browsers';
import { CHROMIUM, FIREFOX } from '../../e2e/support/paths';
import { traceSession, type TraceEvent } from './trace';

/*
 * The browsers of a sweep, raw: unlike the tests' TestPage, the sweep needs init scripts,
 * request blocking and counting, console output, and (in Chromium) a performance trace. Each
 * browser comes with the built extension or without it, so a page can be compared with itself.
 */

export interface DrivenPage {
  goto(url: string): Promise<void>;
  /** Evaluates an expression (source text) in the page's main world. */
  evaluate<R>(expression: string): Promise<R>;
  /** Uncaught errors and unhandled rejections, message and stack. */
  errors: string[];
  /** `console.error` calls, with the URL of the script that made them. */
  consoleErrors: Array<{ text: string; url: string }>;
  /** URLs requested by this page and its frames, blocked ones included. */
  requests: string[];
  /** Chromium only: requests whose initiator (script stack) names an extension. */
  extensionRequests: string[];
  mouseMove(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  /** Evaluates an expression in every frame whose URL contains `part`. */
  inFrames<R>(part: string, expression: string): Promise<R[]>;
  /** Chromium only: a performance trace with JavaScript samples, from `start()` to `stop()`. */
  trace: { start(): Promise<void>; stop(): Promise<TraceEvent[]> } | null;
  close(): Promise<void>;
}

export interface DrivenBrowser {
  name: BrowserName;
  /** `chrome-extension://ID` or `moz-extension://UUID`; null for a browser without Termlight. */
  extensionOrigin: string | null;
  /** URLs requested by the extension's service worker (Chromium). */
  workerRequests: string[];
  /** Chromium with Termlight: evaluates an expression in its service worker. */
  inWorker: (<R>(expression: string) => Promise<R>) | null;
  newPage(init?: string): Promise<DrivenPage>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1200, height: 800 };

/** Only the loopback test server and the browser's own schemes; everything else is refused unsent. */
function allowed(url: string, origins: readonly string[]): boolean {
  return origins.some((o) => url.startsWith(`${o}/`)) || /^(chrome-extension|moz-extension|data|blob|about):/.test(url);
}

const errorText = (e: unknown) => (e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e));

async function playwrightPage(context: BrowserContext, page: PwPage, trace: boolean): Promise<DrivenPage> {
  const driven: DrivenPage = {
    errors: [],
    consoleErrors: [],
    requests: [],
    extensionRequests: [],
    trace: trace ? traceSession(() => context.newCDPSession(page)) : null,
    goto: async (url) => { await page.goto(url, { waitUntil: 'load' }); },
    evaluate: (expression) => page.evaluate(expression),
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    inFrames: (part, expression) =>
      Promise.all(page.frames().filter((f) => f.url().includes(part)).map((f) => f.evaluate(expression))) as never,
    close: () => page.close(),
  };
  page.on('pageerror', (e) => driven.errors.push(errorText(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') driven.consoleErrors.push({ text: m.text(), url: m.location().url });
  });
  page.on('request', (r) => driven.requests.push(r.url()));
  // Who asked for a request is only in the protocol's own event: a content script's fetch has
  // the extension's script on its initiator stack.
  const cdp = await context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (e) => {
    if (/\b(chrome|moz)-extension:\/\//.test(JSON.stringify(e.initiator))) driven.extensionRequests.push(e.request.url);
  });
  await cdp.send('Network.enable');
  return driven;
}

async function puppeteerPage(page: PpPage, origins: readonly string[]): Promise<DrivenPage> {
  const driven: DrivenPage = {
    errors: [],
    consoleErrors: [],
    requests: [],
    extensionRequests: [],
    trace: null,
    goto: async (url) => { await page.goto(url, { waitUntil: 'load' }); },
    evaluate: (expression) => page.evaluate(expression) as never,
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key as never),
    type: (text) => page.keyboard.type(text),
    inFrames: (part, expression) =>
      Promise.all(page.frames().filter((f) => f.url().includes(part)).map((f) => f.evaluate(expression))) as never,
    close: () => page.close(),
  };
  page.on('pageerror', (e) => driven.errors.push(errorText(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') driven.consoleErrors.push({ text: m.text(), url: m.location().url ?? '' });
  });
  // Saved pages call alert(); Playwright dismisses dialogs by itself, Puppeteer waits for us.
  page.on('dialog', (d) => void d.dismiss().catch(() => undefined));
  await page.setViewport(VIEWPORT);
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    driven.requests.push(r.url());
    void (allowed(r.url(), origins) ? r.continue() : r.abort('blockedbyclient')).catch(() => undefined);
  });
  return driven;
}

async function chromiumBrowser(extension: boolean, origins: readonly string[], trace: boolean): Promise<DrivenBrowser> {
  const launched = extension ? await launchChromium() : null;
  const plain = launched ? null : await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const context = launched?.context ?? (await plain!.newContext({ viewport: VIEWPORT }));
  const workerRequests: string[] = [];
  context.on('request', (r) => {
    if (r.serviceWorker()) workerRequests.push(r.url());
  });
  await context.route('**/*', (route) =>
    allowed(route.request().url(), origins) ? route.continue() : route.abort('blockedbyclient'));
  return {
    name: 'chromium',
    extensionOrigin: launched ? `chrome-extension://${launched.extensionId}` : null,
    workerRequests,
    inWorker: launched
      ? (expression) => {
          const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${launched.extensionId}/`));
          if (!worker) throw new Error('the service worker is not running');
          return worker.evaluate(expression);
        }
      : null,
    async newPage(init) {
      const page = await context.newPage();
      if (init) await page.addInitScript(init);
      return playwrightPage(context, page, trace && !!launched);
    },
    close: async () => {
      await launched?.close();
      await plain?.close();
    },
  };
}

async function firefoxBrowser(extension: boolean, origins: readonly string[]): Promise<DrivenBrowser> {
  const launched = extension ? await launchFirefox() : null;
  const browser: PpBrowser = launched?.browser ?? (await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'datareporting.policy.dataSubmissionEnabled': false, 'toolkit.telemetry.enabled': false },
  }));
  return {
    name: 'firefox',
    extensionOrigin: launched ? launched.extensionUrl('').replace(/\/$/, '') : null,
    workerRequests: [],
    inWorker: null,
    async newPage(init) {
      const page = await browser.newPage();
      if (init) await page.evaluateOnNewDocument(init);
      return puppeteerPage(page, origins);
    },
    close: () => browser.close(),
  };
}

/**
 * A browser for the sweep, with the built extension or without it. Requests to anything but
 * `origins` are refused before they leave the browser: saved pages point at the whole web.
 */
export function drive(name: BrowserName, options: { extension: boolean; origins: readonly string[]; trace?: boolean }): Promise<DrivenBrowser> {
  return name === 'chromium'
    ? chromiumBrowser(options.extension, options.origins, options.trace ?? true)
    : firefoxBrowser(options.extension, options.origins);
}
