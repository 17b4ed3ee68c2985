import type { Alphabet } from './alphabet';
import { isApostrophe, isWordCode, NONE, SEP, SKIP } from './chars';
import { CASE_SENSITIVE, EXCEPT, FormStore, GATED, WORD_END, WORD_START } from './form-store';
import type { FormSpec } from './forms';

/**
 * A trie of folded forms: states are integers, children sibling lists. Its lists are plain
 * arrays rather than typed ones: the compiled image is made of them as they are (storage keeps
 * no typed arrays), and turning a typed array into a list costs as much per item as building it.
 */
export class Trie {
  size = 1;
  firstChild: number[];
  nextSibling: number[];
  symbol: number[];
  /** Children of the start state by symbol: it is the one state with many children. */
  readonly rootChild = new Int32Array(65536);
  /** The first form ending at each state, or -1. */
  formHead: number[];
  readonly forms: FormStore;

  constructor(maxStates: number, maxForms: number, forms = new FormStore(maxForms)) {
    this.firstChild = new Array<number>(maxStates).fill(-1);
    // The start state has no siblings; every other state gets its entry when it is made.
    this.nextSibling = new Array<number>(maxStates).fill(-1);
    this.symbol = new Array<number>(maxStates).fill(0);
    this.formHead = new Array<number>(maxStates).fill(-1);
    this.forms = forms;
  }

  /** The child of `state` along `symbol`, or -1. */
  childOf(state: number, symbol: number): number {
    if (state === 0) return this.rootChild[symbol]! - 1;
    for (let child = this.firstChild[state]!; child !== -1; child = this.nextSibling[child]!) {
      if (this.symbol[child] === symbol) return child;
    }
    return -1;
  }

  /**
   * Adds a form: separator runs become one SEP, invisible characters are dropped. A plural
   * continues from where its base stood after the characters they share (`from`, which the
   * base's insert returned when asked with `snapshotAt`), so the shared part is read once.
   *
   * This runs for every character of every form at each compile, mostly before the JIT has
   * optimised it, where a call costs more than the work it does: the steps down the trie are
   * written out in the loop rather than called.
   */
  insert(form: FormSpec, alphabet: Alphabet, from: InsertPoint | null = null, snapshotAt = -1): InsertPoint | null {
    const { text, caseSensitive } = form;
    const { classOf } = alphabet;
    const { firstChild, nextSibling, symbol: symbols, rootChild } = this;
    let { index, state, length, pendingSep, exact, exactChars, first, last } = from ?? START;
    let point: InsertPoint | null = null;
    for (; index < text.length; index++) {
      if (index === snapshotAt) point = { index, state, length, pendingSep, exact, exactChars, first, last };
      const code = text.charCodeAt(index);
      let symbol = classOf[code]!;
      if (symbol === SKIP) continue;
      if (symbol === SEP) {
        pendingSep = length > 0;
        continue;
      }
      if (pendingSep) {
        state = this.step(state, SEP);
        length++;
        if (caseSensitive) exact += ' ';
        pendingSep = false;
      }
      if (symbol === NONE) symbol = alphabet.symbolOf(code);
      // The child along `symbol`, made if missing (the start state keeps an index by symbol).
      let child = state === 0 ? rootChild[symbol]! - 1 : firstChild[state]!;
      if (state !== 0) while (child !== -1 && symbols[child] !== symbol) child = nextSibling[child]!;
      state = child !== -1 ? child : this.add(state, symbol);
      length++;
      if (first === -1) first = code;
      last = code;
      if (caseSensitive) {
        exact += isApostrophe(code) ? "'" : text[index];
        if (index < form.exactChars) exactChars = exact.length;
      }
    }
    if (index === snapshotAt) point = { index, state, length, pendingSep, exact, exactChars, first, last };
    if (length === 0) return point;
    let flags = (caseSensitive ? CASE_SENSITIVE : 0) | (form.gated ? GATED : 0) | (form.except ? EXCEPT : 0);
    if (isWordCode(first)) flags |= WORD_START;
    if (isWordCode(last)) flags |= WORD_END;
    const head = this.formHead[state]!;
    this.formHead[state] = this.forms.add(head, form.entry, flags, length, exact, exactChars);
    return point;
  }

  /** The child of `state` along `symbol`, made if missing. */
  private step(state: number, symbol: number): number {
    const existing = this.childOf(state, symbol);
    return existing !== -1 ? existing : this.add(state, symbol);
  }

  /** A new child of `state` along `symbol`. */
  private add(state: number, symbol: number): number {
    const child = this.size++;
    this.symbol[child] = symbol;
    this.nextSibling[child] = this.firstChild[state]!;
    this.firstChild[state] = child;
    if (state === 0) this.rootChild[symbol] = child + 1;
    return child;
  }
}

/** How far an insert had got: the state reached and what it had gathered about the form. */
export interface InsertPoint {
  index: number;
  state: number;
  length: number;
  pendingSep: boolean;
  exact: string;
  exactChars: number;
  first: number;
  last: number;
}

const START: InsertPoint = { index: 0, state: 0, length: 0, pendingSep: false, exact: '', exactChars: 0, first: -1, last: -1 };
