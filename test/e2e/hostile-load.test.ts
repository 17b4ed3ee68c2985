import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrivenPage } from '../tools/corpus/drive';
import { waitFor } from '../tools/corpus/interact';
import { limitProblems, loadPages, TASK_LIMIT_MS, TICKER_CPU_SHARE } from '../tools/corpus/load-pages';
import { pageInitSource } from '../tools/corpus/page-init';
import { openSweep, type PageReport, type Sweep } from '../tools/corpus/sweep';
import { BROWSERS } from './support/suite';

/*
 * Pages that load the machine: a huge page, a ticker that changes every 16 ms, and an app that
 * re-renders the text it owns. Each goes through the corpus check (no error of Termlight's,
 * markup and layout unchanged, the matcher's terms painted); Chromium also traces Termlight's
 * CPU time. Timings here are the issue's own limits, with the margins noted where they are set.
 */

const [huge, ticker, app] = loadPages(false) as [ReturnType<typeof loadPages>[number], ReturnType<typeof loadPages>[number], ReturnType<typeof loadPages>[number]];

/**
 * From Termlight's announcing itself to every term on the first screen being registered for
 * paint, measured in the page (a frame late at most): 150-300 ms on a quiet two-core machine,
 * so the one second leaves three times that. A machine running five times as much work
 * as it has cores has pushed it past the limit.
 */
const VISIBLE_WITHIN_MS = 1000;

const TRACK_VISIBLE = `
  (() => {
    const seen = { started: -1, visibleMs: -1, onScreen: 0 };
    Object.defineProperty(window, '__termlightVisible', { value: seen });
    document.addEventListener('termlight:takeover', () => {
      seen.started = performance.now();
      const nodes = new Set();
      for (const el of document.querySelectorAll('[data-term]')) {
        const r = el.getBoundingClientRect();
        if (r.bottom > 0 && r.top < innerHeight) nodes.add(el.firstChild);
      }
      seen.onScreen = nodes.size;
      const check = () => {
        for (const [name, h] of CSS.highlights) {
          if (name.startsWith('termlight-') && !name.startsWith('termlight-current-')) for (const r of h) nodes.delete(r.startContainer);
        }
        if (nodes.size) requestAnimationFrame(check);
        else seen.visibleMs = performance.now() - seen.started;
      };
      requestAnimationFrame(check);
    }, { once: true });
  })();
`;

/**
 * Scrolls a line every 50 ms from Termlight's start for `SCROLL_MS`, and keeps every animation
 * frame in that time that took over 50 ms (Chromium's Long Animation Frames).
 */
const SCROLL_MS = 3000;
const TRACK_FRAMES = `
  (() => {
    const seen = { done: false, long: [] };
    Object.defineProperty(window, '__termlightFrames', { value: seen });
    document.addEventListener('termlight:takeover', () => {
      const began = performance.now();
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.startTime >= began) seen.long.push(Math.round(e.duration));
      }).observe({ type: 'long-animation-frame' });
      const timer = setInterval(() => {
        scrollBy(0, 40);
        if (performance.now() - began > ${SCROLL_MS}) {
          clearInterval(timer);
          setTimeout(() => (seen.done = true), 200);
        }
      }, 50);
    }, { once: true });
  })();
`;

/**
 * Each change to what is painted costs the browser's next frame tens of milliseconds on this
 * page (it re-checks every highlight), whoever made the change. Three seconds of reading and
 * scrolling measure 4-5 frames over 50 ms (80-180 ms each) on a quiet machine: the engine's
 * slices leave few frames to the page while they run. Twice the measured count is allowed;
 * painting in a way that cost a long frame per slice would blow well past it.
 */
const LONG_FRAMES_ALLOWED = 10;

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
  }, 120_000);

  it(`paints the first screen of a huge page within ${VISIBLE_WITHIN_MS} ms`, async () => {
    // A load of its own: the check above loads the page twice at once, which would slow both.
    const page = await sweep.withTermlight.newPage(pageInitSource + TRACK_VISIBLE);
    await page.goto(sweep.server.origin + huge.path);
    const seen = await waitFor<{ visibleMs: number; onScreen: number }>(
      page, 'window.__termlightVisible.visibleMs >= 0 && { ...window.__termlightVisible }', 10_000);
    await page.close();
    expect(seen.onScreen).toBeGreaterThanOrEqual(5);
    expect(seen.visibleMs).toBeLessThan(VISIBLE_WITHIN_MS);
  }, 60_000);

  (name === 'chromium' ? it : it.skip)('keeps scrolling smooth while it reads a huge page', async () => {
    const page = await sweep.withTermlight.newPage(pageInitSource + TRACK_FRAMES);
    await page.goto(sweep.server.origin + huge.path);
    const frames = await waitFor<{ long: number[] }>(page, 'window.__termlightFrames.done && { ...window.__termlightFrames }', 15_000);
    await page.close();
    expect(frames.long.length, `frames over 50 ms: ${frames.long.join(', ')}`).toBeLessThanOrEqual(LONG_FRAMES_ALLOWED);
  }, 60_000);

  // Firefox gives no per-task timing (the sweep reports "–" there). On a quiet machine the
  // longest task measures 13-18 ms: hit-testing the screen's sample points (a few ms each on
  // this page) is spread over slices and done before any paint, which would make the browser
  // re-check every highlight inside the first hit test.
  (name === 'chromium' ? it : it.skip)(`keeps every Termlight task on a huge page under ${TASK_LIMIT_MS} ms`, () => {
    expect(hugeReport?.longestTaskMs).not.toBeNull();
    expect(limitProblems(huge, hugeReport!)).toEqual([]);
  });

  it(`keeps its CPU time under ${TICKER_CPU_SHARE * 100} % of a page that changes every 16 ms`, async () => {
    const report = await sweep.check(ticker.path, {
      inspect: (page) => page.evaluate<number>('Number(document.body.dataset.ticks)'),
    });
    expect(report.problems).toEqual([]);
    // The ticker really ran (timers may be late on a busy machine, never absent).
    expect(report.inspected).toBeGreaterThan(50);
    if (name === 'chromium') expect(report.totalMs).not.toBeNull();
    expect(limitProblems(ticker, report)).toEqual([]);
  }, 60_000);

  it('leaves an app that re-renders its own text working, with its terms painted', async () => {
    const report = await sweep.check(app.path, {
      inspect: async (page) => ({ renders: await page.evaluate<string>('document.body.dataset.renders'), errors: page.errors }),
    });
    expect(report.problems).toEqual([]);
    // The app checks after every render that its DOM is exactly what it made, and throws if not.
    expect(report.inspected).toEqual({ renders: '24', errors: [] });
    expect(report.terms).toBeGreaterThanOrEqual(8);
    expect(limitProblems(app, report)).toEqual([]);
  }, 60_000);
});
