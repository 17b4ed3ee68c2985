import { fieldsOf, type JsonNode } from '../json';
import type { PackReport } from './pack-error';

/** Checks one value; `path` names it in messages. */
export type Check = (node: JsonNode, path: string) => void;

export interface FieldSpec {
  required?: boolean;
  check: Check;
}

/** Shared by the pack's id, entry ids and `related`: the ids used in links (`#term-id`). */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function fieldPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function describeKind(node: JsonNode): string {
  if (node.type === 'array') return 'a list';
  if (node.type === 'object') return 'an object';
  if (node.type === 'string') return 'text';
  if (node.type === 'boolean') return String(node.value);
  return node.type === 'null' ? 'null' : 'a number';
}

/** Small checkers that report against one entry (or the pack, when `entryId` is undefined). */
export function shapeChecks(report: PackReport, entryId?: string) {
  const fail = (node: JsonNode, path: string, message: string) =>
    report.error(node, path, message, entryId);

  /** Checks the fields of an object; returns the value node of each known field once. */
  function object(node: JsonNode, path: string, specs: Record<string, FieldSpec>) {
    const seen = new Map<string, JsonNode>();
    if (node.type !== 'object') {
      const subject =
        path === '' ? 'a glossary file must hold one JSON object {…}' : 'must be an object {…}';
      fail(node, path, `${subject}, not ${describeKind(node)}`);
      return seen;
    }
    const known = Object.keys(specs);
    for (const { key, keyNode, value } of fieldsOf(node)) {
      const spec = Object.hasOwn(specs, key) ? specs[key] : undefined;
      if (seen.has(key)) {
        fail(keyNode, fieldPath(path, key), 'appears twice in the same object');
      } else if (!spec) {
        fail(keyNode, fieldPath(path, key), `unknown field (known fields: ${known.join(', ')})`);
      } else {
        seen.set(key, value);
        spec.check(value, fieldPath(path, key));
      }
    }
    for (const key of known) {
      if (specs[key]?.required && !seen.has(key)) {
        fail(node, fieldPath(path, key), 'is required but missing');
      }
    }
    return seen;
  }

  function text(options: { oneLine?: boolean; pattern?: RegExp; hint?: string } = {}): Check {
    return (node, path) => {
      if (node.type !== 'string' || node.value === '') {
        const kind = node.type === 'string' ? '' : `, not ${describeKind(node)}`;
        fail(node, path, `must be a non-empty string${kind}`);
        return;
      }
      const value = String(node.value);
      if (options.oneLine && (/[\r\n]/.test(value) || value.trim() !== value)) {
        fail(node, path, 'must be one line with no spaces at either end');
      } else if (options.pattern && !options.pattern.test(value)) {
        fail(node, path, options.hint ?? `must match ${String(options.pattern)}`);
      }
    };
  }

  const flag: Check = (node, path) => {
    if (node.type !== 'boolean') fail(node, path, `must be true or false, not ${describeKind(node)}`);
  };

  function list(each: Check): Check {
    return (node, path) => {
      if (node.type !== 'array') {
        fail(node, path, `must be a list […], not ${describeKind(node)}`);
        return;
      }
      (node.children ?? []).forEach((item, i) => each(item, `${path}[${i}]`));
    };
  }

  function oneOf(values: readonly string[]): Check {
    return (node, path) => {
      if (node.type !== 'string' || !values.includes(String(node.value))) {
        fail(node, path, `must be one of: ${values.join(', ')}`);
      }
    };
  }

  const id = text({
    pattern: KEBAB_ID,
    hint: 'must be kebab-case: lowercase letters and digits joined by single hyphens, like "pre-training"',
  });

  return { fail, object, text, flag, list, oneOf, id };
}
