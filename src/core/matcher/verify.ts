import { isApostrophe, isWordAt, isWordBefore, numberCameBefore, numberGoesOn, SEP, SKIP } from './chars';
import { CASE_SENSITIVE, EXCEPT, type FormStore, GATED, WORD_END, WORD_START } from './form-store';
import type { Match } from './types';

/** What the automaton reports into: the forms, and for each state its chain of ending forms. */
export interface Outputs {
  forms: FormStore;
  /** The first form ending at each state, or -1. */
  heads: ArrayLike<number>;
  classOf: Uint16Array;
  /** The first state on the suffix chain of a state (itself included) where forms end, or -1. */
  report: Int32Array;
  /** The same, itself excluded: the next link of the chain. */
  dict: Int32Array;
}

/**
 * Where a form of `length` symbols ending at `end` starts, reading back the way the automaton
 * read forward: invisible characters skipped, a separator run counted once.
 */
function startOf(text: string, end: number, length: number, classOf: Uint16Array): number {
  let i = end;
  for (let left = length; left > 0; ) {
    const symbol = classOf[text.charCodeAt(--i)];
    if (symbol === SKIP) continue;
    if (symbol === SEP) {
      while (i > 0) {
        const before = classOf[text.charCodeAt(i - 1)];
        if (before !== SEP && before !== SKIP) break;
        i--;
      }
    }
    left--;
  }
  return i;
}

/** Whether the text from `start` spells the first `chars` characters of `exact` with its case. */
function sameCase(text: string, start: number, exact: string, chars: number, classOf: Uint16Array): boolean {
  let i = start;
  for (let j = 0; j < chars; j++) {
    while (classOf[text.charCodeAt(i)] === SKIP) i++;
    const wanted = exact.charCodeAt(j);
    if (wanted === 0x20) {
      // The automaton already saw a separator run here.
      for (let next = classOf[text.charCodeAt(i)]; next === SEP || next === SKIP; ) {
        next = classOf[text.charCodeAt(++i)];
      }
      continue;
    }
    const code = text.charCodeAt(i++);
    if (code !== wanted && !(wanted === 0x27 && isApostrophe(code))) return false;
  }
  return true;
}

/** Turns an automaton report at `state`, text[..end), into verified candidates. */
export function collectAt(outputs: Outputs, text: string, state: number, end: number, found: Match[]): void {
  const { forms, classOf } = outputs;
  for (let at = outputs.report[state]!; at !== -1; at = outputs.dict[at]!) {
    let form = outputs.heads[at]!;
    // Forms ending at one state fold to the same symbols: same length, same kind of edges.
    const edges = forms.flags[form]!;
    // A word's edge, and not inside a number ("GPT-4" in "GPT-4.5").
    if (edges & WORD_END && (isWordAt(text, end) || numberGoesOn(text, end))) continue;
    const start = startOf(text, end, forms.length[form]!, classOf);
    if (edges & WORD_START && (isWordBefore(text, start) || numberCameBefore(text, start))) continue;
    for (; form !== -1; form = forms.next[form]!) {
      const flags = forms.flags[form]!;
      const exact = forms.exact[form]!;
      if (flags & CASE_SENSITIVE && !sameCase(text, start, exact, forms.exactChars[form]!, classOf)) continue;
      const entry = forms.entry[form]!;
      // Another shape for exceptions only: they are rare, and dropped before anyone else sees them.
      found.push(flags & EXCEPT ? { start, end, entry, gated: false, except: true } : { start, end, entry, gated: (flags & GATED) !== 0 });
      break;
    }
  }
}

/** The matches that are terms: exception phrases ("Meta-learning") hold their place, then go. */
export function termsOnly(matches: Match[]): Match[] {
  for (let i = 0; i < matches.length; i++) if (matches[i]!.except) return matches.filter((m) => !m.except);
  return matches;
}

/** Leftmost-longest, non-overlapping selection from candidates listed in order of their end. */
export function selectLongest(found: Match[]): Match[] {
  let ordered = true;
  for (let i = 1; i < found.length && ordered; i++) ordered = found[i]!.start >= found[i - 1]!.end;
  if (ordered) return found;
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Match[] = [];
  let edge = -1;
  for (const match of found) {
    if (match.start >= edge) {
      chosen.push(match);
      edge = match.end;
    }
  }
  return chosen;
}
