import type { Alphabet } from './alphabet';
import { baseClasses, FIRST_SYMBOL, SEP } from './chars';
import { FormStore } from './form-store';
import { Trie } from './trie';

/** Bumped whenever the layout below changes, so an older stored image is never misread. */
export const IMAGE_FORMAT = 1;

/**
 * A compiled glossary in a shape storage can keep (plain JSON: no typed arrays), so that the
 * forms are collected and the trie built once per glossary change rather than in every page.
 * A page rebuilds only the transition table from it, which is one linear pass.
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
  /** How many children each state has; a state's children follow its predecessors' children. */
  children: number[];
  /** Pairs of (state, first form ending there). */
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
  const children = new Array<number>(states);
  const heads: number[] = [];
  const forms: MatcherImage['forms'] = {
    entry: new Array<number>(formCount),
    next: new Array<number>(formCount),
    flags: new Array<number>(formCount),
    length: new Array<number>(formCount),
    exactChars: new Array<number>(formCount),
    exact: new Array<string>(formCount),
  };
  let tail = 1;
  let out = 0;
  for (let at = 0; at < states; at++) {
    const state = order[at]!;
    symbols[at] = trie.symbol[state]!;
    const first = tail;
    for (let child = trie.firstChild[state]!; child !== -1; child = trie.nextSibling[child]!) order[tail++] = child;
    children[at] = tail - first;
    if (trie.formHead[state] === -1) continue;
    heads.push(at, out);
    for (let f = trie.formHead[state]!; f !== -1; f = src.next[f]!, out++) {
      forms.next[out] = src.next[f] === -1 ? -1 : out + 1;
      forms.entry[out] = src.entry[f]!;
      forms.flags[out] = src.flags[f]!;
      forms.length[out] = src.length[f]!;
      forms.exactChars[out] = src.exactChars[f]!;
      forms.exact[out] = src.exact[f]!;
    }
  }
  // Every form hangs off one state: a hole here would reach storage as null.
  if (out !== formCount) throw new Error(`compiled glossary: ${formCount - out} forms are on no state`);
  return { format: IMAGE_FORMAT, entries, width: alphabet.size, letters: alphabet.letters(), symbols, children, heads, forms };
}

/** An image's contents, checked, in typed arrays. */
export interface ImageView {
  width: number;
  classOf: Uint16Array;
  /** Per state, in breadth-first order. */
  symbols: Uint16Array;
  children: Int32Array;
  /** The first form ending at each state, or -1. */
  heads: Int32Array;
  forms: FormStore;
  /** The depth of the deepest state where a form ends. */
  longestForm: number;
}

/**
 * The checked contents of an image. Besides ranges, the checks make sure that nothing read from
 * it can loop: each state's children come after it, and form chains only move forward.
 */
export function readImage(image: unknown, entries: number): ImageView {
  const img = checkShape(image, entries);
  const states = img.symbols.length;
  const formCount = img.forms.entry.length;
  const { width } = img;
  const classOf = baseClasses();
  const { letters } = img;
  for (let i = 0; i < letters.length; i += 2) {
    const code = letters[i]!;
    const symbol = letters[i + 1]!;
    if (!inRange(code, 0, 65535) || !inRange(symbol, FIRST_SYMBOL, width - 1)) fail('letters');
    classOf[code] = symbol;
  }
  const symbols = new Uint16Array(img.symbols);
  const children = new Int32Array(img.children);
  // A form is as long as its state is deep: the scan reads back that many symbols from its end.
  const depth = new Int32Array(states);
  // The loops below run once per state and form of every page's image, while the code is cold:
  // the range checks are written out rather than calls to inRange.
  const rawSymbols = img.symbols;
  const top = width - 1;
  let next = 1;
  for (let state = 0; state < states; state++) {
    const count = children[state]!;
    if (count === 0) continue;
    // Children come after their parent: a state that is its own ancestor cannot be reached.
    if (count < 1 || count > states - next || next <= state) fail('children');
    const below = depth[state]! + 1;
    for (let child = next, end = next + count; child < end; child++) {
      const symbol = rawSymbols[child]!;
      if (symbol !== SEP && ((symbol | 0) !== symbol || symbol < FIRST_SYMBOL || symbol > top)) fail('symbols');
      depth[child] = below;
    }
    next += count;
  }
  if (next !== states) fail('children');
  const forms = readForms(img.forms, entries);
  const heads = new Int32Array(states).fill(-1);
  // Each form belongs to one depth; marking them keeps the walk linear even if chains share forms.
  const formDepth = new Int32Array(formCount);
  let longestForm = 0;
  for (let i = 0; i < img.heads.length; i += 2) {
    const state = img.heads[i]!;
    const form = img.heads[i + 1]!;
    if ((state | 0) !== state || state < 1 || state >= states) fail('heads');
    if ((form | 0) !== form || form < 0 || form >= formCount) fail('heads');
    heads[state] = form;
    const deep = depth[state]!;
    if (deep > longestForm) longestForm = deep;
    let f = form;
    for (; f !== -1 && formDepth[f] === 0; f = forms.next[f]!) {
      if (forms.length[f] !== deep) fail('forms.length');
      formDepth[f] = deep;
    }
    if (f !== -1 && formDepth[f] !== deep) fail('forms.length');
  }
  return { width, classOf, symbols, children, heads, forms, longestForm };
}

function readForms(src: MatcherImage['forms'], entries: number): FormStore {
  const count = src.entry.length;
  // Range checks written out, as in readImage: this runs once per form of every page's image.
  for (let f = 0; f < count; f++) {
    const link = src.next[f]!;
    if (link !== -1 && ((link | 0) !== link || link <= f || link >= count)) fail('forms.next');
    const entry = src.entry[f]!;
    if ((entry | 0) !== entry || entry < 0 || entry >= entries) fail('forms.entry');
    const flags = src.flags[f]!;
    if ((flags | 0) !== flags || flags < 0 || flags > 15) fail('forms.flags');
    const exact = src.exact[f];
    const chars = src.exactChars[f]!;
    if (typeof exact !== 'string' || (chars | 0) !== chars || chars < 0 || chars > exact.length) fail('forms.exact');
  }
  const forms = new FormStore(count, src.exact.slice());
  forms.count = count;
  forms.entry.set(src.entry);
  forms.next.set(src.next);
  forms.flags.set(src.flags);
  forms.length.set(src.length);
  forms.exactChars.set(src.exactChars);
  return forms;
}

/** The trie with sibling lists, which the compact (sparse) layout walks. */
export function trieOf(view: ImageView): Trie {
  const states = view.symbols.length;
  const trie = new Trie(states, 0, view.forms);
  trie.symbol.set(view.symbols);
  trie.formHead.set(view.heads);
  let next = 1;
  for (let state = 0; state < states; state++) {
    const count = view.children[state]!;
    if (count === 0) continue;
    trie.firstChild[state] = next;
    for (let child = next; child < next + count; child++) {
      trie.nextSibling[child] = child + 1 < next + count ? child + 1 : -1;
      if (state === 0) trie.rootChild[view.symbols[child]!] = child + 1;
    }
    next += count;
  }
  trie.size = states;
  return trie;
}

/**
 * Whether `value` is a whole number from `low` to `high` (all below 2^31). Written out
 * rather than `Number.isInteger`: it runs a few times per state and form of every page's image.
 */
function inRange(value: number, low: number, high: number): boolean {
  return (value | 0) === value && value >= low && value <= high;
}

function fail(field: string): never {
  throw new ImageError(`compiled glossary: ${field} is out of range`);
}

const isNumbers = (value: unknown): value is number[] => Array.isArray(value);

function checkShape(image: unknown, entries: number): MatcherImage {
  const img = image as Partial<MatcherImage> | null;
  if (typeof img !== 'object' || img === null || img.format !== IMAGE_FORMAT) {
    throw new ImageError('compiled glossary: not an image of this version');
  }
  if (img.entries !== entries) throw new ImageError('compiled glossary: made for other glossaries');
  const { forms } = img;
  const ok =
    inRange(img.width ?? NaN, FIRST_SYMBOL, 65535) &&
    isNumbers(img.letters) && img.letters.length % 2 === 0 &&
    isNumbers(img.symbols) && img.symbols.length >= 1 &&
    isNumbers(img.children) && img.children.length === img.symbols.length &&
    isNumbers(img.heads) && img.heads.length % 2 === 0 &&
    typeof forms === 'object' && forms !== null &&
    [forms.entry, forms.next, forms.flags, forms.length, forms.exactChars, forms.exact].every(
      (list) => Array.isArray(list) && list.length === forms.entry.length,
    );
  if (!ok) throw new ImageError('compiled glossary: damaged');
  return img as MatcherImage;
}
