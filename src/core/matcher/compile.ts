import type { GlossaryPack } from '../glossary/types';
import { Alphabet } from './alphabet';
import { isBlank } from './chars';
import { collectForms, entriesOf, type FormSpec } from './forms';
import { ImageError, imageOf, trieOf, type MatcherImage } from './image';
import { ImageReader, readImage } from './image-reader';
import { buildSparse, scanSparse } from './sparse';
import { Table } from './table';
import { type InsertPoint, Trie } from './trie';
import type { CompileOptions, Match, Matcher, MatcherStats } from './types';
import { selectLongest, termsOnly } from './verify';

const DEFAULT_MAX_TABLE_BYTES = 24 * 1024 * 1024;
/**
 * From this many states on, table rows are built as the text reaches them rather than all
 * before the first scan. A page reaches a few hundred states. Each page builds its table anew,
 * with code the JIT has not compiled yet: building the bundled glossary's 1,700 rows up front
 * took a quarter of the engine's time on a median corpus page; building only those reached
 * made the whole run about 12% faster, with the bundled glossary and with 5,000 terms alike.
 */
const DEFAULT_LAZY_ROWS_FROM = 0;
/** Rows built ahead (those of the states made first), when rows are built as the text reaches them. */
const DEFAULT_ROWS_AHEAD = 0;
/** Rows a table has room for before it first grows (doubling each time). */
const ROWS_FIRST = 512;

/**
 * Compiles every form (terms, aliases, generated plurals) of the given packs, once, into one
 * automaton that finds them all in a single pass over a text, whatever their number.
 * Pass only the enabled packs. When entries of several packs share a form, the text picks
 * the entry whose case-sensitive form it matches, then an ungated one, then the earliest.
 */
export function compileMatcher(packs: readonly GlossaryPack[], options: CompileOptions = {}): Matcher {
  return loadMatcher(compileImage(packs), packs, options);
}

/**
 * The slow half of `compileMatcher` (collecting the forms, building the trie), done once per
 * glossary change, as data that storage can keep and `loadMatcher` can turn back into a matcher.
 */
export function compileImage(packs: readonly GlossaryPack[]): MatcherImage {
  const { entries, forms } = collectForms(packs);
  const { trie, alphabet } = buildTrie(forms);
  return imageOf(trie, alphabet, entries.length);
}

/**
 * The matcher an image holds, for the same packs it was compiled from: it finds exactly what
 * `compileMatcher(packs)` finds. Its table's rows are built as the text reaches their states (or
 * ahead, in steps as `prepare` is called, as far as the options ask); each part of the image is
 * checked before it is first used. A damaged image throws an `ImageError`: at once if its shape is wrong (or it
 * plainly belongs to other packs), else from the step or scan that finds the damage, unless
 * `options.onImageError` is given: then that is told, and the matcher compiles the packs itself
 * instead (a scan that found the damage is done again with that).
 */
export function loadMatcher(image: unknown, packs: readonly GlossaryPack[], options: CompileOptions = {}): Matcher {
  const entries = entriesOf(packs);
  let reader = new ImageReader(image, entries.length);
  let loaded: Loaded | null = null;
  let compiledHere = false;
  /** The damage the stored image showed, with no one to tell: thrown again whenever the matcher is asked. */
  let broken: ImageError | null = null;
  /** The loaded matcher; null while the compact layout's whole check is not done by the deadline. */
  const load = (deadline: number): Loaded | null => (loaded ??= loadedFrom(reader, deadline, options));
  /** Runs `work` on the stored image; once it is found damaged (if told to), on the packs compiled here. */
  const guard = <T>(work: () => T): T => {
    if (broken) throw broken;
    try {
      return work();
    } catch (err) {
      if (compiledHere) throw err;
      if (!options.onImageError) {
        // A reader that found damage has marked part of its work done: it must not go on.
        if (err instanceof ImageError) broken = err;
        throw err;
      }
      // Damage past the shape (or anything else going wrong with the stored copy): better a
      // page that compiles for itself than one without terms. Nothing of the stored copy is
      // used again, even if compiling fails.
      loaded = null;
      options.onImageError(err instanceof Error ? err : new ImageError(String(err)));
      reader = new ImageReader(compileImage(packs), entries.length);
      compiledHere = true;
      return work();
    }
  };
  const scanAll = (text: string, from = 0, to = text.length): Match[] => {
    const start = Math.max(0, Math.min(from, text.length));
    const end = Math.max(start, Math.min(to, text.length));
    // White space alone (U+0000 joins runs of a page's text) holds no term, and needs no
    // table: a frame of nothing but indentation never gets the matcher ready.
    if (isBlank(text, start, end)) return [];
    return guard(() => selectLongest(load(Infinity)!.run(text, start, end)));
  };
  return {
    entries,
    get stats() {
      return guard(() => load(Infinity)!.stats);
    },
    scan: (text: string, from = 0, to = text.length): Match[] => termsOnly(scanAll(text, from, to)),
    scanAll,
    prepare(deadline: number): boolean {
      return guard(() => {
        const ready = load(deadline);
        return ready !== null && ready.prepare(deadline);
      });
    },
  };
}

/** Whether the image is whole: a matcher loaded from it gets ready without finding damage. */
export function isLoadable(image: unknown, packs: readonly GlossaryPack[]): boolean {
  try {
    readImage(image, entriesOf(packs).length);
    return true;
  } catch {
    return false;
  }
}

function buildTrie(forms: readonly FormSpec[]): { trie: Trie; alphabet: Alphabet } {
  let maxStates = 1;
  for (let k = 0; k < forms.length; k++) maxStates += forms[k]!.text.length;
  const alphabet = new Alphabet();
  const trie = new Trie(maxStates, forms.length);
  let point: InsertPoint | null = null;
  for (let k = 0; k < forms.length; k++) {
    const form = forms[k]!;
    const next = forms[k + 1];
    point = trie.insert(form, alphabet, form.shared ? point : null, next?.shared ? next.shared : -1);
  }
  return { trie, alphabet };
}

/** An image made ready to scan: its figures, its table built in steps, and the scan. */
interface Loaded {
  stats: MatcherStats;
  prepare(deadline: number): boolean;
  run(text: string, from: number, to: number): Match[];
}

/** The matcher of `reader`'s image; null if the compact layout's whole check is not done by `deadline`. */
function loadedFrom(reader: ImageReader, deadline: number, options: CompileOptions): Loaded | null {
  const { view } = reader;
  const states = view.symbols.length;
  const width = view.width;
  const tableBytes = states * width * 4;
  const dense = tableBytes <= (options.maxTableBytes ?? DEFAULT_MAX_TABLE_BYTES);
  const stats: MatcherStats = {
    forms: view.forms.count,
    states,
    symbolClasses: width,
    longestForm: view.longestForm,
    tableBytes: dense ? tableBytes : states * 4 * 6,
    layout: dense ? 'dense' : 'sparse',
  };
  if (!dense) {
    // The compact layout is built whole from the trie: every state is checked first, in steps.
    if (!reader.read(deadline)) return null;
    const automaton = buildSparse(trieOf(view), view.classOf);
    return { stats, prepare: () => true, run: (text, from, to) => scanSparse(automaton, text, from, to) };
  }
  // Built as the text reaches them (some ahead in the page's slices, if asked for); each state
  // checked as its row is built.
  const ahead = states >= (options.lazyRowsFrom ?? DEFAULT_LAZY_ROWS_FROM) ? (options.rowsAhead ?? DEFAULT_ROWS_AHEAD) : states;
  // Room for the rows a page mostly builds; the table grows past that as the text needs.
  const table = new Table(view, (state) => reader.open(state), ahead >= states ? states : Math.max(ROWS_FIRST, 2 * ahead));
  return {
    stats,
    prepare: (deadline) => table.build(deadline, ahead),
    run(text, from, to) {
      table.build(Infinity, ahead);
      return table.scan(text, from, to);
    },
  };
}
