import { SEP, SKIP } from './chars';
import type { ImageView } from './image';
import type { Match } from './types';
import { collectAt, type Outputs } from './verify';

/**
 * States built between two looks at the clock: a few dozen microseconds at first, while the
 * code is still interpreted, so the slice that loads the glossary ends near its deadline.
 */
const STATES_PER_CHECK = 64;

/** The DFA of a compiled glossary: one table read per character of text. */
export interface DenseAutomaton extends Outputs {
  /** The rows built so far, one after another in the order they were built. */
  table: Int32Array;
  width: number;
}

/**
 * The DFA of a compiled glossary: one row of `width` transitions per state, failure links
 * folded in, so the scan does one table read per character. A transition holds the offset of
 * the target's row; it holds the target state bitwise-negated instead when forms end in the
 * target or on its suffix chain, or when the target's row is not built yet. The scan leaves its
 * fast path on a negative entry: it builds the missing row, reports the forms, and stores the
 * transition plain when the target reports nothing, so the next pass along it stays on the
 * fast path.
 *
 * A row starts as a copy of its failure state's row (`copyWithin` does that natively, which
 * matters because this runs once per page, while the code is still cold), then gets its
 * children. Rows are built as the text first reaches a state (and first its failure states),
 * or all of them ahead in steps that a page spreads over its slices (`build`, in the order the
 * states were made: each after its parent, so its failure state is known).
 * A page reaches a small part of a large automaton (about one state in seventeen of a
 * 5,000-term glossary's on the median corpus page).
 *
 * Rows are laid out in the order they are built, in a table that grows as needed, rather than
 * at their state's place in a table for all states: the rows a page builds then lie together.
 * Scattered over a table of 6 MB (33,000 states of 47 symbols), touching 3,000 rows took ten
 * times as long, most of it the system's first touch of each page of memory.
 */
export class Table {
  readonly automaton: DenseAutomaton;
  private readonly fail: Int32Array;
  /** Where each state's row is, as a row number (offset / width); -1 until it is built. */
  private readonly rowOf: Int32Array;
  /** The state of each row built, by row number. */
  private stateOf: Int32Array;
  private rows = 0;
  /** The next state the whole build looks at. */
  private next = 1;

  /**
   * `open` checks a state's children before its row is built (see `ImageReader.open`); a view
   * checked whole needs none. `rowsFirst`: room for that many rows before the table first grows.
   */
  constructor(
    private readonly view: ImageView,
    private readonly open: (state: number) => void = () => {},
    rowsFirst = view.symbols.length,
  ) {
    const states = view.symbols.length;
    const room = rowsFirst >= 1 ? Math.min(states, Math.floor(rowsFirst)) : 1;
    this.fail = new Int32Array(states);
    this.rowOf = new Int32Array(states).fill(-1);
    this.stateOf = new Int32Array(room);
    this.automaton = {
      table: new Int32Array(room * view.width),
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
  build(deadline = Infinity, upTo = this.rowOf.length): boolean {
    const rowOf = this.rowOf;
    const last = Math.min(upTo, rowOf.length);
    let state = this.next;
    while (state < last) {
      for (const stop = Math.min(last, state + STATES_PER_CHECK); state < stop; state++) {
        if (rowOf[state]! < 0) this.reach(state);
      }
      if (deadline !== Infinity && performance.now() >= deadline) break;
    }
    this.next = state;
    return state >= last;
  }

  scan(text: string, from: number, to: number): Match[] {
    const automaton = this.automaton;
    const { classOf, width, report } = automaton;
    const rowOf = this.rowOf;
    let table = automaton.table;
    const found: Match[] = [];
    let row = 0;
    for (let i = from; i < to; i++) {
      const at = row + classOf[text.charCodeAt(i)]!;
      row = table[at]!;
      if (row >= 0) continue;
      const state = ~row;
      if (rowOf[state]! < 0) {
        this.reach(state);
        // Building rows may have grown the table: the offsets stay, the array is new.
        table = automaton.table;
      }
      row = rowOf[state]! * width;
      if (report[state] === -1) table[at] = row;
      else collectAt(automaton, text, state, i + 1, found);
    }
    return found;
  }

  /** Builds the row of a state the text has reached, and before it those it copies from. */
  private reach(state: number): void {
    const { fail, rowOf } = this;
    // Mostly the failure state is built already. Else its chain, at most as long as the state
    // is deep, is built from the shallow end.
    if (rowOf[fail[state]!]! >= 0) return this.row(state);
    const pending: number[] = [];
    for (let s = state; rowOf[s]! < 0; s = fail[s]!) pending.push(s);
    for (let k = pending.length - 1; k >= 0; k--) this.row(pending[k]!);
  }

  /** A row number for `state`'s row, growing the table when it is full. */
  private place(state: number): number {
    const { automaton } = this;
    const { width } = automaton;
    if (this.rows === this.stateOf.length) {
      // Doubling, but straight to room for every state once that is near: the old and the new
      // table are held together for a moment, at most one and a half times the whole table.
      const states = this.rowOf.length;
      const room = this.rows * 4 > states ? states : this.rows * 2;
      const table = new Int32Array(room * width);
      table.set(automaton.table);
      automaton.table = table;
      const stateOf = new Int32Array(room);
      stateOf.set(this.stateOf);
      this.stateOf = stateOf;
    }
    const at = this.rows++;
    this.stateOf[at] = state;
    this.rowOf[state] = at;
    return at;
  }

  /**
   * Builds the row of `state`, whose failure state's row is built: the state's parent row was
   * (that is how its failure state became known), and so were those of its failure chain.
   */
  private row(state: number): void {
    this.open(state);
    // Placed first: a table that grows is a new array.
    const row = this.place(state) * this.automaton.width;
    const { fail, rowOf, stateOf } = this;
    const { symbols, firstChild, nextSibling } = this.view;
    const { table, width, report, dict, heads } = this.automaton;
    const failRow = rowOf[fail[state]!]! * width;
    if (state !== 0) table.copyWithin(row, failRow, failRow + width);
    for (let child = firstChild[state]!; child !== -1; child = nextSibling[child]!) {
      const along = symbols[child]!;
      let target = 0;
      if (state !== 0) {
        const through = table[failRow + along]!;
        target = through < 0 ? ~through : stateOf[through / width]!;
      }
      fail[child] = target;
      dict[child] = report[target]!;
      report[child] = heads[child] !== -1 ? child : dict[child]!;
      table[row + along] = ~child;
    }
    // In the text a separator run reads as one separator, and invisible characters as nothing.
    if (symbols[state] === SEP && state !== 0) table[row + SEP] = row;
    table[row + SKIP] = row;
  }
}
