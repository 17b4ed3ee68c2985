export const CASE_SENSITIVE = 1;
export const GATED = 2;
/** The form starts (ends) with a word character, so the text must not continue the word there. */
export const WORD_START = 4;
export const WORD_END = 8;
/** A phrase in which the entry's term means something else: where it is read, nothing is marked. */
export const EXCEPT = 16;
/** The highest value the flags above make together. */
export const ALL_FLAGS = 31;

const rank = (flags: number): number => (flags & EXCEPT ? 4 : (flags & CASE_SENSITIVE ? 0 : 2) + (flags & GATED ? 1 : 0));

/**
 * The compiled forms, in flat arrays the scan reads when the automaton reports. Forms ending at
 * one state are chained in order of preference: case-sensitive before case-insensitive (the
 * more specific reading), then ungated before gated, then glossary order. Exception phrases
 * come last: a term of another entry spelt the same is still marked.
 */
export class FormStore {
  count = 0;
  readonly entry: Int32Array;
  readonly next: Int32Array;
  readonly flags: Uint8Array;
  /** Length in symbols, which all forms ending at one state share. */
  readonly length: Int32Array;
  /** For case-sensitive forms: separators as ' ', apostrophes as "'". */
  readonly exact: string[];
  /** How many leading characters of `exact` must match with their case. */
  readonly exactChars: Int32Array;

  /** `exact`, when given, is taken as it is (a checked copy, already `count` long). */
  constructor(capacity: number, exact: string[] = []) {
    this.exact = exact;
    this.entry = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.length = new Int32Array(capacity);
    this.exactChars = new Int32Array(capacity);
  }

  /** Adds a form to the chain starting at `head`; returns the new head. Duplicates are dropped. */
  add(head: number, entry: number, flags: number, length: number, exact: string, exactChars: number): number {
    let previous = -1;
    for (let f = head; f !== -1; f = this.next[f]!) {
      const same = this.entry[f] === entry && this.flags[f] === flags && this.exact[f] === exact;
      if (same && this.exactChars[f] === exactChars) return head;
      if (rank(this.flags[f]!) <= rank(flags)) previous = f;
    }
    const id = this.count++;
    this.entry[id] = entry;
    this.flags[id] = flags;
    this.length[id] = length;
    this.exact[id] = exact;
    this.exactChars[id] = exactChars;
    if (previous === -1) {
      this.next[id] = head;
      return id;
    }
    this.next[id] = this.next[previous]!;
    this.next[previous] = id;
    return head;
  }
}
