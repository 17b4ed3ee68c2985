import { SEP, SKIP } from './chars';
import type { ImageView } from './image';
import type { Match } from './types';
import { collectAt, type Outputs } from './verify';

/**
 * States built between two looks at the clock: a few dozen microseconds at first, while the
 * code is still interpreted, so the slice that loads the glossary ends near its deadline.
 */
const STATES_PER_CHECK = 64;

/** The complete DFA of a compiled glossary: one table read per character of text. */
export interface DenseAutomaton extends Outputs {
  table: Int32Array;
  width: number;
}

/**
 * The DFA of a compiled glossary: one row of `width` transitions per state, failure links
 * folded in, so the scan does one table read per character. A transition holds the target's
 * row offset; it is stored bitwise-negated when forms end in the target or on its suffix chain,
 * or when the target's row is not built yet. The scan leaves its fast path on a negative entry:
 * it builds the missing row, reports the forms, and stores the transition plain when the target
 * reports nothing, so the next pass along it stays on the fast path.
 *
 * A row starts as a copy of its failure state's row (`copyWithin` does that natively, which
 * matters because this runs once per page, while the code is still cold), then gets its
 * children. Rows are built in one of two ways:
 * - whole, in breadth-first order (each state's failure state is shallower, so earlier), in steps
 *   that a page spreads over its slices (`build`);
 * - as the text first reaches a state (and first its failure states). A page visits a small part
 *   of a large automaton (about one state in seventeen of a 5,000-term glossary's on the median
 *   corpus page), so for a large glossary this saves building tens of thousands of rows. The
 *   shallowest states, which most text passes through, are still built ahead in steps, so that
 *   the first pieces of text scanned do not build hundreds of rows each.
 */
export class Table {
  readonly automaton: DenseAutomaton;
  private readonly fail: Int32Array;
  private readonly built: Uint8Array;
  /** The next state the whole build looks at. */
  private next = 1;

  /**
   * `open` checks a state's children before its row is built (see `ImageReader.open`); a view
   * checked whole needs none.
   */
  constructor(
    private readonly view: ImageView,
    private readonly open: (state: number) => void = () => {},
  ) {
    const states = view.symbols.length;
    this.fail = new Int32Array(states);
    this.built = new Uint8Array(states);
    this.automaton = {
      table: new Int32Array(states * view.width),
      width: view.width,
      report: new Int32Array(states).fill(-1),
      dict: new Int32Array(states).fill(-1),
      heads: view.heads,
      forms: view.forms,
      classOf: view.classOf,
    };
    this.row(0);
  }

  /**
   * Builds the rows not built yet, in order, up to state `upTo` (all by default), until
   * `performance.now()` passes `deadline` (at least a few); true once they all are.
   */
  build(deadline = Infinity, upTo = this.built.length): boolean {
    const built = this.built;
    const last = Math.min(upTo, built.length);
    let state = this.next;
    while (state < last) {
      for (const stop = Math.min(last, state + STATES_PER_CHECK); state < stop; state++) {
        if (!built[state]) this.reach(state);
      }
      if (deadline !== Infinity && performance.now() >= deadline) break;
    }
    this.next = state;
    return state >= last;
  }

  scan(text: string, from: number, to: number): Match[] {
    const { table, classOf, width, report } = this.automaton;
    const built = this.built;
    const found: Match[] = [];
    let row = 0;
    for (let i = from; i < to; i++) {
      const at = row + classOf[text.charCodeAt(i)]!;
      row = table[at]!;
      if (row >= 0) continue;
      row = ~row;
      const state = row / width;
      if (!built[state]) this.reach(state);
      if (report[state] === -1) table[at] = row;
      else collectAt(this.automaton, text, state, i + 1, found);
    }
    return found;
  }

  /** Builds the row of a state the text has reached, and before it those it copies from. */
  private reach(state: number): void {
    const { fail, built } = this;
    // Mostly the failure state is built already. Else its chain, at most as long as the state
    // is deep, is built from the shallow end.
    if (built[fail[state]!]) return this.row(state);
    const pending: number[] = [];
    for (let s = state; !built[s]; s = fail[s]!) pending.push(s);
    for (let k = pending.length - 1; k >= 0; k--) this.row(pending[k]!);
  }

  /**
   * Builds the row of `state`, whose failure state's row is built: the state's parent row was
   * (that is how its failure state became known), and so were those of its failure chain.
   */
  private row(state: number): void {
    const { fail, built } = this;
    this.open(state);
    const { symbols, childStart } = this.view;
    const { table, width, report, dict, heads } = this.automaton;
    const row = state * width;
    const failRow = fail[state]! * width;
    if (state !== 0) table.copyWithin(row, failRow, failRow + width);
    for (let child = childStart[state]!, end = childStart[state + 1]!; child < end; child++) {
      const along = symbols[child]!;
      let target = 0;
      if (state !== 0) {
        const through = table[failRow + along]!;
        target = (through < 0 ? ~through : through) / width;
      }
      fail[child] = target;
      dict[child] = report[target]!;
      report[child] = heads[child] !== -1 ? child : dict[child]!;
      table[row + along] = ~(child * width);
    }
    // In the text a separator run reads as one separator, and invisible characters as nothing.
    if (symbols[state] === SEP && state !== 0) table[row + SEP] = row;
    table[row + SKIP] = row;
    built[state] = 1;
  }
}
