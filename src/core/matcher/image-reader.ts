import { baseClasses, FIRST_SYMBOL, SEP } from './chars';
import { ALL_FLAGS, FormStore } from './form-store';
import { IMAGE_FORMAT, ImageError, type ImageView, type MatcherImage } from './image';

/** Items checked between two looks at the clock: a small part of a millisecond, even cold. */
const ITEMS_PER_LOOK = 1024;

/**
 * Checks a stored image and turns it into typed arrays, in steps: a page with a large glossary
 * does this over several slices rather than in one long task. Making a reader checks the
 * image's shape (its format, its packs, the lengths of its lists); `read` goes through every
 * state, form and head, as far as a deadline allows. Besides ranges, the checks make sure that
 * nothing read from the image can loop: each state's children come after it, and form chains
 * only move forward. A damaged image throws an `ImageError`, from the constructor or from `read`.
 *
 * The loops run once per state and form of every page's image while the code is cold: their
 * range checks are written out rather than calls.
 */
export class ImageReader {
  private readonly img: MatcherImage;
  private readonly entries: number;
  private readonly classOf: Uint16Array;
  private readonly symbols: Uint16Array;
  private readonly children: Int32Array;
  /** Where each state's children start (states in breadth-first order, children in a row). */
  private readonly firstChild: Int32Array;
  /** A form is as long as its state is deep: the scan reads back that many symbols from its end. */
  private readonly depth: Int32Array;
  /** What is checked next: the states, then the forms, then the heads. */
  private phase: 'states' | 'forms' | 'heads' | 'done' = 'states';
  private at = 0;
  /** The first state not yet claimed as anyone's child. */
  private next = 1;
  private forms: FormStore | null = null;
  private heads: Int32Array | null = null;
  /** Each form belongs to one depth; marking them keeps the walk linear even if chains share forms. */
  private formDepth: Int32Array | null = null;
  private longestForm = 0;
  private view: ImageView | null = null;
  /** Set once damage is found: a reader asked again must not go on past it. */
  private failed: unknown = null;

  constructor(image: unknown, entries: number) {
    const img = checkShape(image, entries);
    this.img = img;
    this.entries = entries;
    const { letters, width } = img;
    this.classOf = baseClasses();
    for (let i = 0; i < letters.length; i += 2) {
      const code = letters[i]!;
      const symbol = letters[i + 1]!;
      if (!inRange(code, 0, 65535) || !inRange(symbol, FIRST_SYMBOL, width - 1)) fail('letters');
      this.classOf[code] = symbol;
    }
    this.symbols = new Uint16Array(img.symbols);
    this.children = new Int32Array(img.children);
    this.firstChild = new Int32Array(img.symbols.length);
    this.depth = new Int32Array(img.symbols.length);
  }

  /**
   * Checks on until `performance.now()` passes `deadline`; the view once all is checked, else
   * null. Once it has thrown, it throws the same error whenever asked again: a step that failed
   * half-way has marked part of its work done.
   */
  read(deadline = Infinity): ImageView | null {
    if (this.failed !== null) throw this.failed;
    try {
      while (this.phase !== 'done') {
        const finished =
          this.phase === 'states' ? this.readStates(deadline) : this.phase === 'forms' ? this.readForms(deadline) : this.readHeads(deadline);
        if (!finished) return null;
      }
    } catch (err) {
      this.failed = err;
      throw err;
    }
    return this.view;
  }

  private late(deadline: number): boolean {
    return deadline !== Infinity && performance.now() >= deadline;
  }

  private readStates(deadline: number): boolean {
    const { children, firstChild, depth } = this;
    const raw = this.img.symbols;
    const states = raw.length;
    const top = this.img.width - 1;
    let { at: state, next } = this;
    while (state < states) {
      for (const stop = Math.min(states, state + ITEMS_PER_LOOK); state < stop; state++) {
        const count = children[state]!;
        if (count === 0) continue;
        // Children come after their parent: a state that is its own ancestor cannot be reached.
        if (count < 1 || count > states - next || next <= state) fail('children');
        firstChild[state] = next;
        const below = depth[state]! + 1;
        for (let child = next, end = next + count; child < end; child++) {
          const symbol = raw[child]!;
          if (symbol !== SEP && ((symbol | 0) !== symbol || symbol < FIRST_SYMBOL || symbol > top)) fail('symbols');
          depth[child] = below;
        }
        next += count;
      }
      if (state < states && this.late(deadline)) {
        this.at = state;
        this.next = next;
        return false;
      }
    }
    if (next !== states) fail('children');
    this.at = 0;
    this.phase = 'forms';
    return true;
  }

  private readForms(deadline: number): boolean {
    const src = this.img.forms;
    const count = src.entry.length;
    const entries = this.entries;
    let f = this.at;
    while (f < count) {
      for (const stop = Math.min(count, f + ITEMS_PER_LOOK); f < stop; f++) {
        const link = src.next[f]!;
        if (link !== -1 && ((link | 0) !== link || link <= f || link >= count)) fail('forms.next');
        const entry = src.entry[f]!;
        if ((entry | 0) !== entry || entry < 0 || entry >= entries) fail('forms.entry');
        const flags = src.flags[f]!;
        if ((flags | 0) !== flags || flags < 0 || flags > ALL_FLAGS) fail('forms.flags');
        const exact = src.exact[f];
        const chars = src.exactChars[f]!;
        if (typeof exact !== 'string' || (chars | 0) !== chars || chars < 0 || chars > exact.length) fail('forms.exact');
      }
      if (f < count && this.late(deadline)) {
        this.at = f;
        return false;
      }
    }
    const forms = new FormStore(count, src.exact.slice());
    forms.count = count;
    forms.entry.set(src.entry);
    forms.next.set(src.next);
    forms.flags.set(src.flags);
    forms.length.set(src.length);
    forms.exactChars.set(src.exactChars);
    this.forms = forms;
    this.heads = new Int32Array(this.symbols.length).fill(-1);
    this.formDepth = new Int32Array(count);
    this.at = 0;
    this.phase = 'heads';
    return true;
  }

  private readHeads(deadline: number): boolean {
    const list = this.img.heads;
    const forms = this.forms!;
    const heads = this.heads!;
    const formDepth = this.formDepth!;
    const { depth } = this;
    const states = this.symbols.length;
    const formCount = forms.count;
    let { at: i, longestForm } = this;
    while (i < list.length) {
      for (const stop = Math.min(list.length, i + 2 * ITEMS_PER_LOOK); i < stop; i += 2) {
        const state = list[i]!;
        const form = list[i + 1]!;
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
      if (i < list.length && this.late(deadline)) {
        this.at = i;
        this.longestForm = longestForm;
        return false;
      }
    }
    const { width } = this.img;
    const { classOf, symbols, children, firstChild } = this;
    this.view = { width, classOf, symbols, children, firstChild, heads, forms, longestForm };
    this.phase = 'done';
    return true;
  }
}

/** The checked contents of an image, all at once. */
export function readImage(image: unknown, entries: number): ImageView {
  return new ImageReader(image, entries).read()!;
}

/** Whether `value` is a whole number from `low` to `high` (all below 2^31). */
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
