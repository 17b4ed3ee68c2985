import { describe, expect, it } from 'vitest';
import { isBlank } from '../../src/core/matcher/chars';
import { matcherFor, spans } from './fixtures-matcher/packs';

const matcher = matcherFor([
  { term: 'LLM', match: { caseSensitive: true } },
  { term: '🤗 Transformers', match: { plural: false } },
  { term: 'foundation model' },
]);

describe('text edge cases', () => {
  it('returns nothing for empty or term-free text', () => {
    expect(matcher.scan('')).toEqual([]);
    expect(matcher.scan('   \n\t ')).toEqual([]);
    expect(matcherFor([]).scan('LLM')).toEqual([]);
  });

  it('tells blank text (white space and control characters) from text with anything else', () => {
    // Every code unit, against what a regular expression calls white space or a control.
    const blank = /^[\s\p{Cc}]$/u;
    const differ: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      if (isBlank(char) !== blank.test(char)) differ.push(code);
    }
    expect(differ).toEqual([]);
    expect(isBlank('')).toBe(true);
    expect(isBlank(' \u0000\n\u00a0\u3000 ')).toBe(true);
    expect(isBlank(' \u0000 -')).toBe(false);
    // Only the range given is read.
    expect(isBlank('x   y', 1, 4)).toBe(true);
    expect(isBlank('x   y', 1, 5)).toBe(false);
  });

  it('gives UTF-16 offsets into the original string around emoji', () => {
    const text = '😀LLM👩‍💻 and a 🤗 Transformers demo';
    const [first, second] = matcher.scan(text);
    expect(first).toMatchObject({ start: 2, end: 5 });
    expect(text.slice(second!.start, second!.end)).toBe('🤗 Transformers');
  });

  it('sees letters outside the Basic Multilingual Plane as word characters', () => {
    expect(spans(matcher, '𝐀LLM LLM𝐀 𝐋𝐋𝐌')).toEqual([]);
  });

  it('scans only the given range but checks boundaries against the whole string', () => {
    const text = 'xLLM LLM LLM';
    expect(matcher.scan(text, 1).map((m) => m.start)).toEqual([5, 9]);
    expect(matcher.scan(text, 0, 8).map((m) => m.start)).toEqual([5]);
    expect(matcher.scan(text, 5, 7)).toEqual([]);
    expect(matcher.scan(text, 99, -4)).toEqual([]);
  });

  it('gives the same matches for a text scanned whole and in pieces', () => {
    const text = 'An LLM is a foundation model. LLMs: foundation\n models!';
    const whole = matcher.scan(text);
    const pieces = [...matcher.scan(text, 0, 29), ...matcher.scan(text, 29)];
    expect(pieces).toEqual(whole);
    expect(whole).toHaveLength(4);
  });

  it('handles a text of several megabytes', () => {
    const text = 'An LLM and a foundation model. '.repeat(150_000);
    const matches = matcher.scan(text);
    expect(matches).toHaveLength(300_000);
    expect(matches.at(-1)).toMatchObject({ start: text.length - 18, end: text.length - 2 });
  });
});
