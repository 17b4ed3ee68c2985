import type { GlossaryEntry } from '../glossary/types';

export interface CompiledEntry {
  packId: string;
  entry: GlossaryEntry;
}

/**
 * One term found in a text. Offsets are UTF-16 indices into the scanned string, so the DOM
 * layer can turn them into Ranges directly. A possessive ("LLM's", "model’s") is found as its
 * base form: the match ends before the apostrophe.
 */
export interface Match {
  start: number;
  end: number;
  /** Index into `Matcher.entries`. */
  entry: number;
  /** Found through a context-gated form: the page decides whether to show it. */
  gated: boolean;
  /**
   * An exception phrase of the entry ("Meta-learning"): nothing is marked there. Only
   * `Matcher.scanAll` hands these out; set only when true.
   */
  except?: true;
}

export interface MatcherStats {
  /** Distinct written forms compiled, generated plurals included. */
  forms: number;
  states: number;
  symbolClasses: number;
  /** The longest form, in symbols (a separator run is one): no match reads more letters. */
  longestForm: number;
  /** Size of the transition table (dense) or of the trie links (sparse). */
  tableBytes: number;
  layout: 'dense' | 'sparse';
}

export interface Matcher {
  readonly entries: readonly CompiledEntry[];
  readonly stats: MatcherStats;
  /**
   * All terms in text[from, to): non-overlapping, leftmost-longest, in text order. Word
   * boundaries are checked against the whole string, so characters just outside the range
   * still count as neighbours.
   */
  scan(text: string, from?: number, to?: number): Match[];
  /**
   * `scan`, with the exception phrases that kept terms from being marked among the matches, as
   * `except`. A caller that scans a text in pieces needs them, to resume after such a phrase
   * rather than inside it. Without it, `scan` stands in.
   */
  scanAll?(text: string, from?: number, to?: number): Match[];
  /**
   * Builds what is left of the transition table until `performance.now()` passes `deadline`;
   * true once it is complete. A matcher loaded for a page finishes its table in steps, so that
   * a large glossary does not hold the page in one long task; `scan` completes it first if need be.
   */
  prepare(deadline: number): boolean;
}

export interface CompileOptions {
  /**
   * Largest dense transition table to build. Above it the matcher uses a slower trie with
   * failure links, which only an unusual glossary (thousands of terms over thousands of
   * distinct letters, as in CJK) needs. Default 24 MB.
   */
  maxTableBytes?: number;
  /**
   * States from which the dense table is built a row at a time as the text first reaches each
   * state, rather than whole before the first scan. Default 0: always (`Infinity` builds it whole).
   */
  lazyRowsFrom?: number;
  /** With rows built as the text reaches them: how many are built ahead (those of the states made first). Default 0. */
  rowsAhead?: number;
  /**
   * For `loadMatcher`: told when the stored image turns out to be damaged past its shape, which
   * may be found only as the matcher gets ready; the matcher then compiles its packs itself.
   * Without it, the `ImageError` is thrown from that step.
   */
  onImageError?: (err: Error) => void;
}
