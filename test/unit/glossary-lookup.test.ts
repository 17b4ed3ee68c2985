import { describe, expect, it } from 'vitest';
import { closestEntries, entryForText } from '../../src/core/glossary/lookup';
import { compileMatcher } from '../../src/core/matcher';
import type { GlossaryPack } from '../../src/core/glossary/types';

const pack: GlossaryPack = {
  id: 'test', name: 'Test', version: '1', language: 'en',
  entries: [
    { id: 'fm', term: 'foundation model', definition: 'd', category: 'concept' },
    { id: 'rlhf', term: 'RLHF', aliases: [{ text: 'reinforcement learning from human feedback', caseSensitive: false }], definition: 'd', category: 'technique', match: { caseSensitive: true } },
    { id: 'ft', term: 'fine-tuning', aliases: ['finetuning'], definition: 'd', category: 'technique' },
  ],
};
const matcher = compileMatcher([pack]);
const idOf = (i: number | null) => (i === null ? null : matcher.entries[i]!.entry.id);

describe('entryForText', () => {
  it('names the entry when the whole selection is one term, in any of its forms', () => {
    expect(idOf(entryForText(matcher, '  foundation models\n'))).toBe('fm');
    expect(idOf(entryForText(matcher, 'Reinforcement Learning from Human Feedback'))).toBe('rlhf');
    expect(idOf(entryForText(matcher, 'fine tuning'))).toBe('ft');
  });

  it('names a case-sensitive term asked about in another case: the reader chose the text', () => {
    expect(idOf(entryForText(matcher, 'rlhf'))).toBe('rlhf');
    expect(idOf(entryForText(matcher, ' Rlhf '))).toBe('rlhf');
    // Unless two entries spell it so.
    const twin: GlossaryPack = { ...pack, id: 'twin', entries: [{ id: 'rlhf2', term: 'rlhf', definition: 'd', category: 'concept', match: { caseSensitive: true } }] };
    const both = compileMatcher([pack, twin]);
    expect(entryForText(both, 'Rlhf')).toBeNull();
  });

  it('refuses a selection that only contains a term, or none', () => {
    expect(entryForText(matcher, 'a foundation model here')).toBeNull();
    expect(entryForText(matcher, 'rlhf model')).toBeNull();
    expect(entryForText(matcher, '   ')).toBeNull();
  });
});

describe('closestEntries', () => {
  it('suggests entries for misspellings and partial terms, closest first', () => {
    expect(closestEntries(matcher.entries, 'foundaton model').map((i) => idOf(i))).toEqual(['fm']);
    expect(closestEntries(matcher.entries, 'tuning').map((i) => idOf(i))).toEqual(['ft']);
    expect(closestEntries(matcher.entries, 'RHLF').map((i) => idOf(i))).toContain('rlhf');
  });

  it('suggests nothing for unrelated text', () => {
    expect(closestEntries(matcher.entries, 'banana bread')).toEqual([]);
    expect(closestEntries(matcher.entries, '')).toEqual([]);
  });
});
