import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PageReport } from './sweep';

export interface SweepReport {
  date: string;
  browsers: string[];
  pages: number;
  failed: number;
  /** Largest and summed Termlight CPU time over the pages that were traced. */
  longestTaskMs: number | null;
  totalMs: number | null;
  results: PageReport[];
}

export function summarise(results: readonly PageReport[]): SweepReport {
  const timed = results.filter((r) => r.longestTaskMs !== null);
  return {
    date: new Date().toISOString(),
    browsers: [...new Set(results.map((r) => r.browser))],
    pages: results.length,
    failed: results.filter((r) => r.problems.length).length,
    longestTaskMs: timed.length ? Math.max(...timed.map((r) => r.longestTaskMs ?? 0)) : null,
    totalMs: timed.length ? Math.round(timed.reduce((s, r) => s + (r.totalMs ?? 0), 0)) : null,
    results: [...results],
  };
}

export function writeReport(path: string, report: SweepReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(report, null, 2) + '\n');
}

const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length));
const padLeft = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const ms = (v: number | null) => (v === null ? '–' : v.toFixed(1));

/** One line per page, as it finishes. */
export function pageLine(r: PageReport): string {
  const status = r.problems.length ? 'FAIL' : 'ok';
  return [
    pad(r.browser, 8), pad(r.page, 50), padLeft(String(r.terms), 5), padLeft(String(r.entries), 4),
    padLeft(ms(r.longestTaskMs), 8), padLeft(ms(r.totalMs), 8), pad(r.domEqual && r.layoutEqual ? ' same' : ' CHANGED', 9),
    padLeft((r.checkMs / 1000).toFixed(1), 5), ` ${status}`,
  ].join(' ');
}

export const tableHeader = [
  pad('browser', 8), pad('page', 50), padLeft('terms', 5), padLeft('ids', 4), padLeft('long ms', 8),
  padLeft('total ms', 8), pad(' DOM', 9), padLeft('s', 5), ' result',
].join(' ');

/** The closing summary: totals, and every problem of every failed page. */
export function summaryText(report: SweepReport): string {
  const lines = [
    `${report.pages} page loads in ${report.browsers.join(' and ')}: ${report.pages - report.failed} passed, ${report.failed} failed.`,
  ];
  if (report.longestTaskMs !== null) {
    lines.push(`Termlight's longest task ${report.longestTaskMs.toFixed(1)} ms, ${report.totalMs} ms in all (CPU time, Chromium).`);
  }
  for (const r of report.results) {
    const screenMs = (r.inspected as { screenMs?: number } | undefined)?.screenMs;
    if (typeof screenMs === 'number' && screenMs >= 0) lines.push(`First screen of ${r.page} painted in ${Math.round(screenMs)} ms (${r.browser}).`);
  }
  for (const r of report.results) {
    for (const p of r.problems) lines.push(`  ✖ ${r.browser} ${r.page}: ${p}`);
  }
  return lines.join('\n');
}
