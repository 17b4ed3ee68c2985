import type { PageReport } from './sweep';

/**
 * The hostile pages that load the machine: a huge page, a ticker and a re-rendering app. The
 * fast tests run the ticker for 3 s; the full sweep (`npm run test:corpus -- --full`) for the
 * 10 s the issue names. Limits apply where the browser gives a trace (Chromium).
 */
export interface LoadPage {
  path: string;
  /** No task of Termlight's may take longer (ms of CPU time). */
  taskLimitMs?: number;
  /** Termlight's CPU time over the whole visit may not exceed this. */
  cpuLimitMs?: number;
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

export function loadPages(full: boolean): LoadPage[] {
  const tickMs = full ? 10_000 : 3_000;
  return [
    { path: `${DIR}/huge.html`, taskLimitMs: TASK_LIMIT_MS },
    { path: `${DIR}/ticker.html?ms=${tickMs}`, cpuLimitMs: tickMs * TICKER_CPU_SHARE, taskLimitMs: TASK_LIMIT_MS },
    { path: `${DIR}/app.html`, taskLimitMs: TASK_LIMIT_MS },
  ];
}

/** The limits a report broke, described; empty when none (or when nothing was measured). */
export function limitProblems(page: LoadPage, report: PageReport): string[] {
  const out: string[] = [];
  if (page.taskLimitMs !== undefined && report.longestTaskMs !== null && report.longestTaskMs > page.taskLimitMs) {
    out.push(`a Termlight task took ${report.longestTaskMs} ms (limit ${page.taskLimitMs} ms)`);
  }
  if (page.cpuLimitMs !== undefined && report.totalMs !== null && report.totalMs > page.cpuLimitMs) {
    out.push(`Termlight used ${report.totalMs} ms of CPU time (limit ${page.cpuLimitMs} ms)`);
  }
  return out;
}
