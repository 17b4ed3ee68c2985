import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlyIn } from '../tools/corpus/differences';
import type { DrivenBrowser, DrivenPage } from '../tools/corpus/drive';
import { hoverUntilCard, waitFor, PAINTED } from '../tools/corpus/interact';
import { pageInitSource } from '../tools/corpus/page-init';
import { openSweep, type Sweep } from '../tools/corpus/sweep';
import { hasCorpus } from './support/paths';
import { BROWSERS } from './support/suite';

/*
 * "Nothing you read ever leaves your browser": Termlight makes no request at all. Three
 * witnesses: the loopback server's log (with Termlight it may hold nothing the same visit
 * without Termlight did not ask for), the initiator of every request (Chromium names the
 * script that made it), and the service worker's own requests. Everything else on the
 * machine is unreachable and refused before it is sent.
 */

const DEMO = '/fixtures/demo/foundation-models.html';

/** Visits a page as a reader would: waits for it, rests on a term until the card opens. */
async function visit(browser: DrivenBrowser, url: string, withTermlight: boolean): Promise<DrivenPage> {
  const page = await browser.newPage(pageInitSource);
  await page.goto(url);
  if (withTermlight) {
    await waitFor(page, `${PAINTED}.length > 5`, 10_000);
    await hoverUntilCard(page, 'foundation model', 'main p');
    await page.press('Escape');
  } else {
    await new Promise((ok) => setTimeout(ok, 1500));
  }
  return page;
}

describe.each(BROWSERS)('%s: Termlight makes no request', (name) => {
  let sweep: Sweep;
  beforeAll(async () => {
    sweep = await openSweep(name);
  });
  afterAll(async () => {
    await sweep?.close();
  });

  /** What the server saw while `fn` ran. */
  async function served(fn: () => Promise<void>): Promise<string[]> {
    const from = sweep.server.requests.length;
    await fn();
    // Let late requests (a lazy image, a font) arrive before the log is read.
    await new Promise((ok) => setTimeout(ok, 300));
    return sweep.server.requests.slice(from);
  }

  it('while marking pages and opening the card', async () => {
    const url = sweep.server.origin + DEMO;
    let page: DrivenPage | null = null;
    const workerBefore = sweep.withTermlight.workerRequests.length;
    const withIt = await served(async () => {
      page = await visit(sweep.withTermlight, url, true);
    });
    const without = await served(async () => {
      await (await visit(sweep.without, url, false)).close();
    });
    expect(onlyIn(withIt, without)).toEqual([]);
    const extOrigin = sweep.withTermlight.extensionOrigin!;
    expect(page!.extensionRequests.filter((u) => !u.startsWith(extOrigin))).toEqual([]);
    expect(sweep.withTermlight.workerRequests.slice(workerBefore).filter((u) => !u.startsWith(extOrigin))).toEqual([]);
    await page!.close();
  });

  it.skipIf(!hasCorpus)('while sweeping pages with frames, a moved base URL and many terms', async () => {
    const paths = [
      '/corpus/ai/peg-gpt-4.html',
      `/fixtures/hostile/base-href.html?base=${encodeURIComponent(sweep.server.otherOrigin)}`,
      `/fixtures/hostile/frames.html?other=${encodeURIComponent(sweep.server.otherOrigin)}`,
    ];
    for (const path of paths) {
      const report = await sweep.check(path);
      expect(report.errors.filter((e) => /request/.test(e)), path).toEqual([]);
    }
  });

  // The witnesses must be able to see a request if Termlight made one: make one from its
  // world in the page (through the scripting API, which runs code there) and from its worker.
  // (The initiator witness names only code loaded from the extension's files, which a function
  // passed to the scripting API is not; the server log sees it.)
  it.runIf(name === 'chromium')('would see a request made from its content script or its worker', async () => {
    const origin = sweep.server.origin;
    const page = await visit(sweep.withTermlight, origin + DEMO, true);
    const workerBefore = sweep.withTermlight.workerRequests.length;
    const options = await sweep.withTermlight.newPage();
    await options.goto(`${sweep.withTermlight.extensionOrigin}/options.html`);
    const log = await served(async () => {
      await options.evaluate(`(async () => {
        const [tab] = await chrome.tabs.query({ url: ${JSON.stringify(`${origin}${DEMO}`)} });
        await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: (u) => fetch(u), args: [${JSON.stringify(`${origin}/canary-from-page`)}] });
      })()`);
      await sweep.withTermlight.inWorker!(`fetch(${JSON.stringify(`${origin}/canary-from-worker`)}).then(() => 0)`);
    });
    expect(log).toEqual(expect.arrayContaining(['/canary-from-page', '/canary-from-worker']));
    expect(sweep.withTermlight.workerRequests.slice(workerBefore)).toContain(`${origin}/canary-from-worker`);
    await options.close();
    await page.close();
  });
});
