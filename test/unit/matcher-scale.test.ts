import { describe, expect, it } from 'vitest';
import type { GlossaryPack } from '../../src/core/glossary/types';
import { compileMatcher, pluralOf, type Match, type Matcher } from '../../src/core/matcher';
import { pack } from './fixtures-matcher/packs';
import { pick, randomEntries, randomText, seeded } from './fixtures-matcher/random';

const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}_]';
const SEPARATORS = '[\\s\\-\\u2010-\\u2015\\u2212]+';

/** The slow, obvious matcher: one regular expression per form, then leftmost-longest. */
function referenceMatcher(packs: readonly GlossaryPack[]): (text: string) => Omit<Match, 'gated'>[] {
  const patterns: { pattern: RegExp; entry: number }[] = [];
  packs.flatMap((p) => p.entries).forEach((entry, index) => {
    const forms = [entry.term];
    if (entry.match?.plural !== false) forms.push(pluralOf(entry.term)!.text);
    for (const form of forms) {
      const body = form
        .split(/[ -]+/)
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join(SEPARATORS);
      const flags = entry.match?.caseSensitive ? 'gu' : 'giu';
      patterns.push({ pattern: new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, flags), entry: index });
    }
  });
  return (text) => {
    const found: Omit<Match, 'gated'>[] = [];
    for (const { pattern, entry } of patterns) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        found.push({ start: m.index, end: m.index + m[0].length, entry });
        pattern.lastIndex = m.index + 1;
      }
    }
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    let edge = -1;
    return found.filter((m) => m.start >= edge && ((edge = m.end), true));
  };
}

const strip = (matches: Match[]) => matches.map(({ start, end, entry }) => ({ start, end, entry }));

describe('matcher against a reference implementation', () => {
  it('finds exactly what one regular expression per form finds, on random glossaries and texts', () => {
    const random = seeded(7);
    for (let round = 0; round < 5; round++) {
      const packs = [pack(randomEntries(random, 120))];
      const matcher = compileMatcher(packs);
      const reference = referenceMatcher(packs);
      for (let t = 0; t < 4; t++) {
        const text = randomText(random, packs[0]!.entries, 400);
        expect(strip(matcher.scan(text))).toEqual(reference(text));
      }
    }
  });

  it('gives the same results with the compact layout as with the dense table', () => {
    const random = seeded(11);
    const packs = [pack(randomEntries(random, 300))];
    const dense: Matcher = compileMatcher(packs);
    const sparse: Matcher = compileMatcher(packs, { maxTableBytes: 0 });
    expect([dense.stats.layout, sparse.stats.layout]).toEqual(['dense', 'sparse']);
    for (let t = 0; t < 20; t++) {
      const words = randomText(random, packs[0]!.entries, 300);
      const text = words.replace(/a/g, () => pick(random, ['a', 'a\u00AD', 'a']));
      expect(sparse.scan(text)).toEqual(dense.scan(text));
    }
  });
});

describe('a 5,000-term glossary', () => {
  const random = seeded(5000);
  const entries = randomEntries(random, 5000);
  const matcher = compileMatcher([pack(entries)]);

  it('keeps the transition table within a few megabytes', () => {
    expect(matcher.stats.layout).toBe('dense');
    expect(matcher.stats.tableBytes).toBeLessThan(20 * 1024 * 1024);
  });

  it('finds terms planted in prose, with their entries', () => {
    const planted = Array.from({ length: 40 }, () => Math.floor(random() * entries.length));
    const text = planted.map((i) => `the ${entries[i]!.term} (and) `).join('');
    const found = matcher.scan(text);
    expect(found.map((m) => m.entry)).toEqual(planted);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(planted.map((i) => entries[i]!.term));
  });
});
