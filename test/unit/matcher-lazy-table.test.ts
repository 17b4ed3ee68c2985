import { describe, expect, it } from 'vitest';
import { compileImage, compileMatcher, loadMatcher } from '../../src/core/matcher';
import { readImage } from '../../src/core/matcher/image-reader';
import { Table } from '../../src/core/matcher/table';
import { selectLongest } from '../../src/core/matcher/verify';
import { pack } from './fixtures-matcher/packs';
import { pick, randomEntries, randomText, seeded, twinPacks } from './fixtures-matcher/random';

// A table is built a row at a time as the text reaches each state. It must find exactly what
// the table built whole (and the compact layout, which has no table) finds, however the text
// arrives.
describe('a table built as the text reaches it', () => {
  // Every row as the text reaches it, or a few built ahead and the rest so.
  const ways = [{ lazyRowsFrom: 0, rowsAhead: 0 }, { lazyRowsFrom: 0, rowsAhead: 40 }];

  it('finds what the whole table finds, scan after scan, in whole texts and in ranges', () => {
    const random = seeded(7);
    for (let round = 0; round < 5; round++) {
      const { entries, packs } = twinPacks(random, 120, 20);
      const whole = compileMatcher(packs, { lazyRowsFrom: Infinity });
      const rows = compileMatcher(packs, ways[round % 2]);
      const texts = Array.from({ length: 4 }, () =>
        randomText(random, entries, 250).replace(/a/g, () => pick(random, ['a', 'a\u00AD', 'a\u200B'])),
      );
      for (const text of texts) {
        const found = whole.scan(text);
        expect(found.length).toBeGreaterThan(0);
        expect(rows.scan(text)).toEqual(found);
        // Ranges start mid-word and mid-term, in states the earlier scans did not all reach.
        for (let k = 0; k < 5; k++) {
          const from = Math.floor(random() * text.length);
          const to = from + Math.floor(random() * (text.length - from));
          expect(rows.scan(text, from, to)).toEqual(whole.scan(text, from, to));
        }
      }
      // Again, now that the rows are built and the transitions along them stored plain.
      expect(rows.scan(texts[0]!)).toEqual(whole.scan(texts[0]!));
    }
  });

  it('leaves what a large loaded glossary finds as its whole table finds it', () => {
    const random = seeded(11);
    const entries = randomEntries(random, 1500);
    const packs = [pack(entries)];
    const image = JSON.parse(JSON.stringify(compileImage(packs)));
    const loaded = loadMatcher(image, packs);
    const whole = loadMatcher(image, packs, { lazyRowsFrom: Infinity });
    expect(loaded.stats.states).toBeGreaterThanOrEqual(8192);
    for (let t = 0; t < 3; t++) {
      const text = randomText(random, entries, 2000);
      expect(loaded.scan(text)).toEqual(whole.scan(text));
    }
  });

  it('grows its table as rows are added, and finds what the compact layout finds', () => {
    const random = seeded(12);
    const entries = randomEntries(random, 300);
    const packs = [pack(entries)];
    const view = readImage(compileImage(packs), 300);
    const compact = compileMatcher(packs, { maxTableBytes: 0 });
    // Room for one row at first: it grows again and again, its rows already built kept in place,
    // some built ahead between the scans (so in another order than the text reaches them).
    const growing = new Table(view, undefined, 1);
    for (let t = 0; t < 4; t++) {
      const text = randomText(random, entries, 300).replace(/ /g, () => pick(random, [' ', ' ', ' \u00a0 ', '\u200b ']));
      const found = compact.scanAll!(text);
      expect(found.length).toBeGreaterThan(20);
      expect(selectLongest(growing.scan(text, 0, text.length))).toEqual(found);
      growing.build(0, 40 * (t + 1));
    }
    // It grew from its one row.
    expect(growing.automaton.table.length).toBeGreaterThan(view.width * 64);
  });
});
