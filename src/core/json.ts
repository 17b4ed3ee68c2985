import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { describeSyntaxError, jsonEnglish, type JsonPhrase } from './json-messages';

export type { Node as JsonNode } from 'jsonc-parser';
export { JSON_ENGLISH, jsonEnglish } from './json-messages';
export type { JsonCode, JsonPhrase } from './json-messages';

/** Where something sits in a text, 1-based like every editor's status bar. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Where a text first stops being JSON, and why. The detail names no kind of file: the caller
 * knows whether it read a glossary or a settings backup and says so around it, nesting `detail`
 * in its own phrase (which places the line and column itself).
 */
export interface JsonSyntaxError extends TextPosition {
  offset: number;
  /** Why, for the pages to say in the reader's language. */
  detail: JsonPhrase;
  /** The same in English: `trailing comma: remove the "," before the closing bracket`. */
  message: string;
}

export type ParsedJson = { ok: true; root: Node } | { ok: false; error: JsonSyntaxError };

const BOM = '\uFEFF';

/**
 * Parses strict JSON into a tree that keeps every value's offset, so later checks can name the
 * line of a wrong field. Only the first syntax problem is reported: the ones after it are
 * usually echoes of the first and would send the reader to the wrong line.
 */
export function parseJson(text: string): ParsedJson {
  // Editors on Windows like to save a byte order mark; a space keeps every offset in place.
  const source = text.startsWith(BOM) ? ` ${text.slice(1)}` : text;
  const fail = (offset: number, detail: JsonPhrase): ParsedJson => ({
    ok: false,
    error: { ...positionFinder(text)(offset), offset, detail, message: jsonEnglish(detail) },
  });
  if (source.trim() === '') return fail(0, { code: 'jsonEmpty', params: [] });
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false });
  } catch (error) {
    // The parser descends recursively: some thousands of nested brackets exhaust the stack.
    if (error instanceof RangeError) return fail(0, { code: 'jsonTooDeep', params: [] });
    throw error;
  }
  const first = errors[0];
  if (!first && root) return { ok: true, root };
  if (!first) return fail(0, { code: 'jsonNoValue', params: [] });
  const code = printParseErrorCode(first.error);
  const { offset, detail } = describeSyntaxError(source, { ...first, code }, root);
  return fail(offset, detail);
}

/** Null when the text is JSON; otherwise the first problem, as `parseJson` reports it. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const parsed = parseJson(text);
  return parsed.ok ? null : parsed.error;
}

/** Maps offsets to line and column; build once per text, ask many times. */
export function positionFinder(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
  }
  // Editors do not count a byte order mark as a column.
  const bom = text.startsWith(BOM) ? 1 : 0;
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    const column = offset - (starts[low] ?? 0) + 1 - (low === 0 ? bom : 0);
    return { line: low + 1, column: Math.max(1, column) };
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

/** The value of an object's field by name (the first, if repeated); undefined for non-objects. */
export function fieldValue(node: Node, key: string): Node | undefined {
  if (node.type !== 'object') return undefined;
  return fieldsOf(node).find((field) => field.key === key)?.value;
}
