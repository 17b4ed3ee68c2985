import { pluralOf } from '../../../src/core/matcher';
import type { GlossaryPack } from '../../../src/core/glossary/types';
import { pack, type TestEntry } from './packs';

/** A small seeded generator (mulberry32), so a failing random case can be replayed. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

const SYLLABLES = 'ka lo mi ne ru ta vo ze pri str an el ox qu ish'.split(' ');

/** A pronounceable made-up word of `min` to `min + 2` syllables. */
export function randomWord(random: () => number, min = 2): string {
  let word = '';
  const count = min + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) word += pick(random, SYLLABLES);
  return word;
}

/** Made-up terms sharing syllables, so they overlap and nest; no two share a form. */
export function randomEntries(random: () => number, count: number): TestEntry[] {
  const entries: TestEntry[] = [];
  const taken = new Set<string>();
  while (entries.length < count) {
    const acronym = random() < 0.1;
    const words = acronym ? 1 : 1 + Math.floor(random() * 3);
    const term = acronym
      ? randomWord(random, 1).toUpperCase()
      : Array.from({ length: words }, () => randomWord(random, 1)).join(random() < 0.3 ? '-' : ' ');
    const key = term.toLowerCase().replace(/-/g, ' ');
    const plural = pluralOf(key)!.text;
    if (taken.has(key) || taken.has(plural)) continue;
    taken.add(key).add(plural);
    entries.push({ term, match: { caseSensitive: acronym, plural: random() < 0.8 } });
  }
  return entries;
}

export function randomText(random: () => number, entries: readonly TestEntry[], words: number): string {
  const separators = [' ', ' ', ' ', '-', '\n   ', '\u00a0', ', ', '. ', '\u2013'];
  let text = '';
  for (let i = 0; i < words; i++) {
    let word = random() < 0.4 ? pick(random, entries).term : randomWord(random, 1);
    if (random() < 0.2) word = random() < 0.5 ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1);
    if (random() < 0.15) word += pick(random, ['s', 'es', 'x', '’s', 'ies']);
    text += word + pick(random, separators);
  }
  return text;
}

/**
 * Two packs of random terms; the second repeats some of the first's terms with other case and
 * gate rules, so several forms end at one state and their order of preference counts.
 */
export function twinPacks(random: () => number, count: number, twinCount: number): { entries: TestEntry[]; packs: GlossaryPack[] } {
  const first = randomEntries(random, count);
  const twins = first.slice(0, twinCount).map((e) => ({ ...e, contextGated: random() < 0.5, match: { caseSensitive: !e.match?.caseSensitive } }));
  return { entries: [...first, ...twins], packs: [pack(first, 'one'), pack(twins, 'two')] };
}
