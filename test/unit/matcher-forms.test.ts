import { describe, expect, it } from 'vitest';
import { pluralOf } from '../../src/core/matcher';
import { marked, matcherFor, spans } from './fixtures-matcher/packs';
import { pick, seeded } from './fixtures-matcher/random';

/** The plural rules written once, for every script: what the quick ASCII tests must agree with. */
function referencePlural(form: string): { text: string; keep: number } | null {
  const base = form.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]+$/u, '');
  if (!/[\p{L}\p{N}]/u.test(base.slice(-1))) return null;
  const word = /[^\s\-\u00a0\u2010-\u2015\u2212]*$/u.exec(base)![0];
  const lower = word.toLowerCase();
  if (/^[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*$/u.test(word)) return { text: `${base}s`, keep: base.length };
  if (/(?:s|x|z|ch|sh)$/.test(lower)) return { text: `${base}es`, keep: base.length };
  if (/[^aeiou]y$/.test(lower)) return { text: `${base.slice(0, -1)}ies`, keep: base.length - 1 };
  return { text: `${base}s`, keep: base.length };
}

describe('pluralOf', () => {
  it.each([
    ['model', 'models'],
    ['foundation model', 'foundation models'],
    ['LLM', 'LLMs'],
    ['GPU', 'GPUs'],
    ['LoRA', 'LoRAs'],
    ['bias', 'biases'],
    ['index', 'indexes'],
    ['batch', 'batches'],
    ['hash', 'hashes'],
    ['ontology', 'ontologies'],
    ['key', 'keys'],
    ['pre-training', 'pre-trainings'],
    ['mixture of expert', 'mixture of experts'],
    ['GPT-4', 'GPT-4s'],
  ])('%s → %s', (form, plural) => {
    expect(pluralOf(form)?.text).toBe(plural);
  });

  it('follows the same rules in any script and any case, ASCII or not', () => {
    const random = seeded(42);
    const pieces = ['a', 'e', 'y', 'Y', 's', 'S', 'h', 'H', 'c', 'C', 'x', 'z', 'Z', 'k', 'B', '4', '7', ' ', '-',
      'é', 'É', 'Σ', 'ς', 'я', 'Я', 'İ', 'ÿ', 'Ÿ', '\u212a', '٣', '\u00ad', '.', '’'];
    for (let i = 0; i < 4000; i++) {
      let form = '';
      const length = 1 + Math.floor(random() * 6);
      for (let k = 0; k < length; k++) form += pick(random, pieces);
      expect(pluralOf(form), JSON.stringify(form)).toEqual(referencePlural(form));
    }
  });

  it('gives no plural to a form that ends in punctuation', () => {
    expect(pluralOf('C++')).toBeNull();
    expect(pluralOf('Moore’s law?')).toBeNull();
  });
});

describe('plural and possessive forms in text', () => {
  const matcher = matcherFor([
    { term: 'LLM', match: { caseSensitive: true } },
    { term: 'foundation model' },
    { term: 'ontology' },
    { term: 'Mistral Ontology', match: { caseSensitive: true } },
    { term: 'Gemini', match: { plural: false } },
    { term: 'scaling law', aliases: [{ text: 'SLaw', caseSensitive: true }] },
  ]);

  it('finds regular plurals, the last word of a multi-word term included', () => {
    expect(spans(matcher, 'LLMs, foundation models and ontologies')).toEqual([
      'LLMs',
      'foundation models',
      'ontologies',
    ]);
  });

  it('gives generated plurals the case rule of their base', () => {
    expect(spans(matcher, 'llms or Llms, but LLMs and LLMS')).toEqual(['LLMs', 'LLMS']);
    expect(spans(matcher, 'mistral ontologies, Mistral Ontologies, Mistral OntologIES')).toEqual([
      'ontologies',
      'Mistral Ontologies',
      'Mistral OntologIES',
    ]);
    expect(spans(matcher, 'SLaws slaws')).toEqual(['SLaws']);
  });

  it('generates no plurals for entries with plural: false', () => {
    expect(spans(matcher, 'Geminis and Gemini')).toEqual(['Gemini']);
  });

  it('lets an alias turn its own plural off, or on where the entry has none', () => {
    // "LMS" is a learning management system: the acronym may take "LMs" only as written.
    const own = matcherFor([
      {
        term: 'language model',
        aliases: [
          { text: 'LM', caseSensitive: true, plural: false },
          { text: 'LMs', caseSensitive: true, plural: false },
        ],
      },
      { term: 'Gemini', match: { plural: false }, aliases: [{ text: 'Gemini model', plural: true }] },
    ]);
    expect(spans(own, 'an LM, two LMs, a LMS login, language models')).toEqual(['LM', 'LMs', 'language models']);
    expect(spans(own, 'Geminis, Gemini models')).toEqual(['Gemini models']);
  });

  it('marks the base of a possessive, with either apostrophe', () => {
    expect(spans(matcher, "the LLM's output, the foundation model’s size, LLMs’ costs")).toEqual([
      'LLM',
      'foundation model',
      'LLMs',
    ]);
  });

  it('reports plurals under the entry of their base', () => {
    expect(marked(matcher, 'ontologies')).toEqual(['ontologies=ontology']);
  });
});

describe('aliases and shared forms', () => {
  it('applies an alias’s own case and gate rules over the entry’s', () => {
    const matcher = matcherFor([
      {
        term: 'Gemini',
        match: { contextGated: true },
        aliases: [{ text: 'Google Gemini', contextGated: false }],
      },
      {
        term: 'reinforcement learning from human feedback',
        aliases: [{ text: 'RLHF', caseSensitive: true }],
      },
    ]);
    expect(matcher.scan('Gemini, Google Gemini').map((m) => m.gated)).toEqual([true, false]);
    expect(spans(matcher, 'rlhf RLHF')).toEqual(['RLHF']);
  });

  it('prefers the exact-case entry, then the ungated one, then the earlier one', () => {
    const matcher = matcherFor([
      { term: 'transformer', match: { contextGated: true } },
      { term: 'Transformer', match: { caseSensitive: true } },
      { term: 'attention', match: { contextGated: true } },
      { term: 'Attention' },
      { term: 'token' },
      { term: 'TOKEN' },
    ]);
    expect(matcher.scan('Transformer transformer').map((m) => m.entry)).toEqual([1, 0]);
    expect(matcher.scan('attention').map((m) => m.entry)).toEqual([3]);
    expect(matcher.scan('Token').map((m) => m.entry)).toEqual([4]);
  });

  it('skips empty forms instead of matching everywhere', () => {
    const matcher = matcherFor([{ term: '  ', aliases: ['-', '\u00AD'] }, { term: 'model' }]);
    expect(spans(matcher, 'a model - b')).toEqual(['model']);
  });
});
