import { describe, expect, it } from 'vitest';
import {
  applyContextGate,
  contextGateOpen,
  countUngatedEntries,
  firstOccurrences,
  type Match,
} from '../../src/core/matcher';
import { matcherFor } from './fixtures-matcher/packs';

const matcher = matcherFor([
  { term: 'LLM' },
  { term: 'RLHF' },
  { term: 'fine-tuning' },
  { term: 'alignment', match: { contextGated: true } },
  {
    term: 'Gemini',
    match: { contextGated: true },
    aliases: [{ text: 'Google Gemini', contextGated: false }],
  },
]);
const termsOf = (matches: readonly Match[]) => matches.map((m) => matcher.entries[m.entry]!.entry.term);

describe('context gate', () => {
  it('returns gated forms flagged, for the page to decide', () => {
    expect(matcher.scan('alignment of an LLM').map((m) => m.gated)).toEqual([true, false]);
  });

  it('drops gated matches on a page with too few distinct ungated terms', () => {
    const matches = matcher.scan('alignment: LLM, LLM, LLM and an LLM');
    expect(termsOf(applyContextGate(matches, 2))).toEqual(['LLM', 'LLM', 'LLM', 'LLM']);
  });

  it('keeps gated matches once the page holds enough distinct ungated terms', () => {
    const matches = matcher.scan('alignment after RLHF and fine-tuning of an LLM');
    expect(termsOf(applyContextGate(matches, 3))).toEqual(['alignment', 'RLHF', 'fine-tuning', 'LLM']);
    expect(termsOf(applyContextGate(matches, 4))).toEqual(['RLHF', 'fine-tuning', 'LLM']);
  });

  it('keeps a gated form of an entry the page names unambiguously elsewhere', () => {
    const matches = matcher.scan('Google Gemini launched. Gemini is multimodal; alignment matters');
    expect(termsOf(applyContextGate(matches, 5))).toEqual(['Gemini', 'Gemini']);
  });

  it('decides for a whole page scanned block by block', () => {
    const blocks = ['On alignment', 'RLHF helps.', 'So does fine-tuning', 'and a good LLM.'];
    const ungated = new Set<number>();
    const perBlock = blocks.map((block) => matcher.scan(block));
    expect(contextGateOpen(countUngatedEntries(perBlock[0]!, ungated), 3)).toBe(false);
    for (const matches of perBlock.slice(1)) countUngatedEntries(matches, ungated);
    expect(contextGateOpen(ungated, 3)).toBe(true);
    expect(termsOf(applyContextGate(perBlock[0]!, 3, ungated))).toEqual(['alignment']);
  });

  it('always opens with a threshold of zero', () => {
    expect(termsOf(applyContextGate(matcher.scan('alignment'), 0))).toEqual(['alignment']);
  });
});

describe('first occurrence only', () => {
  it('keeps the first match of each entry in page order, across blocks', () => {
    const seen = new Set<number>();
    const first = firstOccurrences(matcher.scan('LLM and RLHF, LLM again'), seen);
    const second = firstOccurrences(matcher.scan('RLHF, fine-tuning, LLM'), seen);
    expect(termsOf(first)).toEqual(['LLM', 'RLHF']);
    expect(termsOf(second)).toEqual(['fine-tuning']);
  });

  it('counts plurals and aliases as the same entry', () => {
    const matches = matcher.scan('Google Gemini, Gemini, LLMs, LLM');
    expect(termsOf(firstOccurrences(matches))).toEqual(['Gemini', 'LLM']);
  });

  it('lets a gated match dropped by the gate leave the first occurrence to a later one', () => {
    const only = firstOccurrences(applyContextGate(matcher.scan('Gemini here, Google Gemini there'), 9));
    expect(only.map((m) => m.gated)).toEqual([true]);
    const noGate = firstOccurrences(applyContextGate(matcher.scan('Gemini alone, then an LLM'), 9));
    expect(termsOf(noGate)).toEqual(['LLM']);
  });
});
