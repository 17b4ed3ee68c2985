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

/**
 * An expression for the text nodes of the terms on screen now: the huge page marks every term
 * it holds with `data-term`.
 */
export const SCREEN_TERM_NODES = `(() => {
  const screen = new Set();
  for (const el of document.querySelectorAll('[data-term]')) {
    const r = el.getBoundingClientRect();
    if (r.bottom > 0 && r.top < innerHeight) screen.add(el.firstChild);
  }
  return screen;
})()`;

/** What `TRACK_PAINT` saw. */
export interface PaintSeen {
  /**
   * From Termlight's start to the frame where the last term on the first screen had its paint
   * (ms, in the page); -1 until then.
   */
  screenMs: number;
}

/**
 * An init script that follows Termlight's paint on the huge page from its start, frame by frame,
 * until every term on the first screen is painted, into `window.__termlightPaint` (a `PaintSeen`).
 */
export const TRACK_PAINT = `
  (() => {
    const seen = { screenMs: -1 };
    Object.defineProperty(window, '__termlightPaint', { value: seen });
    document.addEventListener('termlight:takeover', () => {
      const started = performance.now();
      const screen = ${SCREEN_TERM_NODES};
      const frame = () => {
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith('termlight-') || name.startsWith('termlight-current-')) continue;
          for (const r of h) screen.delete(r.startContainer);
        }
        if (screen.size) requestAnimationFrame(frame);
        else seen.screenMs = performance.now() - started;
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
