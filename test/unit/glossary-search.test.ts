import { describe, expect, it } from 'vitest';
import { bundledPacks } from '../../src/core/glossary/bundled';
import type { GlossaryPack } from '../../src/core/glossary/types';
import { filterEntries, indexEntries, searchEntries } from '../../src/ui/glossary-search';

const bundled = indexEntries(bundledPacks);
const found = (query: string, index = bundled) => searchEntries(index, query).map((item) => item.entry.term);

const PACK: GlossaryPack = {
  id: 'test',
  name: 'Test',
  version: '1.0.0',
  language: 'en',
  entries: [
    { id: 'world-model', term: 'world model', definition: 'A model of how the world works.', category: 'concept' },
    { id: 'reward', term: 'reward model', definition: 'Scores answers for (RL) training.', category: 'technique' },
    { id: 'style', term: 'house style', definition: 'Tuned in an rlhf-style loop.', category: 'concept' },
    { id: 'girl', term: 'Girls Who Code', definition: 'A charity.', category: 'organisation' },
    { id: 'tokenizer', term: 'tokenizer', definition: 'Splits the world into tokens.', category: 'technique' },
  ],
};
const own = indexEntries([PACK]);

describe('searching the glossaries', () => {
  it('finds a definition only where a word starts with the query, not inside a word', () => {
    const rl = found('rl');
    expect(rl).toContain('RLHF');
    expect(rl).toContain('DPO');
    for (const noise of ['AI Index', 'Meta', 'transformer']) expect(rl).not.toContain(noise);
  });

  it('counts a word start after punctuation or a hyphen, and ranks names first', () => {
    // "(RL)" and "rlhf-style" start words; "world" does not, so the tokenizer is no match. A
    // name holding "rl" anywhere still counts, ahead of the definitions.
    expect(found('rl', own)).toEqual(['Girls Who Code', 'world model', 'house style', 'reward model']);
  });

  it('on the glossary page, where whole definitions show, also finds letters inside a word', () => {
    const shown = (query: string, index = own) => filterEntries(index, query).map((item) => item.entry.term);
    // In the order of the list; the tokenizer by "world" in its definition, in plain sight there.
    expect(shown('rl')).toEqual(['world model', 'reward model', 'house style', 'Girls Who Code', 'tokenizer']);
    expect(shown('human feedback learning', bundled)).toContain('RLHF');
    expect(shown('uman eedback', bundled)).toEqual([]);
  });

  it('finds words of a language written without spaces, in the popup too', () => {
    const zh: GlossaryPack = {
      ...PACK,
      id: 'zh',
      language: 'zh',
      entries: [{ id: 'rlhf', term: 'RLHF', definition: '基于人类反馈的强化学习。', category: 'technique' }],
    };
    const index = indexEntries([zh]);
    expect(found('强化学习', index)).toEqual(['RLHF']);
    expect(filterEntries(index, '人类反馈').map((item) => item.entry.term)).toEqual(['RLHF']);
  });
});
