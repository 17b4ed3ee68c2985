import { describe, expect, it } from 'vitest';
import { usableStoredPacks } from '../../src/core/glossary/stored-pack';
import { pack } from './fixtures-matcher/packs';

describe('user glossaries as storage hands them back', () => {
  const good = pack([{ term: 'zorblatting', aliases: ['zorb', { text: 'ZB', caseSensitive: true, plural: false }], match: { except: ['zorb tea'] } }], 'mine');

  it('keeps whole packs as they are', () => {
    expect(usableStoredPacks([good])).toEqual({ packs: [good], dropped: [] });
    expect(usableStoredPacks(undefined)).toEqual({ packs: [], dropped: [] });
  });

  it.each([
    ['no term', { term: undefined }],
    ['a blank term', { term: '  ' }],
    ['a definition that is not text', { definition: 5 }],
    ['no category', { category: undefined }],
    ['an alias that is a number', { aliases: [5] }],
    ['an alias object without text', { aliases: [{ caseSensitive: true }] }],
    ['an alias plural rule that is not true or false', { aliases: [{ text: 'zorb', plural: 'no' }] }],
    ['aliases that are no list', { aliases: 'zorb' }],
    ['a match flag that is not true or false', { match: { plural: 'no' } }],
    ['exception phrases that are not text', { match: { except: [null] } }],
    ['related ids that are not text', { related: [1] }],
    ['notes that are not text', { notes: {} }],
  ])('leaves out an entry with %s, and names it', (_, change) => {
    const broken = { ...good.entries[0]!, id: 'broken', ...change };
    const { packs, dropped } = usableStoredPacks([{ ...good, entries: [good.entries[0], broken] }]);
    expect(packs).toEqual([good]);
    expect(dropped).toEqual(['glossary "mine", entries[1]']);
  });

  it('leaves out what is no glossary at all', () => {
    expect(usableStoredPacks('mine')).toEqual({ packs: [], dropped: ['the list itself (not a list)'] });
    const { packs, dropped } = usableStoredPacks([null, { id: 'x', name: 'X' }, good]);
    expect(packs).toEqual([good]);
    expect(dropped).toEqual(['item 0 (not a glossary)', 'item 1 (not a glossary)']);
  });
});
