import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { bundledPacks } from '../../src/core/glossary/bundled';
import type { GlossaryPack } from '../../src/core/glossary/types';
import { compileImage, compileMatcher, ImageError, loadMatcher, pluralOf, type Match, type MatcherImage } from '../../src/core/matcher';
import { ImageReader, readImage } from '../../src/core/matcher/image-reader';
import { Table } from '../../src/core/matcher/table';
import { pack } from './fixtures-matcher/packs';
import { inPieces } from './fixtures-matcher/pieces';
import { pick, randomEntries, randomText, seeded, twinPacks } from './fixtures-matcher/random';

const article = readFileSync(new URL('../fixtures/demo/foundation-models-article.txt', import.meta.url), 'utf8');

/** What storage hands back: the image after a trip through JSON. */
const stored = (packs: readonly GlossaryPack[]): MatcherImage => JSON.parse(JSON.stringify(compileImage(packs)));

describe('a glossary compiled once and loaded in each page', () => {
  it('finds in the article exactly what compiling in the page finds', () => {
    const fresh = compileMatcher(bundledPacks);
    const loaded = loadMatcher(stored(bundledPacks), bundledPacks);
    const found = loaded.scan(article);
    expect(found.length).toBeGreaterThan(50);
    expect(found.some((m) => m.gated)).toBe(true);
    expect(found).toEqual(fresh.scan(article));
    expect(loaded.stats).toEqual(fresh.stats);
    expect(loaded.entries.map((e) => e.entry.id)).toEqual(fresh.entries.map((e) => e.entry.id));
  });

  it('keeps every rule on random glossaries of several packs, in both table layouts', () => {
    const random = seeded(21);
    for (let round = 0; round < 4; round++) {
      // The preference order between forms ending at one state must survive the trip.
      const { entries, packs } = twinPacks(random, 150, 30);
      const image = stored(packs);
      for (const options of [{}, { maxTableBytes: 0 }]) {
        const fresh = compileMatcher(packs, options);
        const loaded = loadMatcher(image, packs, options);
        for (let t = 0; t < 3; t++) {
          const text = randomText(random, entries, 300).replace(/o/g, () => pick(random, ['o', 'o\u00AD']));
          expect(loaded.scan(text)).toEqual(fresh.scan(text));
        }
      }
    }
  });

  it('keeps exception phrases apart from terms, in both table layouts', () => {
    const packs = [
      pack([
        { term: 'Meta', match: { caseSensitive: true, except: ['Meta-learning'] } },
        { term: 'scale', match: { except: ['on a scale of'] } },
      ]),
    ];
    const text = 'Meta-learning at Meta, on a scale of 1 to 10, at scale';
    for (const options of [{}, { maxTableBytes: 0 }]) {
      const loaded = loadMatcher(stored(packs), packs, options);
      expect(loaded.scan(text).map((m) => text.slice(m.start, m.end))).toEqual(['Meta', 'scale']);
      expect(loaded.scanAll!(text)).toEqual(compileMatcher(packs, options).scanAll!(text));
    }
  });

  it('is small enough to keep in storage: a 5,000-term glossary stays under a megabyte', () => {
    const packs = [pack(randomEntries(seeded(5), 5000))];
    expect(JSON.stringify(compileImage(packs)).length).toBeLessThan(1024 * 1024);
  });
});

describe('a table built in steps, as a page with a large glossary does', () => {
  const entries = randomEntries(seeded(8), 400);
  const packs = [pack(entries)];
  const image = stored(packs);

  it('comes out the same as one built at once, however many steps it takes', () => {
    const view = readImage(image, 400);
    expect(view.symbols.length).toBeGreaterThan(1000);
    const at = new Table(view);
    expect(at.build()).toBe(true);
    const whole = at.automaton;
    const builder = new Table(view);
    let steps = 0;
    // A deadline already past: each step still builds a few dozen states, then stops.
    while (!builder.build(0)) steps++;
    expect(steps).toBeGreaterThan(2);
    // Asked again once all is built, it says so at once.
    expect(builder.build(0)).toBe(true);
    expect(builder.automaton.table).toEqual(whole.table);
    expect(builder.automaton.report).toEqual(whole.report);
    expect(builder.automaton.dict).toEqual(whole.dict);
  });

  it('lets a page build the whole table a step at a time, and finishes it on a scan that comes first', () => {
    const text = randomText(seeded(9), entries, 400);
    const expected = compileMatcher(packs).scan(text);
    expect(expected.length).toBeGreaterThan(20);
    const whole = { lazyRowsFrom: Infinity };

    const stepped = loadMatcher(image, packs, whole);
    let steps = 0;
    while (!stepped.prepare(0)) steps++;
    expect(steps).toBeGreaterThan(2);
    expect(stepped.prepare(0)).toBe(true);
    expect(stepped.scan(text)).toEqual(expected);

    const early = loadMatcher(image, packs, whole);
    expect(early.prepare(0)).toBe(false);
    expect(early.scan(text)).toEqual(expected);
    expect(early.prepare(0)).toBe(true);
  });
});

/** A text holding every term of `entries`, and its plural. */
const everyTerm = (entries: readonly { term: string }[]) => entries.map((e) => `${e.term}, ${pluralOf(e.term)?.text ?? ''}`).join('. ');

describe('an image checked as the text reaches it, as each page does', () => {
  const entries = randomEntries(seeded(11), 400);
  const packs = [pack(entries)];

  it('checks whole in steps (as the background does) the same as at once, pausing again and again', () => {
    const many = [pack(randomEntries(seeded(13), 3000))];
    const image = stored(many);
    expect(image.symbols.length).toBeGreaterThan(8 * 1024);
    const whole = readImage(image, 3000);
    const reader = new ImageReader(image, 3000);
    let steps = 0;
    let view = null;
    // A deadline already past: each step still checks a thousand states or so, then stops.
    while (!(view = reader.read(0))) steps++;
    expect(steps).toBeGreaterThanOrEqual(Math.floor(image.symbols.length / 1024));
    expect(view).toEqual(whole);
  });

  it('opens only the states the text reaches, and finds what the whole image finds', () => {
    const many = [pack(randomEntries(seeded(15), 3000))];
    const image = stored(many);
    const text = randomText(seeded(16), many[0]!.entries, 200);
    const expected = compileMatcher(many, { lazyRowsFrom: Infinity }).scan(text);
    expect(expected.length).toBeGreaterThan(20);
    const open = vi.spyOn(ImageReader.prototype, 'open');
    try {
      expect(loadMatcher(image, many).scan(text)).toEqual(expected);
      const opened = new Set(open.mock.calls.map(([state]) => state));
      expect(opened.size).toBeGreaterThan(64);
      expect(opened.size).toBeLessThan(image.symbols.length / 4);
    } finally {
      open.mockRestore();
    }
  });

  it('scans white space without getting ready: a frame of nothing but indentation pays nothing', () => {
    const many = [pack(randomEntries(seeded(14), 3000))];
    const open = vi.spyOn(ImageReader.prototype, 'open');
    try {
      const matcher = loadMatcher(stored(many), many);
      expect(matcher.scan('\n    \u0000  \t\u0000\u00a0 ')).toEqual([]);
      expect(open).not.toHaveBeenCalled();
      const word = many[0]!.entries[0]!.term;
      expect(matcher.scan(`  ${word}  `).length).toBe(1);
      expect(open).toHaveBeenCalled();
    } finally {
      open.mockRestore();
    }
  });

  it('once it has found damage, refuses the image however often it is asked', () => {
    const deep = [...entries, { term: 'zeta omega theta', match: { plural: false } }];
    const packs = [pack(deep)];
    const image = stored(packs);
    // Only the last term's form is damaged: one symbol longer than its state is deep.
    const form = image.forms.entry.indexOf(deep.length - 1);
    image.forms.length[form] = image.forms.length[form]! + 1;
    const matcher = loadMatcher(image, packs);
    expect(matcher.scan('zeta omega')).toEqual([]);
    for (let i = 0; i < 3; i++) expect(() => matcher.scan('zeta omega theta')).toThrow(/forms\.length/);
    // Even for text that reaches only states already checked, or none.
    expect(() => matcher.scan('zeta omega')).toThrow(ImageError);
    expect(() => matcher.prepare(Infinity)).toThrow(ImageError);
  });

  it('cuts a scan in pieces for the terms of the glossary it compiles in place of a damaged one', () => {
    const packs = [pack([{ term: 'alpha', match: { plural: false } }, { term: 'alpha beta gamma', match: { plural: false } }])];
    const image = stored(packs);
    // Both forms stored as 3 symbols long: pieces would be cut for terms of 3.
    image.forms.length = image.forms.length.map(() => 3);
    const errors: Error[] = [];
    const matcher = loadMatcher(image, packs, { onImageError: (err) => errors.push(err) });
    const text = 'xxxxx alpha beta gamma, and alpha beta gamma';
    const words = (found: Match[]) => found.map((m) => text.slice(m.start, m.end));
    expect(words(inPieces(matcher, text, [], 1))).toEqual(['alpha beta gamma', 'alpha beta gamma']);
    expect(errors).toHaveLength(1);
  });

  it('finds damage where the text first reaches it, and then compiles the packs itself if told to', () => {
    const image = stored(packs);
    // Every chain of forms points back: nothing about the image's shape shows it.
    image.forms.next.fill(0);
    const errors: Error[] = [];
    const matcher = loadMatcher(image, packs, { onImageError: (err) => errors.push(err) });
    expect(errors).toEqual([]);
    const text = randomText(seeded(12), entries, 300);
    expect(matcher.scan(text)).toEqual(compileMatcher(packs).scan(text));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ImageError);
    expect(matcher.scan(text)).toEqual(compileMatcher(packs).scan(text));
    expect(errors).toHaveLength(1);
    // Without anyone to tell, the damage is thrown from the scan that finds it.
    expect(() => loadMatcher(image, packs).scan(text)).toThrow(ImageError);
  });
});

/** The state a word leads to from the start state, in a stored image (-1 if none). */
function stateOf(image: MatcherImage, word: string): number {
  let state = 0;
  for (const char of word) {
    const at = image.letters.indexOf(char.charCodeAt(0));
    const symbol = image.letters[at + 1];
    let child = image.firstChild[state]!;
    while (child !== -1 && image.symbols[child] !== symbol) child = image.nextSibling[child]!;
    if (child === -1) return -1;
    state = child;
  }
  return state;
}

describe('a stored image checked a state at a time', () => {
  const plain = (terms: string[]) => [pack(terms.map((term) => ({ term, match: { plural: false } })))];

  it('refuses a state claimed as a child by two states, when the second is opened', () => {
    const packs = plain(['ab', 'cd', 'ef']);
    const image = stored(packs);
    // "a" now leads to "f" (a child of "e") instead of "b".
    image.firstChild[stateOf(image, 'a')] = stateOf(image, 'ef');
    const matcher = loadMatcher(image, packs);
    expect(matcher.scan('ef').length).toBe(1);
    expect(() => matcher.scan('ab')).toThrow(/children/);
  });

  it('refuses a list of siblings that runs back into itself', () => {
    const packs = plain(['ab', 'ac', 'ad']);
    const image = stored(packs);
    const a = stateOf(image, 'a');
    const first = image.firstChild[a]!;
    image.nextSibling[image.nextSibling[first]!] = first;
    expect(() => loadMatcher(image, packs).scan('ab')).toThrow(/children/);
  });

  it('refuses a chain of forms that runs into the forms of another state', () => {
    const packs = plain(['ab', 'xyz']);
    const image = stored(packs);
    expect(image.forms.length).toEqual([2, 3]);
    image.forms.next[0] = 1;
    const matcher = loadMatcher(image, packs);
    // "xyz" is checked first, on its own; "ab" then leads into it.
    expect(matcher.scan('xyz').length).toBe(1);
    expect(() => matcher.scan('ab')).toThrow(/forms\.next/);
  });
});

describe('a damaged or foreign image', () => {
  const entries = randomEntries(seeded(3), 60);
  const packs = [pack(entries)];
  const text = everyTerm(entries);

  it('is refused with an ImageError by the whole check, and by a page whose text reaches the damage', () => {
    const cases: Array<(image: MatcherImage) => void> = [
      (i) => void (i.format = 0),
      (i) => void (i.entries = 61),
      (i) => void i.firstChild.pop(),
      (i) => void (i.heads[0] = 0),
      (i) => void (i.letters[1] = i.width),
      // The start state among its own children (with a letter's symbol, or only that is refused).
      (i) => void ((i.symbols[0] = i.symbols[i.firstChild[0]!]!), (i.firstChild[0] = 0)),
      // A deeper state leading back to the start state.
      (i) => void ((i.symbols[0] = i.symbols[i.firstChild[0]!]!), (i.firstChild[i.firstChild[0]!] = 0)),
      (i) => void (i.symbols[1] = 0),
      // Numbers a typed array would silently change.
      (i) => void (i.symbols[1] = i.symbols[1]! + 0.5),
      (i) => void (i.firstChild[0] = i.firstChild[0]! + 0.5),
      (i) => void (i.nextSibling[i.firstChild[0]!] = i.nextSibling[i.firstChild[0]!]! + 0.5),
      (i) => void (i.forms.entry[0] = '0' as unknown as number),
      // A state among the start state's children and its own parent's.
      (i) => void (i.nextSibling[i.firstChild[0]!] = i.symbols.length - 1),
      // A form longer than its state is deep would be read from before the text's start.
      (i) => void (i.forms.length = i.forms.length.map((n) => n + 1)),
      (i) => void (i.forms.exactChars = i.forms.exact.map((e) => e.length + 1)),
      (i) => void (i.heads = i.heads.map((h) => (h === -1 ? -1 : i.forms.entry.length))),
      // A chain of forms that points back would loop for ever when a term is found.
      (i) => void i.forms.next.fill(0),
      (i) => void i.forms.entry.fill(60),
      (i) => void (i.forms.exact = []),
      (i) => void ((i as unknown as { forms: unknown }).forms = null),
    ];
    for (const change of cases) {
      const image = stored(packs);
      change(image);
      expect(() => readImage(image, 60), String(change)).toThrow(ImageError);
      expect(() => loadMatcher(image, packs).scan(text), String(change)).toThrow(ImageError);
    }
    // States no state claims: a page whose text cannot reach them reads on; the whole check refuses it.
    const orphans = stored(packs);
    orphans.firstChild[0] = -1;
    expect(() => readImage(orphans, 60)).toThrow(/children/);
    expect(loadMatcher(orphans, packs).scan(text)).toEqual([]);
    expect(() => loadMatcher('{}', packs)).toThrow(ImageError);
    expect(() => loadMatcher(undefined, packs)).toThrow(ImageError);
  });

  it('either is refused or scans to the end, whatever numbers are changed at random', () => {
    const random = seeded(99);
    const sample = randomText(random, packs[0]!.entries, 200);
    // Rows built as the text reaches them, some ahead (a build that stops part-way), all ahead,
    // and the compact layout.
    const ways = [{}, { rowsAhead: 5 }, { lazyRowsFrom: Infinity }, { maxTableBytes: 0 }];
    for (let round = 0; round < 250; round++) {
      const image = stored(packs);
      const states = image.symbols.length;
      const lists = [image.letters, image.symbols, image.firstChild, image.nextSibling, image.heads, image.forms.next, image.forms.length, image.forms.exactChars];
      // One to three numbers: small ones, states, or another number of the same list.
      for (let hits = 1 + Math.floor(random() * 3); hits > 0; hits--) {
        const list = pick(random, lists);
        const r = random();
        list[Math.floor(random() * list.length)] = r < 0.3 ? Math.floor(random() * states) : r < 0.5 ? pick(random, list) : Math.floor(random() * 80) - 2;
      }
      for (const input of [sample, text]) {
        try {
          const matcher = loadMatcher(image, packs, pick(random, ways));
          for (const found of [matcher.scan(input), inPieces(matcher, input, [], 7)]) {
            for (const m of found) expect(0 <= m.start && m.start < m.end && m.end <= input.length && m.entry < 60).toBe(true);
          }
        } catch (err) {
          expect(err).toBeInstanceOf(ImageError);
        }
      }
    }
  });
});
