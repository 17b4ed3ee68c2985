import type { Alphabet } from './alphabet';
import type { FormStore } from './form-store';
import { Trie } from './trie';

/** Bumped whenever the layout below changes, so an older stored image is never misread. */
export const IMAGE_FORMAT = 4;

/**
 * A compiled glossary in a shape storage can keep (plain JSON: no typed arrays), so that the
 * forms are collected and the trie built once per glossary change rather than in every page.
 * It is the trie as built (its lists as they are, its forms' typed arrays copied): no loop of
 * ours runs per state or form, which matters because this runs once per glossary change, cold. A page
 * copies the lists into typed arrays (natively too) and checks each part as its text first
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
  /**
   * The trie's states in the order they were made (each after its parent): the symbol leading
   * into each (0 for the start state).
   */
  symbols: number[];
  /** Each state's first child, or -1; the others follow along `nextSibling`. */
  firstChild: number[];
  /** The next child of the same parent, or -1. */
  nextSibling: number[];
  /** The first form ending at each state, or -1; the others follow along `forms.next`. */
  heads: number[];
  /** The forms; those ending at one state are chained in order of preference. */
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

/** The first `count` items of a typed array, as a list storage can keep. */
const listOf = (items: Int32Array | Uint8Array, count: number): number[] => Array.from(items.subarray(0, count));

export function imageOf(trie: Trie, alphabet: Alphabet, entries: number): MatcherImage {
  const states = trie.size;
  const forms = trie.forms;
  const count = forms.count;
  return {
    format: IMAGE_FORMAT,
    entries,
    width: alphabet.size,
    letters: alphabet.letters(),
    symbols: trie.symbol.slice(0, states),
    firstChild: trie.firstChild.slice(0, states),
    nextSibling: trie.nextSibling.slice(0, states),
    heads: trie.formHead.slice(0, states),
    forms: {
      entry: listOf(forms.entry, count),
      next: listOf(forms.next, count),
      flags: listOf(forms.flags, count),
      length: listOf(forms.length, count),
      exactChars: listOf(forms.exactChars, count),
      exact: forms.exact.slice(0, count),
    },
  };
}

/**
 * An image's contents in typed arrays. Read from storage, each state's children (and the forms
 * ending at them) are checked as the state is opened, before anything of them is used: see
 * `ImageReader`.
 */
export interface ImageView {
  width: number;
  classOf: Uint16Array;
  /** Per state, in the order they were made. */
  symbols: Uint16Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  /** The first form ending at each state, or -1. */
  heads: Int32Array;
  forms: FormStore;
  /** The depth of the deepest state where a form ends. */
  longestForm: number;
}

/** The trie, for the compact (sparse) layout. Every state must be checked. */
export function trieOf(view: ImageView): Trie {
  const states = view.symbols.length;
  const trie = new Trie(0, 0, view.forms);
  trie.symbol = Array.from(view.symbols);
  trie.firstChild = Array.from(view.firstChild);
  trie.nextSibling = Array.from(view.nextSibling);
  trie.formHead = Array.from(view.heads);
  for (let child = view.firstChild[0]!; child !== -1; child = view.nextSibling[child]!) trie.rootChild[view.symbols[child]!] = child + 1;
  trie.size = states;
  return trie;
}
