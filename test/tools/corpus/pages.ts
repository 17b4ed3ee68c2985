import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserName } from '../../e2e/support/browsers';
import { corpusDir, hasCorpus } from '../../e2e/support/paths';

/** Every corpus page, as `folder/name.html`, `ai/` first, each folder in name order. */
export function corpusPages(): string[] {
  if (!hasCorpus) return [];
  const pages: string[] = [];
  for (const folder of ['ai', 'readability']) {
    const files = readdirSync(join(corpusDir, folder)).filter((f) => f.endsWith('.html')).sort();
    pages.push(...files.map((f) => `${folder}/${f}`));
  }
  return pages;
}

/**
 * The pages `npm test` sweeps: all of `ai/` (few pages, many terms) and a fixed third of the
 * rest. Each browser takes a different third, so between them the fast run covers two thirds
 * of the general pages and a change that breaks one page shows up in one browser or the other.
 */
export function fastSample(pages: readonly string[], browser: BrowserName): string[] {
  const offset = browser === 'chromium' ? 0 : 1;
  let i = 0;
  return pages.filter((p) => p.startsWith('ai/') || i++ % 3 === offset);
}
