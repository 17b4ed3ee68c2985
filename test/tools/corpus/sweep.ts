import type { BrowserName } from '../../e2e/support/browsers';
import { startServer, type TestServer } from '../../e2e/support/server';
import { defaults } from '../../../src/core/settings/defaults';
import { drive, type DrivenBrowser, type DrivenPage } from './drive';
import { compareDom, compareLayout, onlyIn, pageOwnErrors, termlightErrors } from './differences';
import { pageInitSource } from './page-init';
import type { ProbeResult } from './page-probe';
import { runProbe } from './probe-bundle';
import { settle } from './settle';
import { compareTerms } from './terms';
import { scriptTime } from './trace';

/** What one page showed, in one browser. `problems` empty means the page passed. */
export interface PageReport {
  page: string;
  browser: BrowserName;
  /** Terms painted, and distinct glossary entries among them. */
  terms: number;
  entries: number;
  termDifferences: string[];
  domEqual: boolean;
  layoutEqual: boolean;
  /** False when the page never went quiet (it kept changing its own DOM). */
  settled: boolean;
  errors: string[];
  /** Termlight's CPU time (Chromium); null where the browser gives no trace. */
  longestTaskMs: number | null;
  totalMs: number | null;
  /** Tasks in which Termlight's code ran (Chromium); null where the browser gives no trace. */
  tasks: number | null;
  /** Wall time the check took, both loads included. */
  checkMs: number;
  problems: string[];
  /** What `CheckOptions.inspect` returned. */
  inspected?: unknown;
}

export interface CheckOptions {
  /** A further init script, for the run with Termlight only. */
  init?: string;
  /** Called with the page with Termlight once it was read, before it closes; the result lands in `inspected`. */
  inspect?: (page: DrivenPage) => Promise<unknown>;
}

export interface Sweep {
  browser: BrowserName;
  server: TestServer;
  /** The two browsers, for a test's own pages. */
  withTermlight: DrivenBrowser;
  without: DrivenBrowser;
  /** Checks one page, given as a path on the test server (`/corpus/ai/…`, `/fixtures/…`). */
  check(path: string, options?: CheckOptions): Promise<PageReport>;
  close(): Promise<void>;
}

interface Load {
  page: DrivenPage;
  settled: boolean;
  probe: ProbeResult;
}

async function open(browser: DrivenBrowser, url: string, init = ''): Promise<DrivenPage> {
  const page = await browser.newPage(pageInitSource + init);
  if (page.trace) {
    // The page's renderer is picked by its site: get it before tracing, so the JavaScript
    // sampler runs in the process that will run the page.
    await page.goto(new URL('/corpus/', url).href);
    await page.trace.start();
  }
  await page.goto(url);
  return page;
}

async function finish(page: DrivenPage, settling: Promise<boolean>): Promise<Load> {
  const settled = await settling;
  return { page, settled, probe: await runProbe(page, defaults.skipCode) };
}

/** Loads the page in both browsers at once and reads both once both have gone quiet. */
async function loadBoth(withExt: DrivenBrowser, without: DrivenBrowser, url: string, init?: string): Promise<[Load, Load]> {
  const [extPage, refPage] = await Promise.all([open(withExt, url, init), open(without, url)]);
  const settling = [settle(extPage, { withTermlight: true }), settle(refPage, { withTermlight: false })] as const;
  await Promise.all(settling);
  return Promise.all([finish(extPage, settling[0]), finish(refPage, settling[1])]);
}

/**
 * The matcher's verdict. On a loaded machine Termlight may start or finish late, so where the
 * two differ the page is looked at again, every half second for up to ten.
 */
async function checkTerms(ext: Load) {
  let terms = compareTerms(ext.probe.runs, ext.probe.painted, defaults, ext.probe.links);
  for (const end = Date.now() + 10_000; terms.differenceCount && Date.now() < end; ) {
    await new Promise((ok) => setTimeout(ok, 500));
    await settle(ext.page, { withTermlight: true });
    ext.probe = await runProbe(ext.page, defaults.skipCode);
    terms = compareTerms(ext.probe.runs, ext.probe.painted, defaults, ext.probe.links);
  }
  return terms;
}

/**
 * Opens the two browsers of a sweep: one with the built extension, one without it. Each page
 * is loaded in both at once and read in both once both have gone quiet, so the page's own
 * timers have had the same time to run; the run without Termlight is the reference for the
 * page's markup, layout, own errors and own requests.
 */
export async function openSweep(browserName: BrowserName, server?: TestServer): Promise<Sweep> {
  const srv = server ?? (await startServer());
  const origins = [srv.origin, srv.otherOrigin];
  const withExt = await drive(browserName, { extension: true, origins });
  const without = await drive(browserName, { extension: false, origins });
  const extOrigin = withExt.extensionOrigin ?? '';
  const ownRequest = (u: string) => u.startsWith(`${extOrigin}/`);

  async function check(path: string, options: CheckOptions = {}): Promise<PageReport> {
    const began = Date.now();
    const url = srv.origin + path;
    const workerBefore = withExt.workerRequests.length;
    const [ext, ref] = await loadBoth(withExt, without, url, options.init);
    const terms = await checkTerms(ext);
    const trace = ext.page.trace ? await ext.page.trace.stop() : null;
    const inspected = await options.inspect?.(ext.page);
    await Promise.all([ext.page.close(), ref.page.close()]);

    const refs = [ref];
    // Chromium names the initiator of each request; elsewhere only a comparison can tell.
    const compareRequests = !trace;
    const extraRequests = () =>
      compareRequests ? onlyIn(ext.page.requests, refs.flatMap((t) => t.page.requests)) : [];
    let dom = compareDom(ref.probe.markup, ext.probe.markup);
    let layout = compareLayout(ref.probe, ext.probe);
    if (dom || layout || extraRequests().length) {
      // A page can change itself late (a timer, an ad slot, a lazy image): ask the reference
      // once more; what either reference load did, the page did on its own.
      const page = await open(without, url);
      const again = await finish(page, settle(page, { withTermlight: false, atLeastMs: Date.now() - began }));
      await page.close();
      refs.push(again);
      dom = compareDom(again.probe.markup, ext.probe.markup) && dom;
      layout = compareLayout(again.probe, ext.probe) && layout;
    }

    const errors = [
      ...termlightErrors(ext.page, extOrigin),
      ...onlyIn(pageOwnErrors(ext.page, extOrigin), refs.flatMap((t) => t.page.errors)).map((e) => `page error only with Termlight: ${e}`),
      ...ext.page.extensionRequests.filter((u) => !ownRequest(u)).map((u) => `request made by Termlight: ${u}`),
      ...extraRequests().map((u) => `request only with Termlight: ${u}`),
      ...withExt.workerRequests.slice(workerBefore).filter((u) => !ownRequest(u)).map((u) => `request from the service worker: ${u}`),
    ];
    const problems = [
      ...errors,
      ...(dom ? [`DOM changed: ${dom}`] : []),
      ...(layout ? [`layout shifted: ${layout}`] : []),
      ...(terms.differenceCount ? [`${terms.differenceCount} term difference(s) with the matcher: ${terms.differences.join('; ')}`] : []),
    ];
    // No sample of Termlight at all means the sampler missed its process: not measured.
    const traced = trace ? scriptTime(trace, `${extOrigin}/content.js`) : null;
    const time = traced?.tasks ? traced : null;
    return {
      page: path.replace(/^\/corpus\//, ''),
      browser: browserName,
      terms: terms.painted,
      entries: terms.entries,
      termDifferences: terms.differences,
      domEqual: !dom,
      layoutEqual: !layout,
      settled: ext.settled,
      errors,
      longestTaskMs: time ? round(time.longestTaskMs) : null,
      totalMs: time ? round(time.totalMs) : null,
      tasks: time ? time.tasks : null,
      checkMs: Date.now() - began,
      problems,
      ...(options.inspect ? { inspected } : {}),
    };
  }

  return {
    browser: browserName,
    server: srv,
    withTermlight: withExt,
    without,
    check,
    async close() {
      await withExt.close();
      await without.close();
      if (!server) await srv.close();
    },
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
