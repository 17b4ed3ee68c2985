import type { GlossaryEntry, GlossaryPack } from '../../../src/core/glossary/types';
import { compileMatcher } from '../../../src/core/matcher';
import type { CompileOptions, Matcher } from '../../../src/core/matcher';

export type TestEntry = Pick<GlossaryEntry, 'term'> & Partial<GlossaryEntry>;

/** A small pack: ids are derived from the terms unless given. */
export function pack(entries: readonly TestEntry[], id = 'test'): GlossaryPack {
  return {
    id,
    name: id,
    version: '1.0.0',
    language: 'en',
    entries: entries.map((entry, i) => ({
      id: `e${i}`,
      definition: `About ${entry.term}.`,
      category: 'concept',
      ...entry,
    })),
  };
}

export function matcherFor(entries: readonly TestEntry[], options?: CompileOptions): Matcher {
  return compileMatcher([pack(entries)], options);
}

/** What a reader would see marked: the matched text and the term of its entry. */
export function marked(matcher: Matcher, text: string): string[] {
  return matcher.scan(text).map((m) => {
    return `${text.slice(m.start, m.end)}=${matcher.entries[m.entry]!.entry.term}`;
  });
}

/** The marked spans only. */
export function spans(matcher: Matcher, text: string): string[] {
  return matcher.scan(text).map((m) => text.slice(m.start, m.end));
}
