import { fieldsOf, type JsonNode } from '../json';
import type { Kind, PackPhrase, PackReport } from './pack-error';

/** Checks one value; `path` names it in messages. */
export type Check = (node: JsonNode, path: string) => void;

export interface FieldSpec {
  required?: boolean;
  check: Check;
}

/** A character a reader can see: a letter, digit, punctuation mark or symbol of any script. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** Shared by the pack's id, entry ids and `related`: the ids used in links (`#term-id`). */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function fieldPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function describeKind(node: JsonNode): Kind {
  if (node.type === 'array') return { code: 'packKindList', params: [] };
  if (node.type === 'object') return { code: 'packKindObject', params: [] };
  if (node.type === 'string') return { code: 'packKindText', params: [] };
  if (node.type === 'boolean') return String(node.value);
  return node.type === 'null' ? 'null' : { code: 'packKindNumber', params: [] };
}

/** A text format with the problem that names it, such as kebab-case ids. */
export interface TextFormat {
  pattern: RegExp;
  problem: PackPhrase;
}

/** Small checkers that report against one entry (or the pack, when `entryId` is undefined). */
export function shapeChecks(report: PackReport, entryId?: string) {
  const fail = (node: JsonNode, path: string, phrase: PackPhrase) => report.error(node, path, phrase, entryId);

  /** Checks the fields of an object; returns the value node of each known field once. */
  function object(node: JsonNode, path: string, specs: Record<string, FieldSpec>) {
    const seen = new Map<string, JsonNode>();
    if (node.type !== 'object') {
      fail(node, path, { code: path === '' ? 'packFileNotObject' : 'packNotObject', params: [describeKind(node)] });
      return seen;
    }
    const known = Object.keys(specs);
    for (const { key, keyNode, value } of fieldsOf(node)) {
      const spec = Object.hasOwn(specs, key) ? specs[key] : undefined;
      if (seen.has(key)) {
        fail(keyNode, fieldPath(path, key), { code: 'packFieldTwice', params: [] });
      } else if (!spec) {
        fail(keyNode, fieldPath(path, key), { code: 'packUnknownField', params: [known.join(', ')] });
      } else {
        seen.set(key, value);
        spec.check(value, fieldPath(path, key));
      }
    }
    for (const key of known) {
      if (specs[key]?.required && !seen.has(key)) {
        fail(node, fieldPath(path, key), { code: 'packMissingField', params: [] });
      }
    }
    return seen;
  }

  function text(options: { oneLine?: boolean; format?: TextFormat } = {}): Check {
    return (node, path) => {
      if (node.type !== 'string') {
        fail(node, path, { code: 'packNotText', params: [describeKind(node)] });
        return;
      }
      const value = String(node.value);
      if (value === '') {
        fail(node, path, { code: 'packEmptyText', params: [] });
      } else if (!VISIBLE.test(value)) {
        fail(node, path, { code: 'packBlankText', params: [] });
      } else if (options.oneLine && (/[\r\n]/.test(value) || value.trim() !== value)) {
        fail(node, path, { code: 'packNotOneLine', params: [] });
      } else if (options.format && !options.format.pattern.test(value)) {
        fail(node, path, options.format.problem);
      }
    };
  }

  const flag: Check = (node, path) => {
    if (node.type !== 'boolean') fail(node, path, { code: 'packNotTrueOrFalse', params: [describeKind(node)] });
  };

  function list(each: Check): Check {
    return (node, path) => {
      if (node.type !== 'array') {
        fail(node, path, { code: 'packNotList', params: [describeKind(node)] });
        return;
      }
      (node.children ?? []).forEach((item, i) => each(item, `${path}[${i}]`));
    };
  }

  function oneOf(values: readonly string[]): Check {
    return (node, path) => {
      if (node.type !== 'string' || !values.includes(String(node.value))) {
        fail(node, path, { code: 'packNotOneOf', params: [values.join(', ')] });
      }
    };
  }

  const id = text({ format: { pattern: KEBAB_ID, problem: { code: 'packNotKebabId', params: [] } } });

  return { fail, object, text, flag, list, oneOf, id };
}
