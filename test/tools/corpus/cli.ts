import { join } from 'node:path';
import type { BrowserName } from '../../e2e/support/browsers';
import { corpusDir, repoRoot } from '../../e2e/support/paths';
import type { DrivenPage } from './drive';
import { waitFor } from './interact';
import { limitProblems, loadPages, TRACK_PAINT, type PaintSeen } from './load-pages';
import { corpusPages } from './pages';
import { pageLine, summarise, summaryText, tableHeader, writeReport } from './report';
import { openSweep, type PageReport } from './sweep';

const REPORT = 'test-results/corpus-report.json';

function failed(page: string, browser: BrowserName, err: unknown): PageReport {
  return {
    page, browser, terms: 0, entries: 0, termDifferences: [], domEqual: false, layoutEqual: false, settled: false,
    errors: [], longestTaskMs: null, totalMs: null, tasks: null, checkMs: 0, problems: [`the check itself failed: ${String(err)}`],
  };
}

/**
 * `npm run test:corpus [-- --full] [page filters…]`: every corpus page in Chromium, or with
 * `--full` in Chromium and Firefox, followed there by the pages that load the machine (the
 * ticker at its full ten seconds). Words that are not flags keep only the pages whose path
 * contains one of them. Resolves to the process exit code.
 */
export async function main(args: readonly string[]): Promise<number> {
  const full = args.includes('--full');
  const browsers: BrowserName[] = full ? ['chromium', 'firefox'] : ['chromium'];
  const filters = args.filter((a) => !a.startsWith('--'));
  const wanted = (p: string) => !filters.length || filters.some((f) => p.includes(f));
  const pages = corpusPages().filter(wanted);
  const heavy = full ? loadPages(true).filter((p) => wanted(p.path)) : [];
  if (!pages.length && !heavy.length) {
    console.error(`No corpus pages found in ${corpusDir} (set TERMLIGHT_CORPUS to the corpus folder).`);
    return 1;
  }
  console.log(tableHeader);
  const results: PageReport[] = [];
  for (const browser of browsers) {
    const sweep = await openSweep(browser);
    try {
      for (const page of pages) {
        const result = await sweep.check(`/corpus/${page}`).catch((err: unknown) => failed(page, browser, err));
        results.push(result);
        console.log(pageLine(result));
      }
      for (const page of heavy) {
        const timed = page.firstScreenMs === undefined ? {} : {
          init: TRACK_PAINT,
          inspect: (p: DrivenPage) => waitFor<PaintSeen>(p, 'window.__termlightPaint.screenMs >= 0 && { ...window.__termlightPaint }', 30_000),
        };
        const result = await sweep.check(page.path, timed).catch((err: unknown) => failed(page.path, browser, err));
        result.problems.push(...limitProblems(page, result));
        results.push(result);
        console.log(pageLine(result));
      }
    } finally {
      await sweep.close();
    }
  }
  const report = summarise(results);
  writeReport(join(repoRoot, REPORT), report);
  console.log(`\n${summaryText(report)}\nReport: ${REPORT}`);
  return report.failed ? 1 : 0;
}
