import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrivenPage } from '../tools/corpus/drive';
import { waitFor } from '../tools/corpus/interact';
import { defaults } from '../../src/core/settings/defaults';
import { loadPages, SCREEN_TERM_NODES } from '../tools/corpus/load-pages';
import { pageInitSource } from '../tools/corpus/page-init';
import { runProbe } from '../tools/corpus/probe-bundle';
import { openSweep, type PageReport, type Sweep } from '../tools/corpus/sweep';
import { expectedMatches } from '../tools/corpus/terms';
import { BROWSERS } from './support/suite';

/*
 * Pages that load the machine: a huge page, a ticker that changes every 16 ms, and an app that
 * re-renders the text it owns. Each goes through the corpus check (no error of Termlight's,
 * markup and layout unchanged, the matcher's terms painted). These tests hold what Termlight
 * does on them; how long it takes is measured, not asserted: `npm run test:corpus -- --full`
 * holds each page's longest task and CPU time to the limits.
 */

const [huge, ticker, app] = loadPages(false) as [ReturnType<typeof loadPages>[number], ReturnType<typeof loadPages>[number], ReturnType<typeof loadPages>[number]];

/**
 * Scrolls the huge page to its middle as soon as it is parsed (before Termlight starts), and
 * notes the text nodes of the terms then on screen (the page marks every term it holds).
 */
const SCROLL_TO_MIDDLE = `
  document.addEventListener('DOMContentLoaded', () => {
    scrollTo(0, document.documentElement.scrollHeight / 2);
    Object.defineProperty(window, '__termlightFirstScreen', { value: ${SCREEN_TERM_NODES} });
  }, { once: true });
`;

const pageSize = (page: DrivenPage) =>
  page.evaluate<{ chars: number; textNodes: number }>(`(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let chars = 0, textNodes = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) { textNodes++; chars += n.data.length; }
    return { chars, textNodes };
  })()`);

describe.each(BROWSERS)('%s: pages that load the machine', (name) => {
  let sweep: Sweep;
  beforeAll(async () => {
    sweep = await openSweep(name);
  });
  afterAll(async () => {
    await sweep?.close();
  });

  let hugeReport: PageReport | null = null;

  it('marks a huge page exactly as the matcher does, and changes nothing', async () => {
    hugeReport = await sweep.check(huge.path, { inspect: pageSize });
    const size = hugeReport.inspected as Awaited<ReturnType<typeof pageSize>>;
    expect(hugeReport.problems).toEqual([]);
    expect(size.chars).toBeGreaterThanOrEqual(5_000_000);
    expect(size.textNodes).toBeGreaterThanOrEqual(100_000);
    expect(hugeReport.terms).toBeGreaterThan(5000);
    // Read in short slices, with the page's own work between them, not in one long task. How
    // long each slice takes is for the full sweep to measure.
    if (name === 'chromium') {
      expect(hugeReport.tasks, 'the trace caught Termlight at work').not.toBeNull();
      expect(hugeReport.tasks).toBeGreaterThanOrEqual(10);
    }
  }, 120_000);

  it('paints the screen a reader sees first, halfway down a huge page', async () => {
    // A load of its own: the check above loads the page twice at once.
    const page = await sweep.withTermlight.newPage(pageInitSource + SCROLL_TO_MIDDLE);
    await page.goto(sweep.server.origin + huge.path);
    const probed = await runProbe(page, defaults.skipCode);
    const total = expectedMatches(probed.runs, defaults, probed.links).size;
    // Ranges are kept in the order they were painted, so this asks nothing of timing.
    const order = await waitFor<{ painted: number; onScreen: number; lastOnScreen: number }>(page, `(() => {
      const screen = window.__termlightFirstScreen;
      if (!screen) return null;
      let i = 0, lastOnScreen = -1;
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('termlight-') || name.startsWith('termlight-current-')) continue;
        for (const r of h) { if (screen.has(r.startContainer)) lastOnScreen = i; i++; }
      }
      return i >= ${total} && { painted: i, onScreen: screen.size, lastOnScreen };
    })()`, 60_000);
    await page.close();
    expect(total).toBeGreaterThan(5000);
    expect(order.painted).toBe(total);
    expect(order.onScreen).toBeGreaterThanOrEqual(2);
    expect(order.lastOnScreen).toBeGreaterThanOrEqual(0);
    // Read top to bottom, the screen's terms would come halfway through the page's thousands;
    // a few points sampled on screen without their neighbours left some of them there.
    expect(order.lastOnScreen).toBeLessThan(total / 10);
  }, 120_000);

  it('keeps up with a page that changes every 16 ms, and leaves it working', async () => {
    const report = await sweep.check(ticker.path, {
      inspect: (page) => page.evaluate<number>('Number(document.body.dataset.ticks)'),
    });
    expect(report.problems).toEqual([]);
    // The ticker really ran (timers may be late on a busy machine, never absent).
    expect(report.inspected).toBeGreaterThan(50);
  }, 60_000);

  it('leaves an app that re-renders its own text working, with its terms painted', async () => {
    const report = await sweep.check(app.path, {
      inspect: async (page) => ({ renders: await page.evaluate<string>('document.body.dataset.renders'), errors: page.errors }),
    });
    expect(report.problems).toEqual([]);
    // The app checks after every render that its DOM is exactly what it made, and throws if not.
    expect(report.inspected).toEqual({ renders: '24', errors: [] });
    expect(report.terms).toBeGreaterThanOrEqual(8);
  }, 60_000);
});
