import { describe, expect, it } from 'vitest';
import { validatePack } from '../../src/core/glossary/validate';
import { at, entry, errorsOf, packText } from './glossary-fixtures';

const lineOf = (text: string, needle: string, nth = 1) => at(text, needle, nth).line;

function warningsOf(text: string, fileName?: string): string[] {
  const result = validatePack(text, fileName);
  if (!result.ok) throw new Error(`expected the pack to pass: ${JSON.stringify(result.errors)}`);
  return result.warnings;
}

describe('validatePack: links between entries', () => {
  it('rejects a repeated id at the second use, naming the first', () => {
    const text = packText([entry('rlhf'), entry('dpo'), entry('rlhf', { term: 'RLHF again' })]);
    expect(errorsOf(text)).toEqual([
      {
        line: lineOf(text, '"id": "rlhf"', 2),
        column: 13, // the value, after `      "id": `
        path: 'entries[2].id',
        entryId: 'rlhf',
        code: 'packIdTaken',
        params: ['entries[0]'],
        message: 'is already used by entries[0]',
      },
    ]);
  });

  it('rejects a related id that no entry has', () => {
    const text = packText([entry('rlhf', { related: ['alignment', 'reward-modle'] }), entry('alignment')]);
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        line: lineOf(text, '"reward-modle"'),
        path: 'entries[0].related[1]',
        entryId: 'rlhf',
        message: 'no entry in this pack has the id "reward-modle"',
      }),
    ]);
  });

  it('rejects a written form claimed by two entries, folding case, hyphens and spaces', () => {
    const text = packText([
      entry('pre-training', { term: 'pre-training', aliases: [{ text: 'LLM', caseSensitive: true }] }),
      entry('pretraining-phase', { term: 'pretraining phase', aliases: ['Pre Training', 'llm'] }),
    ]);
    const errors = errorsOf(text);
    expect(errors.map(({ line, path, entryId }) => ({ line, path, entryId }))).toEqual([
      { line: lineOf(text, '"Pre Training"'), path: 'entries[1].aliases[0]', entryId: 'pretraining-phase' },
      { line: lineOf(text, '"llm"'), path: 'entries[1].aliases[1]', entryId: 'pretraining-phase' },
    ]);
    expect(errors[0]).toMatchObject({
      code: 'packFormTakenById',
      params: ['Pre Training', 'entries[0]', 'pre-training'],
      message: '"Pre Training" is already a form of entries[0] (id "pre-training"); a form can belong to one entry only',
    });
  });

  it('keeps closed forms distinct from spaced ones', () => {
    const text = packText([
      entry('pre-training', { term: 'pre-training' }),
      entry('pretraining-x', { term: 'pretraining' }),
    ]);
    expect(validatePack(text).ok).toBe(true);
  });

  it('reports shape and link problems of the same file in one pass, in file order', () => {
    const text = packText([
      entry('rlhf', { related: ['nope'] }),
      entry('dpo', { category: 'x' }),
      entry('rlhf', { term: 'other' }),
    ]);
    expect(errorsOf(text).map((e) => e.path)).toEqual([
      'entries[0].related[0]',
      'entries[1].category',
      'entries[2].id',
    ]);
  });
});

describe('validatePack: warnings do not block a pack', () => {
  it('warns about an overlong definition, labelled with the file name', () => {
    const text = packText([entry('rlhf', { definition: 'word '.repeat(80).trim() })]);
    expect(warningsOf(text, 'mine.json')).toEqual([
      `mine.json:${lineOf(text, '"definition"')}:21 entries[0] (id "rlhf") field "definition": ` +
        'is 399 characters long; a card reads best under 300',
    ]);
  });

  it('warns about self links, repeated links and forms repeated inside one entry', () => {
    const text = packText([
      entry('rlhf', { term: 'RLHF', aliases: ['rlhf'], related: ['rlhf', 'dpo', 'dpo'] }),
      entry('dpo'),
    ]);
    const warnings = warningsOf(text);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/field "aliases\[0\]": repeats "RLHF" from the same entry$/);
    expect(warnings[1]).toMatch(/field "related\[0\]": an entry need not list itself/);
    expect(warnings[2]).toMatch(/field "related\[2\]": lists "dpo" twice$/);
  });

  it('warns about exception phrases that could not do their work, where they are written', () => {
    const except = ['Meta-learning', 'on a meta-analysis', 'META', 'Metaverse', 'learning rate', 'Meta AIs'];
    const text = packText([entry('meta', { term: 'Meta', aliases: ['Meta AI'], match: { caseSensitive: true, except } })]);
    const line = lineOf(text, '"META"');
    expect(warningsOf(text)).toEqual([
      `glossary.json:${line}:${at(text, '"META"').column} entries[0] (id "meta") field "match.except[2]": ` +
        'is "Meta", a form of the term itself, so the term would still be marked there',
      expect.stringMatching(/field "match.except\[3\]": holds neither the term nor an alias of it, so it would only hide other terms$/),
      expect.stringMatching(/field "match.except\[4\]": holds neither the term/),
      // A plural the matcher makes of an alias is a form as well.
      expect.stringMatching(/field "match.except\[5\]": is "Meta AIs", a form of the term itself/),
    ]);
  });

  it('takes a phrase spelt like a plural as a phrase when the entry has no plurals', () => {
    const text = packText([entry('meta', { term: 'Meta', aliases: ['Meta AI'], match: { plural: false, except: ['Meta AIs'] } })]);
    expect(warningsOf(text)).toEqual([]);
  });

  it('follows an alias’s own plural rule over the entry’s', () => {
    // Only the alias with plurals on makes "Meta AIs" a form; the term's plural is off.
    const own = (aliasPlural: boolean, entryPlural: boolean) =>
      packText([
        entry('meta', {
          term: 'Meta',
          aliases: [{ text: 'Meta AI', plural: aliasPlural }],
          match: { plural: entryPlural, except: ['Meta AIs', 'Metas'] },
        }),
      ]);
    expect(warningsOf(own(true, false))).toEqual([
      expect.stringMatching(/field "match.except\[0\]": is "Meta AIs", a form of the term itself/),
      // "Metas" is no form of a term that takes no plural: the phrase could never apply.
      expect.stringMatching(/field "match.except\[1\]": holds neither the term/),
    ]);
    expect(warningsOf(own(false, true))).toEqual([expect.stringMatching(/field "match.except\[1\]": is "Metas", a form of the term itself/)]);
  });

  it('warns of an exception phrase that holds a form only as a plural the form does not take', () => {
    const text = packText([
      entry('lm', {
        term: 'language model',
        aliases: [{ text: 'LM', caseSensitive: true, plural: false }],
        match: { except: ['LMS login', 'LM head'] },
      }),
    ]);
    expect(warningsOf(text)).toEqual([expect.stringMatching(/field "match.except\[0\]": holds neither the term/)]);
  });

  it('refuses an exception phrase that is not one line of text', () => {
    const text = packText([entry('meta', { term: 'Meta', match: { except: ['Meta-learning', 7, ' Meta tag'] } })]);
    expect(errorsOf(text).map(({ path, message }) => [path, message])).toEqual([
      ['entries[0].match.except[1]', 'must be a non-empty string, not a number'],
      ['entries[0].match.except[2]', 'must be one line with no spaces at either end'],
    ]);
  });

  it('allows two case-sensitive spellings of one name in the same entry', () => {
    const text = packText([entry('llama', { term: 'Llama', aliases: ['LLaMA'], match: { caseSensitive: true } })]);
    expect(warningsOf(text)).toEqual([]);
  });
});
