import type { PageReport } from './sweep';

/**
 * The hostile pages that load the machine: a huge page, a ticker and a re-rendering app. The
 * fast tests run the ticker for 3 s; the full sweep (`npm run test:corpus -- --full`) for the
 * 10 s the issue names. Only the full sweep holds them to the limits below, as measurements; the
 * tests hold what Termlight does on them. Task and CPU limits apply where the browser gives a
 * trace (Chromium); the first screen's is measured in the page, in both browsers.
 */
export interface LoadPage {
  path: string;
  /** No task of Termlight's may take longer (ms of CPU time). */
  taskLimitMs?: number;
  /** Termlight's CPU time over the whole visit may not exceed this. */
  cpuLimitMs?: number;
  /** Every term on the first screen painted this soon after Termlight starts (ms, in the page). */
  firstScreenMs?: number;
}

const DIR = '/fixtures/hostile';

/**
 * Termlight's share of a page that changes every 16 ms: at most one rescan per 200 ms, each
 * reading only what changed, comes to well under 1 % of the time; 5 % leaves room for a busy
 * machine without letting a rescan per change (or a runaway loop) through.
 */
export const TICKER_CPU_SHARE = 0.05;

/**
 * The engine works in slices of about 6 ms and the glossary compiles in about 10; 50 ms is
 * the limit, the line past which a page stops feeling responsive.
 */
export const TASK_LIMIT_MS = 50;

/** The limit for the huge page's first screen. */
export const FIRST_SCREEN_MS = 1000;

export function loadPages(full: boolean): LoadPage[] {
  const tickMs = full ? 10_000 : 3_000;
  return [
    { path: `${DIR}/huge.html`, taskLimitMs: TASK_LIMIT_MS, firstScreenMs: FIRST_SCREEN_MS },
    { path: `${DIR}/ticker.html?ms=${tickMs}`, cpuLimitMs: tickMs * TICKER_CPU_SHARE, taskLimitMs: TASK_LIMIT_MS },
    { path: `${DIR}/app.html`, taskLimitMs: TASK_LIMIT_MS },
  ];
}

/** What `TRACK_PAINT` saw. */
export interface PaintSeen {
  /** Terms on the first screen (the huge page marks them with `data-term`). */
  onScreen: number;
  /** Ranges painted, at each frame where that number changed. */
  counts: number[];
  /** Ranges painted in the frame where the last term on the first screen got its paint. */
  paintedWithScreen: number;
  /** From Termlight's start to that frame (ms, in the page); -1 until then. */
  screenMs: number;
}

/**
 * An init script that follows Termlight's paint on the huge page from its start, frame by frame,
 * into `window.__termlightPaint` (a `PaintSeen`).
 */
export const TRACK_PAINT = `
  (() => {
    const seen = { onScreen: 0, counts: [], paintedWithScreen: -1, screenMs: -1 };
    Object.defineProperty(window, '__termlightPaint', { value: seen });
    document.addEventListener('termlight:takeover', () => {
      const started = performance.now();
      const screen = new Set();
      for (const el of document.querySelectorAll('[data-term]')) {
        const r = el.getBoundingClientRect();
        if (r.bottom > 0 && r.top < innerHeight) screen.add(el.firstChild);
      }
      seen.onScreen = screen.size;
      const frame = () => {
        let painted = 0;
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith('termlight-') || name.startsWith('termlight-current-')) continue;
          painted += h.size;
          if (screen.size) for (const r of h) screen.delete(r.startContainer);
        }
        if (painted !== seen.counts[seen.counts.length - 1]) seen.counts.push(painted);
        if (!screen.size && seen.screenMs < 0) {
          seen.paintedWithScreen = painted;
          seen.screenMs = performance.now() - started;
        }
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }, { once: true });
  })();
`;

/** The limits a report broke, described; empty when none (or when nothing was measured). */
export function limitProblems(page: LoadPage, report: PageReport): string[] {
  const out: string[] = [];
  const screenMs = (report.inspected as PaintSeen | undefined)?.screenMs;
  if (page.firstScreenMs !== undefined && screenMs !== undefined && screenMs > page.firstScreenMs) {
    out.push(`the first screen took ${Math.round(screenMs)} ms to paint (limit ${page.firstScreenMs} ms)`);
  }
  if (page.taskLimitMs !== undefined && report.longestTaskMs !== null && report.longestTaskMs > page.taskLimitMs) {
    out.push(`a Termlight task took ${report.longestTaskMs} ms (limit ${page.taskLimitMs} ms)`);
  }
  if (page.cpuLimitMs !== undefined && report.totalMs !== null && report.totalMs > page.cpuLimitMs) {
    out.push(`Termlight used ${report.totalMs} ms of CPU time (limit ${page.cpuLimitMs} ms)`);
  }
  return out;
}
