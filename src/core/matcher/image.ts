import type { Alphabet } from './alphabet';
import type { FormStore } from './form-store';
import { Trie } from './trie';

/** Bumped whenever the layout below changes, so an older stored image is never misread. */
export const IMAGE_FORMAT = 3;

/**
 * A compiled glossary in a shape storage can keep (plain JSON: no typed arrays), so that the
 * forms are collected and the trie built once per glossary change rather than in every page.
 * A page copies its lists into typed arrays (natively) and checks each part as its text first
 * needs it; the background checks a stored image whole before it keeps using it.
 */
export interface MatcherImage {
  format: number;
  /** How many entries the packs had: a cheap check that the image belongs to them. */
  entries: number;
  /** Symbol classes in use, the three fixed ones included. */
  width: number;
  /** Pairs of (UTF-16 code unit, symbol class) for every character the forms use. */
  letters: number[];
  /** States in breadth-first order: the symbol leading into each (0 for the start state). */
  symbols: number[];
  /**
   * Where each state's children start, plus one more item: the children of state `s` are the
   * states from `childStart[s]` up to (not including) `childStart[s + 1]`.
   */
  childStart: number[];
  /** The first form ending at each state, or -1. */
  heads: number[];
  /** The forms, numbered so that each state's chain of forms runs in ascending order. */
  forms: {
    entry: number[];
    /** The next form of the chain, or -1. */
    next: number[];
    flags: number[];
    length: number[];
    exactChars: number[];
    exact: string[];
  };
}

/** Why a stored image cannot be used: the page then compiles the glossary itself. */
export class ImageError extends Error {
  override name = 'ImageError';
}

export function imageOf(trie: Trie, alphabet: Alphabet, entries: number): MatcherImage {
  const states = trie.size;
  const src = trie.forms;
  const formCount = src.count;
  // Filled by index into arrays of their final length: this runs once per state and form while
  // the code is cold, where a store costs less than a call to push.
  const order = new Int32Array(states);
  const symbols = new Array<number>(states);
  const childStart = new Array<number>(states + 1);
  const heads = new Array<number>(states);
  const forms: MatcherImage['forms'] = {
    entry: new Array<number>(formCount),
    next: new Array<number>(formCount),
    flags: new Array<number>(formCount),
    length: new Array<number>(formCount),
    exactChars: new Array<number>(formCount),
    exact: new Array<string>(formCount),
  };
  // The trie's arrays in locals: a property read per use would double the loop's work while
  // it runs unoptimised.
  const { symbol, firstChild, nextSibling, formHead } = trie;
  const { next, entry, flags, length, exactChars, exact } = forms;
  let tail = 1;
  let out = 0;
  for (let at = 0; at < states; at++) {
    const state = order[at]!;
    symbols[at] = symbol[state]!;
    childStart[at] = tail;
    for (let child = firstChild[state]!; child !== -1; child = nextSibling[child]!) order[tail++] = child;
    const head = formHead[state]!;
    heads[at] = head === -1 ? -1 : out;
    if (head === -1) continue;
    for (let f = head; f !== -1; f = src.next[f]!, out++) {
      next[out] = src.next[f] === -1 ? -1 : out + 1;
      entry[out] = src.entry[f]!;
      flags[out] = src.flags[f]!;
      length[out] = src.length[f]!;
      exactChars[out] = src.exactChars[f]!;
      exact[out] = src.exact[f]!;
    }
  }
  childStart[states] = tail;
  // Every form hangs off one state: a hole here would reach storage as null.
  if (out !== formCount) throw new Error(`compiled glossary: ${formCount - out} forms are on no state`);
  return { format: IMAGE_FORMAT, entries, width: alphabet.size, letters: alphabet.letters(), symbols, childStart, heads, forms };
}

/**
 * An image's contents in typed arrays. Read from storage, each state's children (and the forms
 * ending at them) are checked as the state is opened, before anything of them is used: see
 * `ImageReader`.
 */
export interface ImageView {
  width: number;
  classOf: Uint16Array;
  /** Per state, in breadth-first order. */
  symbols: Uint16Array;
  /** The children of state `s` are the states from `childStart[s]` up to `childStart[s + 1]`. */
  childStart: Int32Array;
  /** The first form ending at each state, or -1. */
  heads: Int32Array;
  forms: FormStore;
  /** The depth of the deepest state where a form ends. */
  longestForm: number;
}

/** The trie with sibling lists, which the compact (sparse) layout walks. Every state must be checked. */
export function trieOf(view: ImageView): Trie {
  const states = view.symbols.length;
  const trie = new Trie(states, 0, view.forms);
  trie.symbol.set(view.symbols);
  trie.formHead.set(view.heads);
  for (let state = 0; state < states; state++) {
    const first = view.childStart[state]!;
    const end = view.childStart[state + 1]!;
    if (end <= first) continue;
    trie.firstChild[state] = first;
    for (let child = first; child < end; child++) {
      trie.nextSibling[child] = child + 1 < end ? child + 1 : -1;
      if (state === 0) trie.rootChild[view.symbols[child]!] = child + 1;
    }
  }
  trie.size = states;
  return trie;
}
