import type { Category } from '../core/glossary/types';
import { compareTerms, fold, type IndexedEntry } from '../ui/glossary-search';

export interface Group {
  /** Stable and safe as part of an element id. */
  key: string;
  /** The letter, or the category to be translated. */
  label: string;
  items: IndexedEntry[];
}

/** Categories from the general to the particular, the order a newcomer would read them in. */
export const CATEGORY_ORDER: readonly Category[] = [
  'concept', 'technique', 'safety', 'model', 'model-family', 'organisation', 'benchmark', 'resource',
];

/** A–Z under letter headings; terms starting with a digit or symbol come first under "#". */
export function groupByLetter(items: readonly IndexedEntry[]): Group[] {
  const groups = new Map<string, IndexedEntry[]>();
  for (const item of [...items].sort(compareTerms)) {
    const first = fold(item.entry.term).charAt(0).toUpperCase();
    const letter = /\p{L}/u.test(first) ? first : '#';
    groups.set(letter, [...(groups.get(letter) ?? []), item]);
  }
  return [...groups].map(([letter, list]) => ({ key: letter === '#' ? 'other' : letter, label: letter, items: list }));
}

export function groupByCategory(items: readonly IndexedEntry[]): Group[] {
  const rank = (c: string) => {
    const at = CATEGORY_ORDER.indexOf(c as Category);
    return at < 0 ? CATEGORY_ORDER.length : at;
  };
  const groups = new Map<string, IndexedEntry[]>();
  for (const item of [...items].sort((a, b) => rank(a.entry.category) - rank(b.entry.category) || compareTerms(a, b))) {
    const category = item.entry.category;
    groups.set(category, [...(groups.get(category) ?? []), item]);
  }
  return [...groups].map(([category, list]) => ({ key: category, label: category, items: list }));
}
