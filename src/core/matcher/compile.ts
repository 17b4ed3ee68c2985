import type { GlossaryPack } from '../glossary/types';
import { Alphabet } from './alphabet';
import { buildDense, scanDense } from './dense';
import { collectForms } from './forms';
import { buildSparse, scanSparse } from './sparse';
import { Trie } from './trie';
import type { CompileOptions, Match, Matcher, MatcherStats } from './types';
import { selectLongest } from './verify';

const DEFAULT_MAX_TABLE_BYTES = 24 * 1024 * 1024;

/**
 * Compiles every form (terms, aliases, generated plurals) of the given packs, once, into one
 * automaton that finds them all in a single pass over a text, whatever their number.
 * Pass only the enabled packs. When entries of several packs share a form, the text picks
 * the entry whose case-sensitive form it matches, then an ungated one, then the earliest.
 */
export function compileMatcher(packs: readonly GlossaryPack[], options: CompileOptions = {}): Matcher {
  const { entries, forms } = collectForms(packs);
  let maxStates = 1;
  for (const form of forms) maxStates += form.text.length;
  const alphabet = new Alphabet();
  const trie = new Trie(maxStates, forms.length);
  for (const form of forms) trie.insert(form, alphabet);

  const width = alphabet.size;
  const tableBytes = trie.size * width * 4;
  const dense = tableBytes <= (options.maxTableBytes ?? DEFAULT_MAX_TABLE_BYTES);
  const stats: MatcherStats = {
    forms: trie.forms.count,
    states: trie.size,
    symbolClasses: width,
    tableBytes: dense ? tableBytes : trie.size * 4 * 6,
    layout: dense ? 'dense' : 'sparse',
  };
  let run: (text: string, from: number, to: number) => Match[];
  if (dense) {
    const automaton = buildDense(trie, alphabet.classOf, width);
    run = (text, from, to) => scanDense(automaton, text, from, to);
  } else {
    const automaton = buildSparse(trie, alphabet.classOf);
    run = (text, from, to) => scanSparse(automaton, text, from, to);
  }

  return {
    entries,
    stats,
    scan(text: string, from = 0, to = text.length): Match[] {
      const start = Math.max(0, Math.min(from, text.length));
      const end = Math.max(start, Math.min(to, text.length));
      return selectLongest(run(text, start, end));
    },
  };
}
