import { baseClasses, FIRST_SYMBOL, SEP } from './chars';
import { ALL_FLAGS, FormStore } from './form-store';
import { IMAGE_FORMAT, ImageError, type ImageView, type MatcherImage } from './image';

/** States checked between two looks at the clock: a small part of a millisecond, even cold. */
const ITEMS_PER_LOOK = 1024;

/**
 * Turns a stored image into typed arrays and checks it, a state at a time. Making a reader
 * checks the image's shape (its format, its packs, the lengths of its lists) and copies the
 * lists, which the browser does natively. Opening a state checks its children and the forms
 * ending at them, before anything of them is read: a page opens only the states its text
 * reaches (a few hundred), rather than checking tens of thousands of states and forms of a
 * large glossary in every page while its code is still cold. `read` opens every state, as the
 * background does before it keeps a stored image, and as the compact layout needs.
 *
 * The checks make sure that nothing read from the image is out of range or can loop: each
 * state's children come after it and are claimed by no other state (so a sibling list ends, a
 * state's depth is known, and its failure state is shallower), and each form is on one chain,
 * once (so a chain ends). Each value is
 * also compared with the stored one, which a typed array would have changed if it was no whole
 * number in range. A damaged image throws an `ImageError`: from the constructor for its shape,
 * else from the opening that finds it; once it has thrown, it throws the same error whenever a
 * state not yet opened is asked for.
 */
export class ImageReader {
  readonly view: ImageView;
  /** The stored lists, for telling a copied value from one the copy changed (1.5, "3", 70000). */
  private readonly img: MatcherImage;
  private readonly entries: number;
  /** Each state's depth; 0 for the start state and for states no opened state has claimed. */
  private readonly depth: Int32Array;
  private readonly opened: Uint8Array;
  /** Set for each form once it is checked: a form met again is on two chains, or a loop. */
  private readonly formSeen: Uint8Array;
  /** The next state `read` opens. */
  private at = 0;
  /** Set once damage is found: a reader asked again must not go on past it. */
  private failed: unknown = null;

  constructor(image: unknown, entries: number) {
    const img = checkShape(image, entries);
    this.img = img;
    this.entries = entries;
    const { letters, width } = img;
    const classOf = baseClasses();
    for (let i = 0; i < letters.length; i += 2) {
      const code = letters[i]!;
      const symbol = letters[i + 1]!;
      if (!inRange(code, 0, 65535) || !inRange(symbol, FIRST_SYMBOL, width - 1)) fail('letters');
      classOf[code] = symbol;
    }
    const states = img.symbols.length;
    const src = img.forms;
    const count = src.entry.length;
    // Copied as they are: each value is checked where it is first used, as a typed array
    // holds it (a copy turns anything that is not a number into one).
    const forms = new FormStore(count, src.exact.slice());
    forms.count = count;
    forms.entry.set(src.entry);
    forms.next.set(src.next);
    forms.flags.set(src.flags);
    forms.length.set(src.length);
    forms.exactChars.set(src.exactChars);
    const heads = new Int32Array(img.heads);
    // The start state ends no form (a form has at least one symbol).
    if (img.heads[0] !== -1) fail('heads');
    // How far back a term can start, for scans in pieces: known before any state is opened,
    // so worked out here rather than stored. Every form reported passes `length === depth`.
    let longestForm = 0;
    const lengths = forms.length;
    for (let f = 0; f < count; f++) if (lengths[f]! > longestForm) longestForm = lengths[f]!;
    this.view = {
      width,
      classOf,
      symbols: new Uint16Array(img.symbols),
      firstChild: new Int32Array(img.firstChild),
      nextSibling: new Int32Array(img.nextSibling),
      heads,
      forms,
      longestForm: Math.min(longestForm, states - 1),
    };
    this.depth = new Int32Array(states);
    this.opened = new Uint8Array(states);
    this.formSeen = new Uint8Array(count);
  }

  /**
   * Checks the children of `state` and the forms ending at them, once; `state` must be the
   * start state or claimed by a state opened before.
   */
  open(state: number): void {
    if (this.opened[state]) return;
    if (this.failed !== null) throw this.failed;
    try {
      this.check(state);
    } catch (err) {
      this.failed = err;
      throw err;
    }
    this.opened[state] = 1;
  }

  /**
   * Opens every state, in order, until `performance.now()` passes `deadline`; the view once
   * all are open, else null. Every state but the start state must be someone's child.
   */
  read(deadline = Infinity): ImageView | null {
    if (this.failed !== null) throw this.failed;
    const states = this.opened.length;
    let state = this.at;
    while (state < states) {
      for (const stop = Math.min(states, state + ITEMS_PER_LOOK); state < stop; state++) this.open(state);
      if (state < states && deadline !== Infinity && performance.now() >= deadline) {
        this.at = state;
        return null;
      }
    }
    this.at = states;
    return this.view;
  }

  private check(state: number): void {
    const { depth, img } = this;
    const { symbols, firstChild, nextSibling, heads } = this.view;
    const states = symbols.length;
    // A state no opened state claimed has no known depth, nor a failure state.
    if (state !== 0 && depth[state] === 0) fail('children');
    const first = firstChild[state]!;
    if (first !== img.firstChild[state]) fail('children');
    const below = depth[state]! + 1;
    // Every state starts some form, so none is deeper than the longest: a scan in pieces, cut
    // for terms that long, reaches and opens a state whose children are deeper if the forms'
    // lengths were damaged to make it too short.
    if (first !== -1 && below > this.view.longestForm) fail('forms.length');
    const top = this.view.width - 1;
    for (let child = first; child !== -1; child = nextSibling[child]!) {
      // Children come after their parent, and each has one: a state that is its own ancestor
      // cannot be reached, and a list of siblings that runs into a claimed state ends here.
      if (!(child > state && child < states) || depth[child] !== 0) fail('children');
      if (nextSibling[child] !== img.nextSibling[child]) fail('children');
      const symbol = symbols[child]!;
      if (symbol !== img.symbols[child] || (symbol !== SEP && (symbol < FIRST_SYMBOL || symbol > top))) fail('symbols');
      depth[child] = below;
      const head = heads[child]!;
      if (head !== img.heads[child]) fail('heads');
      if (head !== -1) this.checkForms(head, below);
    }
  }

  /** Checks the chain of forms from `head`, all ending at a state `deep` symbols deep. */
  private checkForms(head: number, deep: number): void {
    const { forms } = this.view;
    const { entries, formSeen } = this;
    const src = this.img.forms;
    const count = forms.count;
    if (head < 0 || head >= count) fail('heads');
    for (let f = head; f !== -1; f = forms.next[f]!) {
      if (formSeen[f]) fail('forms.next');
      formSeen[f] = 1;
      const link = forms.next[f]!;
      if (link !== src.next[f] || link < -1 || link >= count) fail('forms.next');
      const entry = forms.entry[f]!;
      if (entry !== src.entry[f] || entry < 0 || entry >= entries) fail('forms.entry');
      const flags = forms.flags[f]!;
      if (flags !== src.flags[f] || flags > ALL_FLAGS) fail('forms.flags');
      const exact = forms.exact[f];
      const chars = forms.exactChars[f]!;
      if (typeof exact !== 'string' || chars !== src.exactChars[f] || chars < 0 || chars > exact.length) fail('forms.exact');
      // The scan reads back that many symbols from a form's end: it must be its state's depth.
      if (forms.length[f] !== deep || src.length[f] !== deep) fail('forms.length');
    }
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
  const states = isNumbers(img.symbols) ? img.symbols.length : 0;
  const ok =
    inRange(img.width ?? NaN, FIRST_SYMBOL, 65535) &&
    isNumbers(img.letters) && img.letters.length % 2 === 0 &&
    states >= 1 &&
    isNumbers(img.firstChild) && img.firstChild.length === states &&
    isNumbers(img.nextSibling) && img.nextSibling.length === states &&
    isNumbers(img.heads) && img.heads.length === states &&
    typeof forms === 'object' && forms !== null &&
    [forms.entry, forms.next, forms.flags, forms.length, forms.exactChars, forms.exact].every(
      (list) => Array.isArray(list) && list.length === forms.entry.length,
    );
  if (!ok) throw new ImageError('compiled glossary: damaged');
  return img as MatcherImage;
}
