import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrivenPage } from '../tools/corpus/drive';
import { waitFor } from '../tools/corpus/interact';
import { loadPages, TRACK_PAINT, type PaintSeen } from '../tools/corpus/load-pages';
import { pageInitSource } from '../tools/corpus/page-init';
import { openSweep, type PageReport, type Sweep } from '../tools/corpus/sweep';
import { BROWSERS } from './support/suite';

/*
 * Pages that load the machine: a huge page, a ticker that changes every 16 ms, and an app that
 * re-renders the text it owns. Each goes through the corpus check (no error of Termlight's,
 * markup and layout unchanged, the matcher's terms painted). These tests hold what Termlight
 * does on them; how long it takes is measured, not asserted: `npm run test:corpus -- --full`
 * holds each page's longest task and CPU time to the limits.
 */

const [huge, ticker, app] = loadPages(false) as [ReturnType<typeof loadPages>[number], ReturnType<typeof loadPages>[number], ReturnType<typeof loadPages>[number]];

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
    if (name === 'chromium') expect(hugeReport.tasks).toBeGreaterThanOrEqual(10);
  }, 120_000);

  it('paints the first screen of a huge page before the rest', async () => {
    expect(hugeReport, 'the check above ran').not.toBeNull();
    const total = hugeReport!.terms;
    // A load of its own: the check above loads the page twice at once.
    const page = await sweep.withTermlight.newPage(pageInitSource + TRACK_PAINT);
    await page.goto(sweep.server.origin + huge.path);
    const seen = await waitFor<PaintSeen>(
      page, `window.__termlightPaint.counts.at(-1) >= ${total} && { ...window.__termlightPaint }`, 60_000);
    await page.close();
    expect(seen.onScreen).toBeGreaterThanOrEqual(5);
    expect(seen.paintedWithScreen).toBeGreaterThan(0);
    expect(seen.paintedWithScreen, 'painted when the first screen was done').toBeLessThan(total / 2);
    // Everything else arrived after the first screen's paint, not with it.
    expect(seen.counts.at(-1)).toBe(total);
  }, 90_000);

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
