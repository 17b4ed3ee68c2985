import { CATEGORIES } from '../core/glossary/categories';
import { compareTerms, fold, type IndexedEntry } from '../ui/glossary-search';

export interface Group {
  /** Stable and safe as part of an element id. */
  key: string;
  /** The letter, or the category to be translated. */
  label: string;
  items: IndexedEntry[];
}

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

/** By category in reading order, A–Z within each. */
export function groupByCategory(items: readonly IndexedEntry[]): Group[] {
  const rank = (category: string) => {
    const at = (CATEGORIES as readonly string[]).indexOf(category);
    return at < 0 ? CATEGORIES.length : at;
  };
  const groups = new Map<string, IndexedEntry[]>();
  for (const item of [...items].sort((a, b) => rank(a.entry.category) - rank(b.entry.category) || compareTerms(a, b))) {
    const category = item.entry.category;
    groups.set(category, [...(groups.get(category) ?? []), item]);
  }
  return [...groups].map(([category, list]) => ({ key: category, label: category, items: list }));
}
