import type { Node } from 'jsonc-parser';
import { fillPhrase } from './phrase';

/** A parser error as `jsonc-parser` gives it: the code's name and the token it stopped at. */
export interface RawSyntaxError {
  code: string;
  offset: number;
  length: number;
}

/**
 * Why a text is not JSON, as a code and its params. The code is also the key of the sentence in
 * `_locales/<lang>/messages.json`; the English below is the same text (a test holds the two
 * equal), for the build's terminal output, logs and tests.
 */
interface JsonParams {
  jsonEmpty: [];
  jsonTooDeep: [];
  jsonNoValue: [];
  // What the parser expected where it stopped.
  jsonMalformedNumber: [];
  jsonNumberCutOff: [];
  jsonFieldNameExpected: [];
  jsonValueExpected: [];
  jsonColonExpected: [];
  jsonCommaExpected: [];
  jsonCloseBraceExpected: [];
  jsonCloseBracketExpected: [];
  jsonTextAfterEnd: [];
  jsonSyntaxError: [];
  jsonEndsTooSoon: [expected: JsonPhrase<Expected>];
  // Mistakes people make by hand, named as such.
  jsonTrailingComma: [];
  jsonComment: [];
  jsonControlCharacter: [];
  jsonEndsInText: [];
  jsonTextNotClosed: [];
  jsonSingleQuotes: [];
  /** The token as JSON writes it, in double quotes. */
  jsonUnexpected: [token: string];
  jsonBadUnicodeEscape: [];
  /** The escape as written, such as `\q`. */
  jsonUnknownEscape: [escape: string];
  jsonBadEscape: [];
}

export type JsonCode = keyof JsonParams;

export type JsonPhrase<C extends JsonCode = JsonCode> = { [K in C]: { code: K; params: JsonParams[K] } }[C];

type Expected =
  | 'jsonMalformedNumber' | 'jsonNumberCutOff' | 'jsonFieldNameExpected' | 'jsonValueExpected' | 'jsonColonExpected'
  | 'jsonCommaExpected' | 'jsonCloseBraceExpected' | 'jsonCloseBracketExpected' | 'jsonTextAfterEnd' | 'jsonSyntaxError';

export const JSON_ENGLISH: { readonly [C in JsonCode]: string } = {
  jsonEmpty: 'the file is empty',
  jsonTooDeep: 'values are nested too deeply to read',
  jsonNoValue: 'no JSON value found',
  jsonMalformedNumber: 'malformed number',
  jsonNumberCutOff: 'number is cut off',
  jsonFieldNameExpected: 'expected a field name in double quotes',
  jsonValueExpected: 'expected a value',
  jsonColonExpected: 'expected ":" after the field name',
  jsonCommaExpected: 'expected "," between two items',
  jsonCloseBraceExpected: 'expected "}" to close the object',
  jsonCloseBracketExpected: 'expected "]" to close the list',
  jsonTextAfterEnd: 'unexpected text after the end of the JSON value',
  jsonSyntaxError: 'JSON syntax error',
  jsonEndsTooSoon: 'the file ends too soon: $1',
  jsonTrailingComma: 'trailing comma: remove the "," before the closing bracket',
  jsonComment: 'comments are not allowed in JSON',
  jsonControlCharacter: 'a text string holds a raw control character such as a tab (write a tab as \\t)',
  jsonEndsInText: 'the file ends inside a text string: it needs a closing double quote',
  jsonTextNotClosed: 'a text string is not closed on its line (write a line break inside text as \\n)',
  jsonSingleQuotes: 'JSON needs double quotes ("), not single quotes',
  jsonUnexpected: 'unexpected $1',
  jsonBadUnicodeEscape: 'malformed \\u escape: it needs four hex digits, as in \\u00e9',
  jsonUnknownEscape: 'unknown escape $1 (write a backslash itself as \\\\)',
  jsonBadEscape: 'unknown escape sequence after a backslash',
};

/** The English of a phrase, nested phrases included. */
export function jsonEnglish(phrase: JsonPhrase): string {
  return fillPhrase(JSON_ENGLISH, phrase);
}

const EXPECTED: Readonly<Record<string, Expected>> = {
  InvalidNumberFormat: 'jsonMalformedNumber',
  PropertyNameExpected: 'jsonFieldNameExpected',
  ValueExpected: 'jsonValueExpected',
  ColonExpected: 'jsonColonExpected',
  CommaExpected: 'jsonCommaExpected',
  CloseBraceExpected: 'jsonCloseBraceExpected',
  CloseBracketExpected: 'jsonCloseBracketExpected',
  EndOfFileExpected: 'jsonTextAfterEnd',
  UnexpectedEndOfNumber: 'jsonNumberCutOff',
};

interface Described {
  offset: number;
  detail: JsonPhrase;
}

/** The codes that take no params. */
type Plain = { [K in JsonCode]: JsonParams[K] extends [] ? K : never }[JsonCode];

const at = (offset: number, code: Plain): Described => ({ offset, detail: { code, params: [] } });

/**
 * Words the first syntax error for a person fixing the file by hand. The parser points at the
 * start of the token it gave up on; inside a text string that can be far from the real fault,
 * so escapes and control characters are located here.
 */
export function describeSyntaxError(text: string, error: RawSyntaxError, root: Node | undefined): Described {
  const { code, offset } = error;
  const token = text.slice(offset, offset + error.length);
  switch (code) {
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return at(offset, 'jsonComment');
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return badEscape(token, offset);
    case 'InvalidCharacter':
      return at(offset + Math.max(0, token.search(/[\u0000-\u001f]/)), 'jsonControlCharacter');
    case 'UnexpectedEndOfString':
      return at(offset, offset + error.length >= text.length ? 'jsonEndsInText' : 'jsonTextNotClosed');
    case 'InvalidSymbol':
      if (token.startsWith("'")) return at(offset, 'jsonSingleQuotes');
      if (root && offset >= root.offset + root.length) return at(offset, 'jsonTextAfterEnd');
      return { offset, detail: { code: 'jsonUnexpected', params: [JSON.stringify(token.slice(0, 20))] } };
  }
  // The parser stops at the next item; the comma belongs at the end of the one before, which is
  // where the reader must type it, often on the line above. A wrong closer or a stray colon is
  // no missing comma: that stays where it is.
  // A brace where a list goes on (or a bracket in an object) closes the wrong thing.
  if (code === 'CommaExpected' && text[offset] === '}') return at(offset, 'jsonCloseBracketExpected');
  if (code === 'CommaExpected' && text[offset] === ']') return at(offset, 'jsonCloseBraceExpected');
  if (code === 'CommaExpected' && text[offset] !== ':') {
    const end = text.slice(0, offset).trimEnd().length;
    if (text.slice(end, offset).includes('\n')) return at(end, 'jsonCommaExpected');
  }
  const comma = trailingCommaBefore(text, offset);
  if ((code === 'ValueExpected' || code === 'PropertyNameExpected') && comma >= 0) return at(comma, 'jsonTrailingComma');
  const expected: JsonPhrase<Expected> = { code: EXPECTED[code] ?? 'jsonSyntaxError', params: [] };
  if (offset >= text.trimEnd().length) return { offset, detail: { code: 'jsonEndsTooSoon', params: [expected] } };
  return { offset, detail: expected };
}

/** Points at the letter after the first backslash in a string token that starts no valid escape. */
function badEscape(token: string, offset: number): Described {
  for (let i = 0; i < token.length; i++) {
    if (token[i] !== '\\') continue;
    const next = token[i + 1] ?? '';
    if (next === 'u') {
      if (/^[0-9a-fA-F]{4}$/.test(token.slice(i + 2, i + 6))) continue;
      return at(offset + i + 1, 'jsonBadUnicodeEscape');
    }
    if ('"\\/bfnrt'.includes(next)) {
      i++;
      continue;
    }
    return { offset: offset + i + 1, detail: { code: 'jsonUnknownEscape', params: [`\\${next}`] } };
  }
  return at(offset, 'jsonBadEscape');
}

/** The offset of a comma that directly precedes a closing bracket at `offset`, or -1. */
function trailingCommaBefore(text: string, offset: number): number {
  const closer = text[offset];
  if (closer !== '}' && closer !== ']') return -1;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return text[i] === ',' ? i : -1;
}
