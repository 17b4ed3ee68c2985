import { describe, expect, it } from 'vitest';
import { fieldValue, fieldsOf, findJsonSyntaxError, parseJson, positionFinder } from '../../src/core/json';

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong in valid JSON', () => {
    for (const text of ['{}', ' [1, -2.5e3, "a\\n\\u00e9\\\\", true, null, {"a": []}] ', '"x"', '0', '\uFEFF{}']) {
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });

  it.each([
    ['{"a": 1,}', 1, 8, 'jsonTrailingComma', 'trailing comma'],
    ["{'a': 1}", 1, 2, 'jsonSingleQuotes', 'double quotes'],
    ['{"a": 1}\n x', 2, 2, 'jsonTextAfterEnd', 'after the end'],
    ['[1]]', 1, 4, 'jsonTextAfterEnd', 'after the end'],
    ['{\n"a": [1, 2', 2, 11, 'jsonEndsTooSoon', 'ends too soon'],
    ['"abc', 1, 1, 'jsonEndsInText', 'ends inside a text string'],
    ['{"a": 01}', 1, 8, 'jsonCommaExpected', 'expected ","'],
    // A comma left off the end of a line: the place to type it, not the next line's start.
    ['{\n  "a": 1\n  "b": 2\n}', 2, 9, 'jsonCommaExpected', 'expected ","'],
    ['[\n  "x"\r\n\n  "y"\n]', 2, 6, 'jsonCommaExpected', 'expected ","'],
    // A list closed by a brace is no missing comma on the line above: it is shown where it is.
    ['[1\n}', 2, 1, 'jsonCloseBracketExpected', 'expected "]"'],
    ['{"a": 1\n]', 2, 1, 'jsonCloseBraceExpected', 'expected "}"'],
    ['{"a": 1\n : 2}', 2, 2, 'jsonCommaExpected', 'expected ","'],
    ['{"a" 1}', 1, 6, 'jsonColonExpected', 'expected ":"'],
    ['{"a": tru}', 1, 7, 'jsonUnexpected', 'unexpected "tru"'],
    ['["C:\\Users"]', 1, 6, 'jsonUnknownEscape', 'unknown escape \\U'],
    ['["ok \\n", "a\\q"]', 1, 14, 'jsonUnknownEscape', 'unknown escape \\q'],
    ['["\\u12"]', 1, 4, 'jsonBadUnicodeEscape', '\\u escape'],
    ["['a']", 1, 2, 'jsonSingleQuotes', 'double quotes'],
    ['{"a": "x\ny"}', 1, 7, 'jsonTextNotClosed', 'not closed on its line'],
    ['["a\tb"]', 1, 4, 'jsonControlCharacter', 'control character'],
    ['[1] // note', 1, 5, 'jsonComment', 'comments are not allowed'],
  ])('%j: line %i, column %i', (text, line, column, code, words) => {
    const found = findJsonSyntaxError(text);
    expect(found).toMatchObject({ line, column, detail: { code } });
    expect(found?.message).toContain(words);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('gives the pages what to fill in: the text found, the escape, what was expected', () => {
    expect(findJsonSyntaxError('{"a": tru}')?.detail).toEqual({ code: 'jsonUnexpected', params: ['"tru"'] });
    expect(findJsonSyntaxError('["C:\\Users"]')?.detail).toEqual({ code: 'jsonUnknownEscape', params: ['\\U'] });
    const cutOff = findJsonSyntaxError('{\n"a": [1, 2');
    expect(cutOff?.detail).toEqual({ code: 'jsonEndsTooSoon', params: [{ code: 'jsonCloseBracketExpected', params: [] }] });
    expect(cutOff?.message).toBe('the file ends too soon: expected "]" to close the list');
  });

  it('leaves naming the kind of file to the caller', () => {
    const broken = ['', '{"a": 1,}', '[1] /* c */', '{"a" 1}', '["\\x"]', '{', 'nul', '[1] 2'];
    for (const text of broken) {
      expect(findJsonSyntaxError(text)?.message).not.toMatch(/glossary|setting/i);
    }
  });

  it('reports an empty text and one nested too deeply instead of throwing', () => {
    const detail = { code: 'jsonEmpty', params: [] };
    expect(findJsonSyntaxError(' \n ')).toEqual({ line: 1, column: 1, offset: 0, detail, message: 'the file is empty' });
    const deep = `${'['.repeat(200_000)}1${']'.repeat(199_999)}`;
    const tooDeep = { line: 1, column: 1, detail: { code: 'jsonTooDeep' }, message: 'values are nested too deeply to read' };
    expect(findJsonSyntaxError(deep)).toMatchObject(tooDeep);
  });

  it('counts columns as an editor does when the file starts with a byte order mark', () => {
    expect(findJsonSyntaxError('\uFEFF{"a": 1,}')).toMatchObject({ line: 1, column: 8 });
  });
});

describe('parseJson', () => {
  it('keeps every field in file order, repeated ones too, with the offsets of its value', () => {
    const text = '{"a": 1,\n "b": [true],\n "a": "again"}';
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const fields = fieldsOf(parsed.root);
    expect(fields.map((f) => [f.key, f.value.value ?? f.value.type])).toEqual([['a', 1], ['b', 'array'], ['a', 'again']]);
    expect(fieldValue(parsed.root, 'a')?.value).toBe(1);
    expect(fieldValue(parsed.root, 'missing')).toBeUndefined();
    const position = positionFinder(text);
    expect(position(fields[2]!.value.offset)).toEqual({ line: 3, column: 7 });
  });
});
