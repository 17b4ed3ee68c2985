import type { Match } from './types';

/*
 * Page-level decisions. A page is scanned block by block; the content script keeps one Set of
 * ungated entries for the whole page, feeds every block's matches to `countUngatedEntries`,
 * and holds gated matches back until `contextGateOpen` says the page is about AI (or shows
 * them after the last block, when it knows).
 */

/** Adds the entries of ungated matches to `into` (the page's running tally) and returns it. */
export function countUngatedEntries(matches: readonly Match[], into: Set<number> = new Set()): Set<number> {
  for (const match of matches) if (!match.gated) into.add(match.entry);
  return into;
}

/** Whether the page holds enough distinct unambiguous terms to mark context-gated ones. */
export function contextGateOpen(ungatedEntries: ReadonlySet<number>, threshold: number): boolean {
  return ungatedEntries.size >= threshold;
}

/**
 * Drops gated matches unless the page holds at least `threshold` distinct ungated entries. A
 * gated match also stays when its own entry was found ungated on the page ("Gemini" after
 * "Google Gemini"). Without `ungatedEntries` the count comes from `matches` alone.
 */
export function applyContextGate(
  matches: readonly Match[],
  threshold: number,
  ungatedEntries: ReadonlySet<number> = countUngatedEntries(matches),
): Match[] {
  const open = contextGateOpen(ungatedEntries, threshold);
  return matches.filter((match) => !match.gated || open || ungatedEntries.has(match.entry));
}

/**
 * Keeps the first match of each entry, for the "first occurrence only" setting. Pass the same
 * `seen` Set for every block, in page order, to keep one per page. Apply after the context
 * gate, so that a dropped gated match does not use up its entry's first occurrence.
 */
export function firstOccurrences(matches: readonly Match[], seen: Set<number> = new Set()): Match[] {
  const kept: Match[] = [];
  for (const match of matches) {
    if (seen.has(match.entry)) continue;
    seen.add(match.entry);
    kept.push(match);
  }
  return kept;
}
