import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** Where a problem sits in the file, 1-based like every editor's status bar. */
export interface TextPosition {
  line: number;
  column: number;
}

export interface SyntaxProblem {
  offset: number;
  message: string;
}

export type ParsedJson = { ok: true; root: Node } | { ok: false; problem: SyntaxProblem };

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a field name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the field name',
  CommaExpected: 'expected "," between two items',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the list',
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed: a glossary file is plain JSON',
  UnexpectedEndOfComment: 'comments are not allowed: a glossary file is plain JSON',
  UnexpectedEndOfString: 'text string is not closed with a double quote',
  UnexpectedEndOfNumber: 'number is cut off',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'unknown escape sequence after a backslash',
  InvalidCharacter: 'raw control character in a text string (write line breaks as \\n)',
};

/**
 * Parses strict JSON. Only the first syntax problem is reported: the ones after it are
 * usually echoes of the first and would send the reader to the wrong line.
 */
export function parseJson(text: string): ParsedJson {
  // Editors on Windows like to save a byte order mark; a space keeps every offset in place.
  const source = text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;
  if (source.trim() === '') return { ok: false, problem: { offset: 0, message: 'the file is empty' } };
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first || !root) return { ok: false, problem: describe(source, first) };
  return { ok: true, root };
}

function describe(text: string, error: ParseError | undefined): SyntaxProblem {
  if (!error) return { offset: 0, message: 'no JSON value found' };
  const code = printParseErrorCode(error.error);
  const comma = trailingCommaBefore(text, error.offset);
  if ((code === 'ValueExpected' || code === 'PropertyNameExpected') && comma >= 0) {
    return { offset: comma, message: 'trailing comma: remove the "," before the closing bracket' };
  }
  const message = SYNTAX_MESSAGES[code] ?? 'JSON syntax error';
  if (error.offset >= text.trimEnd().length) {
    return { offset: error.offset, message: `the file ends too soon: ${message}` };
  }
  return { offset: error.offset, message };
}

/** The offset of a comma that directly precedes a closing bracket at `offset`, or -1. */
function trailingCommaBefore(text: string, offset: number): number {
  const closer = text[offset];
  if (closer !== '}' && closer !== ']') return -1;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i] ?? '')) i--;
  return text[i] === ',' ? i : -1;
}

/** Maps offsets to line and column; build once per file, ask many times. */
export function positionFinder(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  };
}

export interface Field {
  key: string;
  keyNode: Node;
  value: Node;
}

/** The fields of an object node in file order, duplicates included. */
export function fieldsOf(node: Node): Field[] {
  const fields: Field[] = [];
  for (const property of node.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (keyNode && value) fields.push({ key: String(keyNode.value), keyNode, value });
  }
  return fields;
}

export type { Node as JsonNode } from 'jsonc-parser';
