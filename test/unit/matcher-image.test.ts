import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../../src/core/glossary/bundled';
import type { GlossaryPack } from '../../src/core/glossary/types';
import { compileImage, compileMatcher, ImageError, loadMatcher, type MatcherImage } from '../../src/core/matcher';
import { ImageReader, readImage } from '../../src/core/matcher/image-reader';
import { Table } from '../../src/core/matcher/table';
import { pack } from './fixtures-matcher/packs';
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

  it('lets a page build the table a step at a time, and finishes it on a scan that comes first', () => {
    const text = randomText(seeded(9), entries, 400);
    const expected = compileMatcher(packs).scan(text);
    expect(expected.length).toBeGreaterThan(20);

    const stepped = loadMatcher(image, packs);
    let steps = 0;
    while (!stepped.prepare(0)) steps++;
    expect(steps).toBeGreaterThan(2);
    expect(stepped.prepare(0)).toBe(true);
    expect(stepped.scan(text)).toEqual(expected);

    const early = loadMatcher(image, packs);
    expect(early.prepare(0)).toBe(false);
    expect(early.scan(text)).toEqual(expected);
    expect(early.prepare(0)).toBe(true);
  });
});

describe('an image checked in steps, as a page with a large glossary does', () => {
  const entries = randomEntries(seeded(11), 400);
  const packs = [pack(entries)];

  it('reads the same as at once, however many steps it takes, pausing in every part', () => {
    // Enough forms and heads that the forms and the heads take several steps too.
    const many = [pack(randomEntries(seeded(13), 3000))];
    const image = stored(many);
    expect(image.forms.entry.length).toBeGreaterThan(3 * 1024);
    expect(image.heads.length / 2).toBeGreaterThan(3 * 1024);
    const whole = readImage(image, 3000);
    const reader = new ImageReader(image, 3000);
    let steps = 0;
    let view = null;
    // A deadline already past: each step still checks a thousand items or so, then stops.
    while (!(view = reader.read(0))) steps++;
    expect(steps).toBeGreaterThan(image.symbols.length / 1024 + 6);
    expect(view).toEqual(whole);
  });

  it('scans white space without getting ready: a frame of nothing but indentation pays nothing', () => {
    const many = [pack(randomEntries(seeded(14), 3000))];
    const matcher = loadMatcher(stored(many), many);
    expect(matcher.scan('\n    \u0000  \t\u0000\u00a0 ')).toEqual([]);
    // Still far from ready: one step with its deadline already past does not finish it.
    expect(matcher.prepare(-Infinity)).toBe(false);
    const word = many[0]!.entries[0]!.term;
    expect(matcher.scan(`  ${word}  `).length).toBe(1);
    expect(matcher.prepare(-Infinity)).toBe(true);
  });

  it('once it has found damage, refuses the image however often it is asked', () => {
    const image = stored(packs);
    // The first head's chain runs on into a form of another length: found half-way through
    // marking that chain, which a second look would take as done.
    const form = image.heads[1]!;
    const other = image.forms.length.findIndex((length, f) => f > form && length !== image.forms.length[form]);
    image.forms.next[form] = other;
    const matcher = loadMatcher(image, packs);
    for (let i = 0; i < 3; i++) expect(() => matcher.prepare(Infinity)).toThrow(ImageError);
    expect(() => matcher.scan('anything')).toThrow(ImageError);
  });

  it('finds damage deep in the image as it gets ready, and then compiles the packs itself if told to', () => {
    const image = stored(packs);
    // A chain of forms that points back: nothing about the image's shape shows it.
    image.forms.next[image.forms.next.length - 2] = 0;
    const errors: Error[] = [];
    const matcher = loadMatcher(image, packs, { onImageError: (err) => errors.push(err) });
    expect(errors).toEqual([]);
    const text = randomText(seeded(12), entries, 300);
    expect(matcher.scan(text)).toEqual(compileMatcher(packs).scan(text));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ImageError);
    // Without anyone to tell, the damage is thrown from the step that finds it.
    expect(() => loadMatcher(image, packs).scan(text)).toThrow(ImageError);
  });
});

describe('a damaged or foreign image', () => {
  const packs = [pack(randomEntries(seeded(3), 60))];
  const damaged = (change: (image: MatcherImage) => void) => {
    const image = stored(packs);
    change(image);
    // Made and made ready: some damage shows only as the image is checked step by step.
    return () => loadMatcher(image, packs).prepare(Infinity);
  };

  it('is refused with an ImageError, never misread', () => {
    const cases: Array<(image: MatcherImage) => void> = [
      (i) => void (i.format = 0),
      (i) => void (i.entries = 61),
      (i) => void (i.children[0] = i.symbols.length),
      (i) => void i.children.pop(),
      (i) => void (i.symbols[1] = 0),
      // A state among its own ancestors, and states no parent claims.
      (i) => void ((i.children[i.children.length - 1] = i.children[0]!), (i.children[0] = 0)),
      (i) => void i.children.splice(-1, 1, 1),
      // A form longer than its state is deep would be read from before the text's start.
      (i) => void (i.forms.length[0] = i.forms.length[0]! + 1),
      (i) => void (i.forms.exactChars[0] = i.forms.exact[0]!.length + 1),
      (i) => void (i.letters[1] = i.width),
      (i) => void (i.heads[0] = i.symbols.length),
      // A chain of forms that points back would loop for ever when a term is found.
      (i) => void (i.forms.next[1] = 0),
      (i) => void (i.forms.entry[0] = 60),
      (i) => void (i.forms.exact = []),
      (i) => void ((i as unknown as { forms: unknown }).forms = null),
    ];
    for (const change of cases) expect(damaged(change)).toThrow(ImageError);
    expect(() => loadMatcher('{}', packs)).toThrow(ImageError);
    expect(() => loadMatcher(undefined, packs)).toThrow(ImageError);
  });

  it('either is refused or scans to the end, whatever numbers are changed at random', () => {
    const random = seeded(99);
    const text = randomText(random, packs[0]!.entries, 200);
    for (let round = 0; round < 300; round++) {
      const image = stored(packs);
      const lists = [image.letters, image.symbols, image.children, image.heads, image.forms.next, image.forms.length, image.forms.exactChars];
      const list = pick(random, lists);
      list[Math.floor(random() * list.length)] = Math.floor(random() * 80) - 2;
      try {
        for (const m of loadMatcher(image, packs).scan(text)) {
          expect(0 <= m.start && m.start < m.end && m.end <= text.length).toBe(true);
        }
      } catch (err) {
        expect(err).toBeInstanceOf(ImageError);
      }
    }
  });
});
