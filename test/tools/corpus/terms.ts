import { bundledPacks } from '../../../src/core/glossary/bundled';
import { applyContextGate, compileMatcher, countUngatedEntries, firstOccurrences, type Match, type Matcher } from '../../../src/core/matcher';
import { defaults, type Settings } from '../../../src/core/settings/defaults';
import type { PaintedRange } from './page-probe';

/*
 * Same engine, two paths: what Termlight painted in the browser against what the pure matcher
 * finds in the same page text, read by the probe and scanned here in Node. A difference is a
 * bug in the text model, the painter or the rescans (or in the probe, which says so).
 */

let matcher: Matcher | null = null;
/** The glossary the extension ships, compiled as the content script compiles it. */
export const shippedMatcher = (): Matcher => (matcher ??= compileMatcher(bundledPacks));

export interface TermCheck {
  /** Terms painted / expected, and distinct entries among them. */
  painted: number;
  expected: number;
  entries: number;
  /** Up to a few differences, described for a reader: `missing …` / `extra …`. */
  differences: string[];
  differenceCount: number;
}

/**
 * The matches the settings show, in page order, keyed as `run:start:end`. `links` (per run, the
 * spans of link text) keeps terms in links out of the count that opens the context gate.
 */
export function expectedMatches(
  runs: readonly string[],
  settings: Settings = defaults,
  links: ReadonlyArray<ReadonlyArray<readonly [number, number]>> = [],
): Map<string, Match & { run: number }> {
  const m = shippedMatcher();
  const found: Array<Match & { run: number }> = [];
  runs.forEach((text, run) => {
    for (const match of m.scan(text)) found.push({ ...match, run });
  });
  const threshold = settings.contextGate.enabled ? settings.contextGate.threshold : 0;
  const inLink = (x: Match & { run: number }) => (links[x.run] ?? []).some(([s, e]) => x.start >= s && x.start < e);
  const telling = countUngatedEntries(found.filter((x) => !inLink(x)));
  let shown = applyContextGate(found, threshold, telling) as Array<Match & { run: number }>;
  if (settings.occurrences === 'first') shown = firstOccurrences(shown) as Array<Match & { run: number }>;
  return new Map(shown.map((x) => [`${x.run}:${x.start}:${x.end}`, x]));
}

const SHOW = 5;

function snippet(runs: readonly string[], run: number, start: number, end: number): string {
  const text = runs[run] ?? '';
  const before = text.slice(Math.max(0, start - 20), start).replace(/\s+/g, ' ');
  const after = text.slice(end, end + 20).replace(/\s+/g, ' ');
  return `…${before}[${text.slice(start, end)}]${after}…`;
}

export function compareTerms(
  runs: readonly string[],
  painted: readonly PaintedRange[],
  settings: Settings = defaults,
  links: ReadonlyArray<ReadonlyArray<readonly [number, number]>> = [],
): TermCheck {
  const expected = expectedMatches(runs, settings, links);
  const seen = new Set<string>();
  const differences: string[] = [];
  let count = 0;
  const note = (text: string) => {
    count++;
    if (differences.length < SHOW) differences.push(text);
  };
  for (const p of painted) {
    if (p.run < 0) {
      note(`painted outside any readable text: "${p.text}"`);
      continue;
    }
    const key = `${p.run}:${p.start}:${p.end}`;
    if (seen.has(key)) note(`painted twice: ${snippet(runs, p.run, p.start, p.end)}`);
    else if (!expected.has(key)) note(`extra: ${snippet(runs, p.run, p.start, p.end)}`);
    seen.add(key);
  }
  for (const [key, m] of expected) if (!seen.has(key)) note(`missing: ${snippet(runs, m.run, m.start, m.end)}`);
  return {
    painted: painted.length,
    expected: expected.size,
    entries: new Set([...expected.values()].map((m) => m.entry)).size,
    differences,
    differenceCount: count,
  };
}
