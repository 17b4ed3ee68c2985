import { SEP, SKIP } from './chars';
import type { DenseAutomaton } from './dense';
import type { ImageView } from './image';

/**
 * States built between two looks at the clock: a few dozen microseconds at first, while the
 * code is still interpreted, so the slice that loads the glossary ends near its deadline.
 */
const STATES_PER_CHECK = 64;

/**
 * The complete DFA of a compiled glossary, built in steps: one row of `width` transitions per
 * state, failure links folded in, so the scan does one table read per character. A transition
 * holds the target's row offset, bitwise-negated when forms end in the target or on its suffix
 * chain.
 *
 * States come in breadth-first order, so one pass in order finds each state's failure state
 * (shallower, so earlier) with its row complete; the pass can stop after any state and go on
 * later. A row starts as a copy of its failure state's row; `copyWithin` does that natively,
 * which matters because this runs once per page, while the code is still cold. A page with a
 * large glossary builds it over several slices rather than in one long task.
 */
export class TableBuilder {
  readonly automaton: DenseAutomaton;
  private readonly fail: Int32Array;
  /** The next state to build, and where its children start. */
  private state = 0;
  private first = 1;

  constructor(private readonly view: ImageView) {
    const states = view.symbols.length;
    this.fail = new Int32Array(states);
    this.automaton = {
      table: new Int32Array(states * view.width),
      width: view.width,
      report: new Int32Array(states).fill(-1),
      dict: new Int32Array(states).fill(-1),
      heads: view.heads,
      forms: view.forms,
      classOf: view.classOf,
    };
  }

  get done(): boolean {
    return this.state === this.view.symbols.length;
  }

  /** Builds rows until `performance.now()` passes `deadline` (at least a few); true once all are built. */
  build(deadline = Infinity): boolean {
    const { symbols, children } = this.view;
    const { table, width, report, dict, heads } = this.automaton;
    const fail = this.fail;
    const states = symbols.length;
    let { state, first } = this;
    while (state < states) {
      const stop = Math.min(states, state + STATES_PER_CHECK);
      for (; state < stop; state++) {
        const row = state * width;
        const failRow = fail[state]! * width;
        if (state !== 0) table.copyWithin(row, failRow, failRow + width);
        const end = first + children[state]!;
        for (let child = first; child < end; child++) {
          const along = symbols[child]!;
          let target = 0;
          if (state !== 0) {
            const through = table[failRow + along]!;
            target = (through < 0 ? ~through : through) / width;
          }
          fail[child] = target;
          dict[child] = report[target]!;
          report[child] = heads[child] !== -1 ? child : dict[child]!;
          table[row + along] = report[child] === -1 ? child * width : ~(child * width);
        }
        first = end;
        // In the text a separator run reads as one separator, and invisible characters as nothing.
        if (symbols[state] === SEP && state !== 0) table[row + SEP] = row;
        table[row + SKIP] = row;
      }
      if (deadline !== Infinity && performance.now() >= deadline) break;
    }
    this.state = state;
    this.first = first;
    return state === states;
  }
}
