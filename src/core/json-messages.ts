import type { Node } from 'jsonc-parser';

/** A parser error as `jsonc-parser` gives it: the code's name and the token it stopped at. */
export interface RawSyntaxError {
  code: string;
  offset: number;
  length: number;
}

interface Described {
  offset: number;
  message: string;
}

const MESSAGES: Record<string, string> = {
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a field name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the field name',
  CommaExpected: 'expected "," between two items',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the list',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  UnexpectedEndOfNumber: 'number is cut off',
};

const COMMENT = 'comments are not allowed in JSON';
const AFTER_END = MESSAGES.EndOfFileExpected!;

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
      return { offset, message: COMMENT };
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return badEscape(token, offset);
    case 'InvalidCharacter': {
      const at = token.search(/[\u0000-\u001f]/);
      const message = 'a text string holds a raw control character such as a tab (write a tab as \\t)';
      return { offset: offset + Math.max(0, at), message };
    }
    case 'UnexpectedEndOfString':
      return offset + error.length >= text.length
        ? { offset, message: 'the file ends inside a text string: it needs a closing double quote' }
        : { offset, message: 'a text string is not closed on its line (write a line break inside text as \\n)' };
    case 'InvalidSymbol':
      if (token.startsWith("'")) return { offset, message: 'JSON needs double quotes ("), not single quotes' };
      if (root && offset >= root.offset + root.length) return { offset, message: AFTER_END };
      return { offset, message: `unexpected ${JSON.stringify(token.slice(0, 20))}` };
  }
  const comma = trailingCommaBefore(text, offset);
  if ((code === 'ValueExpected' || code === 'PropertyNameExpected') && comma >= 0) {
    return { offset: comma, message: 'trailing comma: remove the "," before the closing bracket' };
  }
  const message = MESSAGES[code] ?? 'JSON syntax error';
  if (offset >= text.trimEnd().length) return { offset, message: `the file ends too soon: ${message}` };
  return { offset, message };
}

/** Points at the letter after the first backslash in a string token that starts no valid escape. */
function badEscape(token: string, offset: number): Described {
  for (let i = 0; i < token.length; i++) {
    if (token[i] !== '\\') continue;
    const next = token[i + 1] ?? '';
    if (next === 'u') {
      if (/^[0-9a-fA-F]{4}$/.test(token.slice(i + 2, i + 6))) continue;
      return { offset: offset + i + 1, message: 'malformed \\u escape: it needs four hex digits, as in \\u00e9' };
    }
    if ('"\\/bfnrt'.includes(next)) {
      i++;
      continue;
    }
    return { offset: offset + i + 1, message: `unknown escape \\${next} (write a backslash itself as \\\\)` };
  }
  return { offset, message: 'unknown escape sequence after a backslash' };
}

/** The offset of a comma that directly precedes a closing bracket at `offset`, or -1. */
function trailingCommaBefore(text: string, offset: number): number {
  const closer = text[offset];
  if (closer !== '}' && closer !== ']') return -1;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return text[i] === ',' ? i : -1;
}
