import { describe, expect, it } from 'vitest';
import { collectForms } from '../../src/core/matcher/forms';
import { ResumableScan, termReach } from '../../src/core/matcher/resumable-scan';
import { compileMatcher, type Match, type Matcher } from '../../src/core/matcher';
import { bundledPacks } from '../../src/core/glossary/bundled';
import { matcherFor, pack, type TestEntry } from './fixtures-matcher/packs';
import { inPieces } from './fixtures-matcher/pieces';
import { pick, randomEntries, randomText, seeded } from './fixtures-matcher/random';

/** The matcher, recording the ranges it is asked to scan. */
function recording(matcher: Matcher): { matcher: Matcher; ranges: Array<[number, number]> } {
  const ranges: Array<[number, number]> = [];
  return {
    ranges,
    matcher: {
      entries: matcher.entries,
      stats: matcher.stats,
      scan: (text, from = 0, to = text.length) => (ranges.push([from, to]), matcher.scan(text, from, to)),
      prepare: (deadline) => matcher.prepare(deadline),
    },
  };
}

function randomCuts(random: () => number, length: number, count: number): number[] {
  return Array.from({ length: count }, () => Math.floor(random() * length)).sort((a, b) => a - b);
}

const LONG_TERMS: TestEntry[] = [
  { term: 'large language model' },
  { term: 'language model' },
  { term: 'model' },
  { term: 'reinforcement learning from human feedback' },
  { term: 'human feedback' },
  { term: 'LLM', match: { caseSensitive: true } },
];

describe('a scan resumed piece by piece', () => {
  it('finds what one pass finds when a longer term starts before the cut and ends after it', () => {
    const matcher = matcherFor(LONG_TERMS);
    const text = 'We tuned a large language model with reinforcement learning from human feedback, then a model.';
    const whole = matcher.scan(text);
    expect(whole.map((m) => text.slice(m.start, m.end))).toEqual([
      'large language model',
      'reinforcement learning from human feedback',
      'model',
    ]);
    for (let size = 1; size <= text.length; size++) {
      expect(inPieces(matcher, text, [], size)).toEqual(whole);
      // Every cut point the reader could pause at, too.
      for (let cut = 0; cut < text.length; cut += 7) expect(inPieces(matcher, text, [cut], size)).toEqual(whole);
    }
  });

  // "deep.ontologies" is the longest form, a plural two letters longer than its term, with no
  // separator (which the reach counts as a character), so a cut anywhere in it tests the reach
  // to its last character.
  const EDGE_TERMS: TestEntry[] = [{ term: 'deep' }, { term: 'deep.ontology' }];

  it('lets the longest plural win over a shorter term at its start, wherever the cut', () => {
    const matcher = matcherFor(EDGE_TERMS);
    const text = 'a deep.ontologies or deep';
    const whole = matcher.scan(text);
    expect(whole.map((m) => text.slice(m.start, m.end))).toEqual(['deep.ontologies', 'deep']);
    for (let size = 1; size <= text.length; size++) expect(inPieces(matcher, text, [], size)).toEqual(whole);
  });

  it('leaves the last characters of a growing text alone: a term ends only where the word does', () => {
    const matcher = matcherFor(EDGE_TERMS);
    const text = 'a deep.ontologiesx';
    const whole = matcher.scan(text);
    expect(whole.map((m) => text.slice(m.start, m.end))).toEqual(['deep']);
    for (let size = 1; size <= text.length; size++) {
      for (let cut = 1; cut < text.length; cut++) expect(inPieces(matcher, text, [cut], size)).toEqual(whole);
    }
  });

  it('scans a piece at a time, each a little over its size, on ordinary text', () => {
    const random = seeded(4);
    const entries = randomEntries(random, 80);
    const text = randomText(random, entries, 2000);
    const whole = matcherFor(entries).scan(text);
    const { matcher, ranges } = recording(matcherFor(entries));
    const reach = termReach(matcher);
    expect(inPieces(matcher, text, [], 256)).toEqual(whole);
    expect(ranges.length).toBeGreaterThan(text.length / (256 + 2 * reach));
    expect(Math.max(...ranges.map(([from, to]) => to - from))).toBeLessThanOrEqual(256 + 2 * reach);
  });

  it('scans text that is mostly indentation at most twice, however it grows', () => {
    const random = seeded(6);
    const entries = randomEntries(random, 40);
    // Words between long stretches of spaces and line breaks, read a few characters at a time.
    const text = randomText(random, entries, 600).replace(/ /g, () => '\n' + ' '.repeat(Math.floor(random() * 60)));
    const cuts = Array.from({ length: Math.floor(text.length / 5) }, (_, i) => i * 5);
    const whole = matcherFor(entries).scan(text);
    const { matcher, ranges } = recording(matcherFor(entries));
    expect(inPieces(matcher, text, cuts, 256)).toEqual(whole);
    const scanned = ranges.reduce((n, [from, to]) => n + to - from, 0);
    expect(scanned).toBeLessThan(text.length * 2);
  });

  it('matches one pass on random glossaries, texts, cut points and piece sizes, in both table layouts', () => {
    const random = seeded(17);
    for (let round = 0; round < 12; round++) {
      const entries = randomEntries(random, 60);
      const layouts = [matcherFor(entries), matcherFor(entries, { maxTableBytes: 0 })];
      // Soft hyphens inside words, separator runs longer than any term, a surrogate pair after
      // some words and punctuation right before others: the characters a cut must not misread.
      const text = randomText(random, entries, 300)
        .replace(/o/g, () => pick(random, ['o', 'o', 'o\u00AD']))
        .replace(/ /g, () => pick(random, [' ', ' ', ' ', ' '.repeat(120), ' \uD835\uDC00 ', ' (', '"']));
      for (const matcher of layouts) {
        const whole = matcher.scan(text);
        for (let trial = 0; trial < 6; trial++) {
          const size = 1 + Math.floor(random() * 80);
          const cuts = randomCuts(random, text.length, Math.floor(random() * 12));
          expect(inPieces(matcher, text, cuts, size)).toEqual(whole);
        }
      }
    }
  });

  it('matches one pass over runs joined by U+0000, settled in full at each run end', () => {
    const random = seeded(29);
    const entries = randomEntries(random, 60);
    const matcher = matcherFor(entries);
    const runs = Array.from({ length: 40 }, () => randomText(random, entries, Math.floor(random() * 30)));
    const text = '\u0000' + runs.join('\u0000');
    const scan = new ResumableScan(matcher);
    const found: Match[] = [];
    let sofar = '';
    for (const run of runs) {
      sofar += '\u0000';
      // The run grows node by node while open, and is final once it ends.
      for (const word of run.split(/(?<= )/)) {
        sofar += word;
        for (let p = scan.next(sofar, false, 16); p; p = scan.next(sofar, false, 16)) found.push(...p);
      }
      for (let p = scan.next(sofar, true, 16); p; p = scan.next(sofar, true, 16)) found.push(...p);
      expect(scan.decided).toBe(sofar.length);
    }
    expect(found).toEqual(matcher.scan(text));
  });

  it('resumes after an exception phrase, never inside it, wherever the cut', () => {
    // The phrase is longer than any term, and holds two of them.
    const entries: TestEntry[] = [
      { term: 'scale', match: { except: ['on a sliding scale of costs'] } },
      { term: 'costs' },
      { term: 'sliding' },
    ];
    const matcher = matcherFor(entries);
    const text = 'Paid on a sliding scale of costs, at scale, with costs.';
    const whole = matcher.scan(text);
    expect(whole.map((m) => text.slice(m.start, m.end))).toEqual(['scale', 'costs']);
    for (let size = 1; size <= text.length; size++) {
      expect(inPieces(matcher, text, [], size)).toEqual(whole);
      for (let cut = 0; cut < text.length; cut += 5) expect(inPieces(matcher, text, [cut], size)).toEqual(whole);
    }
  });

  it('goes wrong with a reach shorter than the longest term, so the reach is what keeps it exact', () => {
    const matcher = matcherFor(LONG_TERMS);
    const text = 'a large language model';
    const sizes = Array.from({ length: text.length }, (_, i) => i + 1);
    const wrong = sizes.filter((size) => JSON.stringify(inPieces(matcher, text, [], size, 3)) !== JSON.stringify(matcher.scan(text)));
    expect(wrong.length).toBeGreaterThan(0);
  });
});

describe('term reach', () => {
  /** Characters of a form that a term reads one for one: not separators, not invisible. */
  const counted = (text: string) => text.replace(/[\s\-\u00a0\u2010-\u2015\u2212\u00ad\u200b-\u200d\u2060\ufeff]/g, '').length;

  it('covers every form the matcher compiles, plurals included', () => {
    const random = seeded(8);
    const packs = [
      ...bundledPacks,
      pack([...randomEntries(random, 200), { term: 'ontology' }, { term: 'gas' }, { term: 'foun\u00ADdation  model' }], 'random'),
    ];
    const matcher = compileMatcher(packs);
    const forms = collectForms(packs).forms;
    expect(termReach(matcher)).toBeGreaterThanOrEqual(Math.max(...forms.map((f) => counted(f.text))));
    // Tight enough to keep the rescanned overlap small.
    expect(termReach(matcher)).toBeLessThanOrEqual(Math.max(...forms.map((f) => f.text.length)) + 2);
  });
});
