// The bench's browser side: a loopback server for the corpus, headless Chromium, and one fresh
// page load per measurement with the harness in it.
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
 *   (installed by the driver, which the CSP does not govern) and `<noscript>` stays unread text.
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

const BLANK = '/blank.html';

/** Serves the corpus folder (and an empty page at /blank.html) on 127.0.0.1 only. */
export async function serveCorpus(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname));
    try {
      if (path.includes('..') || !path.endsWith('.html')) throw new Error('not a page');
      // A page with nothing in it, served like the others (so with the same fine clock).
      const body = path === BLANK ? '<!doctype html><title>blank</title>' : await readFile(join(dir, path));
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

/**
 * Each page gets the harness as a classic script run in every new document, which is how the
 * browser runs a content script. Chromium compiles such a script once per renderer process and
 * then finds it in V8's compilation cache on every later page (a V8 log of the built extension
 * shows `content.js` put in the cache on the first page and hit on each next one). A script
 * handed to the page by the driver's `evaluate` is compiled as an `eval` instead, afresh in every
 * page: that is only what the first page of a process pays, which `firstPage` measures.
 */
export async function launchBrowser(origin, harness) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const newPage = async (context) => {
    // Nothing but the loopback server is reachable or may be asked; the CSP already stops most.
    await context.route('**/*', (route) =>
      route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient'));
    const page = await context.newPage();
    await page.addInitScript(harness);
    return page;
  };
  const open = async (page, url, packs) => {
    await page.goto(url, { waitUntil: 'load' });
    if (!(await page.evaluate(() => typeof globalThis.termlightBench === 'object'))) throw new Error(`the harness did not run in ${url}`);
    for (const [name, json] of packs) await page.evaluate(`termlightBench.addPack(${JSON.stringify(name)}, ${json})`);
  };
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await newPage(context);
  /** Where the run's time goes: loading pages, measuring in them, or both in new processes. */
  const spent = { loads: 0, loadMs: 0, runMs: 0, aloneMs: 0 };
  const timed = async (key, work) => {
    const t0 = Date.now();
    try {
      return await work();
    } finally {
      spent[key] += Date.now() - t0;
    }
  };
  const run = (target, request) => target.evaluate((req) => globalThis.termlightBench.run(req), request);
  /**
   * Runs `work` with a page of a browser context of its own (so a new renderer process), closed
   * after. These runs are figures for comparison: one that fails is reported, not fatal.
   */
  const alone = (work) => timed('aloneMs', async () => {
    spent.loads++;
    const own = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      return await work(await newPage(own));
    } catch (err) {
      return { ok: false, error: String(err instanceof Error ? err.message : err).split('\n')[0], ms: NaN, textChars: 0, marked: 0 };
    } finally {
      await own.close();
    }
  });
  return {
    spent,
    /** Loads `url` afresh and hands the page the glossary packs. */
    load: (url, packs) => timed('loadMs', async () => {
      spent.loads++;
      await open(page, url, packs);
    }),
    /** Runs `request` in an empty page of a new renderer process: no corpus page has used its heap. */
    runAlone: (packs, request) => alone(async (blank) => {
      await open(blank, origin + BLANK, packs);
      return run(blank, request);
    }),
    /** Runs `request` in `url` loaded as the first page of a new renderer process. */
    runFirstPage: (url, packs, request) => alone(async (first) => {
      await open(first, url, packs);
      return run(first, request);
    }),
    run: (request) => timed('runMs', () => run(page, request)),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    version: () => browser.version(),
    close: () => browser.close(),
  };
}
