import { describe, expect, it } from 'vitest';
import { formatPackError, validatePack } from '../../src/core/glossary/validate';
import { at, entry, errorsOf, packText } from './glossary-fixtures';

describe('validatePack: a good pack', () => {
  it('returns the pack as written, with no warnings', () => {
    const text = packText([
      entry('pre-training', { aliases: ['pretraining'], related: ['fine-tuning'] }),
      entry('fine-tuning'),
    ]);
    const result = validatePack(text);
    expect(result).toEqual({ ok: true, pack: JSON.parse(text), warnings: [], warningProblems: [] });
  });

  it('accepts a file saved with a byte order mark', () => {
    expect(validatePack(`\uFEFF${packText([entry('rlhf')])}`).ok).toBe(true);
  });

  it('accepts HTML-looking text, since cards show it as plain text', () => {
    const text = packText([entry('rlhf', { definition: 'Uses <b>human</b> ratings & a reward model.' })]);
    expect(validatePack(text).ok).toBe(true);
  });
});

describe('validatePack: JSON syntax', () => {
  it('points at a trailing comma', () => {
    const text = '{\n  "id": "x",\n  "entries": [1, 2,]\n}';
    const detail = { code: 'jsonTrailingComma', params: [] };
    const message = 'not valid JSON: trailing comma: remove the "," before the closing bracket';
    expect(errorsOf(text)).toEqual([{ ...at(text, ',]'), path: '', code: 'packJsonSyntax', params: [detail], message }]);
  });

  it('refuses comments on the line they are written', () => {
    const text = '{\n  "id": "x", // the id\n  "name": "y"\n}';
    const message = 'not valid JSON: comments are not allowed in JSON';
    const detail = { code: 'jsonComment', params: [] };
    expect(errorsOf(text)).toEqual([{ ...at(text, '//'), path: '', code: 'packJsonSyntax', params: [detail], message }]);
  });

  it('names a missing comma where it belongs: at the end of the line above the next item', () => {
    const text = '{\n  "id": "x"\n  "name": "y"\n}';
    const message = expect.stringMatching(/expected ","/);
    expect(errorsOf(text)[0]).toMatchObject({ line: 2, column: 12, message });
  });

  it('reports a cut-off file and an empty one', () => {
    expect(errorsOf('{\n  "id": "x",\n  "entries": [')[0]?.message).toBe(
      'not valid JSON: the file ends too soon: expected "]" to close the list',
    );
    expect(errorsOf('  \n')[0]).toMatchObject({ line: 1, column: 1, message: expect.stringMatching(/empty/) });
  });

  it('refuses a file nested too deeply to read instead of failing', () => {
    const deep = `{"id": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(errorsOf(deep)[0]?.message).toBe('not valid JSON: values are nested too deeply to read');
  });
});

describe('validatePack: fields', () => {
  it('names a settings backup for what it is, in one line, instead of a line per missing field', () => {
    const text = '{\n  "termlight": "settings",\n  "version": 1,\n  "settings": {}\n}\n';
    expect(errorsOf(text)).toEqual([
      {
        line: 1,
        column: 1,
        path: '',
        code: 'packIsSettingsFile',
        params: [],
        message: 'this is a Termlight settings file, not a glossary: use Import settings instead',
      },
    ]);
  });

  it('rejects a file that is not an object', () => {
    expect(errorsOf('[]')[0]?.message).toMatch(/must hold one JSON object/);
  });

  it('names each missing required field at the object that lacks it', () => {
    const text = packText([{ id: 'rlhf', term: 'RLHF', category: 'technique' }]);
    const errors = errorsOf(text);
    expect(errors).toEqual([
      {
        ...at(text, '{', 2),
        path: 'entries[0].definition',
        entryId: 'rlhf',
        code: 'packMissingField',
        params: [],
        message: 'is required but missing',
      },
    ]);
  });

  it('names the line, path and entry of a wrongly typed field', () => {
    const text = packText([entry('alignment'), entry('rlhf', { definition: 42 })]);
    expect(errorsOf(text)).toEqual([
      {
        ...at(text, '42'),
        path: 'entries[1].definition',
        entryId: 'rlhf',
        code: 'packNotText',
        params: [{ code: 'packKindNumber', params: [] }],
        message: 'must be a non-empty string, not a number',
      },
    ]);
  });

  it('refuses text a reader could not see: spaces only, or invisible characters only', () => {
    const text = packText([
      entry('rlhf', { definition: '   \n  ' }),
      entry('dpo', { term: '\u200b', aliases: ['\u00ad\u200d'] }),
      // Any script, and a lone symbol or digit, is something to see.
      entry('gpt-4', { term: '…', definition: 'Ωμέγα 4' }),
    ]);
    const found = errorsOf(text).map(({ path, code, line }) => [path, code, line]);
    const blank = 'packBlankText';
    expect(found).toEqual([
      ['entries[0].definition', blank, at(text, '"   \\n  "').line],
      ['entries[1].term', blank, at(text, '"\u200b"').line],
      ['entries[1].aliases[0]', blank, at(text, '"\u00ad\u200d"').line],
    ]);
    expect(errorsOf(text)[0]?.message).toBe('holds only spaces or invisible characters: nothing a reader could see');
  });

  it('reports unknown fields at their key, in entries and at the top', () => {
    const text = packText([entry('rlhf', { defintion: 'typo' })], { author: 'me' });
    const unknown = { code: 'packUnknownField', params: [expect.any(String)], message: expect.stringMatching(/^unknown field/) };
    expect(errorsOf(text)).toEqual([
      { ...at(text, '"defintion"'), path: 'entries[0].defintion', entryId: 'rlhf', ...unknown },
      { ...at(text, '"author"'), path: 'author', ...unknown },
    ]);
    expect(errorsOf(text)[1]?.params).toEqual(['$schema, id, name, version, language, description, source, entries']);
  });

  it('checks id format, leaving the entry unnamed when its id is unusable', () => {
    const text = packText([entry('Pre_Training')]);
    const [error] = errorsOf(text);
    const message = expect.stringMatching(/kebab-case/);
    expect(error).toEqual({ ...at(text, '"Pre_Training"'), path: 'entries[0].id', code: 'packNotKebabId', params: [], message });
  });

  it('checks category, match flags, aliases and language', () => {
    const text = packText(
      [
        entry('rlhf', {
          category: 'method',
          match: { plural: 'no' },
          aliases: [{ text: 'RLHF', caseSensitve: true }, { caseSensitive: true }, 7, ' padded', { text: 'RLHFs', plural: 1 }],
        }),
      ],
      { language: 'English' },
    );
    const found = errorsOf(text).map(({ path, message }) => [path, message]);
    expect(found).toEqual([
      ['language', expect.stringMatching(/language tag/)],
      ['entries[0].category', expect.stringMatching(/^must be one of: concept, technique/)],
      ['entries[0].match.plural', 'must be true or false, not text'],
      ['entries[0].aliases[0].caseSensitve', expect.stringMatching(/^unknown field/)],
      ['entries[0].aliases[1].text', 'is required but missing'],
      ['entries[0].aliases[2]', expect.stringMatching(/^must be a string or an object/)],
      ['entries[0].aliases[3]', 'must be one line with no spaces at either end'],
      ['entries[0].aliases[4].plural', 'must be true or false, not a number'],
    ]);
  });

  it('rejects a field written twice and an empty entry list', () => {
    const text = '{"id": "a", "id": "b", "name": "n", "version": "1", "language": "en", "entries": []}';
    const found = errorsOf(text).map(({ path, message }) => [path, message]);
    expect(found).toEqual([
      ['id', 'appears twice in the same object'],
      ['entries', 'must hold at least one entry'],
    ]);
  });
});

describe('formatPackError', () => {
  it('gives one line with file, position, entry and field', () => {
    const error = {
      line: 42,
      column: 7,
      path: 'entries[3].definition',
      entryId: 'rlhf',
      message: 'must be a non-empty string',
    };
    expect(formatPackError(error, 'foundation-models.json')).toBe(
      'foundation-models.json:42:7 entries[3] (id "rlhf") field "definition": must be a non-empty string',
    );
  });

  it('reads well for whole entries, top-level fields and syntax errors', () => {
    const whole = { line: 5, column: 3, path: 'entries[0]', message: 'must be an object {…}, not a list' };
    expect(formatPackError(whole, 'p.json'))
      .toBe('p.json:5:3 entries[0]: must be an object {…}, not a list');
    expect(formatPackError({ line: 2, column: 1, path: 'name', message: 'is required but missing' }, 'p.json'))
      .toBe('p.json:2:1 field "name": is required but missing');
    expect(formatPackError({ line: 1, column: 9, path: '', message: 'not valid JSON: expected a value' }))
      .toBe('glossary.json:1:9 not valid JSON: expected a value');
  });
});
