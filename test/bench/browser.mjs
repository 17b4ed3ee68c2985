// The bench's browser side: a loopback server for the corpus, headless Chromium, and one fresh
// page load per measurement with the harness evaluated in it.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'esbuild';

export const CHROMIUM = process.env.TERMLIGHT_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // So that every measurement can start after a full garbage collection.
  '--js-flags=--expose-gc'];

/*
 * Headers of every corpus page:
 * - a CSP that blocks all scripts and anything not from the server. Page scripts, cut off from
 *   the network they expect, would fail at random moments and change the DOM while we time;
 *   with them blocked each load has the saved page's DOM, and nothing else runs. Unlike turning
 *   JavaScript off in the browser, it keeps timers and promises working for our own code
 *   (evaluated by the driver, which the CSP does not govern) and `<noscript>` stays unread text.
 * - COOP and COEP, which make the page cross-origin isolated: `performance.now()` then ticks in
 *   5 µs rather than 100 µs, fine enough to time the floor on small pages and single hit tests.
 */
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/** Serves the corpus folder on 127.0.0.1 only. */
export async function serveCorpus(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname));
    try {
      if (path.includes('..') || !path.endsWith('.html')) throw new Error('not a page');
      const body = await readFile(join(dir, path));
      res.writeHead(200, HEADERS).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

/** The harness and the modules it drives, as one script to evaluate in a page. */
export async function bundleHarness(entry) {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

export async function launchBrowser(origin) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Nothing but the loopback server is reachable or may be asked; the CSP already stops most.
  await context.route('**/*', (route) =>
    route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient'));
  const page = await context.newPage();
  /** Where the run's time goes: loading pages, or measuring in them. */
  const spent = { loads: 0, loadMs: 0, runMs: 0 };
  const timed = async (key, work) => {
    const t0 = Date.now();
    try {
      return await work();
    } finally {
      spent[key] += Date.now() - t0;
    }
  };
  return {
    spent,
    /** Loads `url` afresh, evaluates the harness in it and hands it the glossary packs. */
    load: (url, harness, packs) => timed('loadMs', async () => {
      spent.loads++;
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(harness);
      for (const [name, json] of packs) await page.evaluate(`termlightBench.addPack(${JSON.stringify(name)}, ${json})`);
    }),
    /**
     * Runs `request` in a blank page of a browser context of its own, opened for it and closed
     * after: a renderer process whose heap no corpus page has used, with no DOM to speak of.
     */
    runAlone: (harness, packs, request) => timed('runMs', async () => {
      spent.loads++;
      const alone = await browser.newContext();
      try {
        const blank = await alone.newPage();
        await blank.goto('about:blank');
        await blank.evaluate(harness);
        for (const [name, json] of packs) await blank.evaluate(`termlightBench.addPack(${JSON.stringify(name)}, ${json})`);
        return await blank.evaluate((req) => globalThis.termlightBench.run(req), request);
      } finally {
        await alone.close();
      }
    }),
    run: (request) => timed('runMs', () => page.evaluate((req) => globalThis.termlightBench.run(req), request)),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    version: () => browser.version(),
    close: () => browser.close(),
  };
}
