import type { GlossaryEntry, GlossaryPack } from './types';

/*
 * User glossaries are checked in full when imported, but storage may hold anything by the time a
 * page reads it: a list written by an older release, or damaged. Before a page compiles them,
 * each entry is checked for what the matcher and the card read, in one cheap pass (this runs in
 * every frame of every page). An entry that fails is left out and named, so that one damaged
 * entry costs only itself, never the page its terms.
 */

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const optional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);
const isFlag = (value: unknown) => typeof value === 'boolean';
const listOf = (check: (v: unknown) => boolean) => (value: unknown) => Array.isArray(value) && value.every(check);

const isAlias = (value: unknown): boolean =>
  isText(value) ||
  (isObject(value) &&
    isText(value.text) &&
    optional(value.caseSensitive, isFlag) &&
    optional(value.contextGated, isFlag) &&
    optional(value.plural, isFlag));

const isMatch = (value: unknown): boolean =>
  isObject(value) &&
  optional(value.caseSensitive, isFlag) &&
  optional(value.contextGated, isFlag) &&
  optional(value.plural, isFlag) &&
  optional(value.except, listOf(isText));

function isUsableEntry(value: unknown): value is GlossaryEntry {
  if (!isObject(value)) return false;
  return (
    isText(value.id) &&
    isText(value.term) &&
    value.term.trim() !== '' &&
    isText(value.definition) &&
    isText(value.category) &&
    optional(value.notes, isText) &&
    optional(value.aliases, listOf(isAlias)) &&
    optional(value.related, listOf(isText)) &&
    optional(value.match, isMatch)
  );
}

export interface StoredPacks {
  packs: GlossaryPack[];
  /** What was left out, in words for a console warning: `pack "mine", entries[3]`. */
  dropped: string[];
}

/** The usable packs and entries of what storage holds under the user glossaries' key. */
export function usableStoredPacks(stored: unknown): StoredPacks {
  const dropped: string[] = [];
  if (stored === undefined) return { packs: [], dropped };
  if (!Array.isArray(stored)) return { packs: [], dropped: ['the list itself (not a list)'] };
  const packs: GlossaryPack[] = [];
  stored.forEach((value: unknown, p) => {
    if (!isObject(value) || !isText(value.id) || !isText(value.name) || !Array.isArray(value.entries)) {
      dropped.push(`item ${p} (not a glossary)`);
      return;
    }
    const entries = value.entries as unknown[];
    const usable = entries.filter(isUsableEntry);
    if (usable.length === entries.length) {
      packs.push(value as unknown as GlossaryPack);
      return;
    }
    entries.forEach((entry, e) => {
      if (!isUsableEntry(entry)) dropped.push(`glossary "${value.id as string}", entries[${e}]`);
    });
    packs.push({ ...(value as unknown as GlossaryPack), entries: usable });
  });
  return { packs, dropped };
}
