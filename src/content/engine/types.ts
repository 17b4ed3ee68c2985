/** How terms are painted; `none` means hover only. Colours are a closed palette (content CSS has a rule each). */
export interface Appearance {
  style: 'dotted' | 'solid' | 'tint' | 'none';
  color: string;
}

export interface EngineOptions {
  occurrences: 'all' | 'first';
  /** Distinct unambiguous terms a page needs before context-gated terms are marked; 0 = gate off. */
  contextThreshold: number;
  skipCode: boolean;
  appearance: Appearance;
}

/** One marked term on the page. */
export interface Occurrence {
  /** Index into `matcher.entries`. */
  entry: number;
  /** The page text it covers, as written on the page. */
  text: string;
  /** Client rects of the term on screen now (more than one when it wraps). */
  rects(): DOMRect[];
  /** A fresh Range over the term (for scrolling into view, selection, positioning). */
  range(): Range;
  /** Where the term starts, without making a Range (which the page's every edit then updates). */
  readonly start?: { readonly node: Node };
}

export interface TermEngine {
  /**
   * Every marked term in page order. A term keeps its object for as long as it stays marked
   * (with the fallback painter: until its block is repainted), so identity comparisons work.
   */
  occurrences(): readonly Occurrence[];
  /** The marked term under a viewport point, or null. */
  hitTest(x: number, y: number): Occurrence | null;
  /** Marks one occurrence as "current" (keyboard navigation), or none. */
  setCurrent(occurrence: Occurrence | null): void;
  /** Live changes from settings: repaints without rescanning when only the look changes. */
  update(options: Partial<EngineOptions>): void;
  /** Called (debounced) whenever the set of marked terms changes. */
  onChange(listener: () => void): void;
  /** Resolves when the first full pass over the page has been painted. */
  ready: Promise<void>;
  /** Figures for the benchmark and for diagnosis. */
  stats(): EngineStats;
}

export interface EngineStats {
  /** Characters of page text read (first pass and rescans). */
  textChars: number;
  /** Runs of text read, with or without terms. */
  blocks: number;
  /** Terms found on the page now, painted or not (gated, or not first with `first`). */
  matches: number;
  /** Terms painted now. */
  painted: number;
  /** Longest slice of the first pass: the longest the engine held the main thread. */
  longestSliceMs: number;
  /** Time the first pass spent working, all slices together. */
  totalMs: number;
  /** Time from start to the first pass painted, yields to the page included. */
  wallMs: number;
  slices: number;
}

/** Knobs for tests and the benchmark; the content script uses the defaults. */
export interface EngineTuning {
  /** Longest a slice of work runs before yielding to the page. Infinity reads a page in one go. */
  sliceMs?: number;
  /** Wait after a page change before rescanning, so a burst is handled once. */
  debounceMs?: number;
  /** Least time between two rescans, however often the page changes. */
  minIntervalMs?: number;
  /** Delay of `onChange` calls after a change. */
  notifyMs?: number;
  /**
   * When (in ms after the first read) to look again at custom elements read without a shadow
   * root, besides at every page change: one defined later may have gained one.
   */
  shadowChecksMs?: readonly number[];
  /** Force a painter; by default highlights where the browser has them, else wrappers. */
  painter?: 'highlight' | 'fallback';
  /**
   * When the task that creates the engine began (`performance.now()`): work done before it in
   * that task, such as loading the glossary, counts against the first slice and in its time.
   */
  taskStart?: number;
}
