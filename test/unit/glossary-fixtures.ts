import { validatePack, type PackError } from '../../src/core/glossary/validate';

/** A valid entry whose term is its id in words; `extra` adds or overrides fields. */
export const entry = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  term: id.replace(/-/g, ' '),
  definition: `What ${id} means.`,
  category: 'concept',
  ...extra,
});

/** A pack file as an editor would save it: two-space indent, one field a line. */
export const packText = (entries: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id: 'test-pack', name: 'Test', version: '1.0.0', language: 'en', entries, ...extra }, null, 2);

/** 1-based line and column of the `nth` occurrence of `needle`, as an editor would show it. */
export function at(text: string, needle: string, nth = 1) {
  let offset = -1;
  for (let i = 0; i < nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`fixture has no ${needle}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}

export function errorsOf(text: string): PackError[] {
  const result = validatePack(text);
  if (result.ok) throw new Error('expected the pack to be rejected');
  return result.errors;
}
