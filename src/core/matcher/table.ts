import { SEP, SKIP } from './chars';
import type { DenseAutomaton } from './dense';
import type { ImageView } from './image';

/**
 * The complete DFA of a compiled glossary: one row of `width` transitions per state, failure
 * links folded in, so the scan does one table read per character. A transition holds the
 * target's row offset, bitwise-negated when forms end in the target or on its suffix chain.
 *
 * States come in breadth-first order, so one pass in order finds each state's failure state
 * (shallower, so earlier) with its row complete. A row starts as a copy of its failure state's
 * row; `copyWithin` does that natively, which matters because this runs once per page, while
 * the code is still cold.
 */
export function buildTable(view: ImageView): DenseAutomaton {
  const { symbols, children, heads, width } = view;
  const states = symbols.length;
  const table = new Int32Array(states * width);
  const fail = new Int32Array(states);
  const report = new Int32Array(states).fill(-1);
  const dict = new Int32Array(states).fill(-1);
  let first = 1;
  for (let state = 0; state < states; state++) {
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
  return { table, width, report, dict, heads, forms: view.forms, classOf: view.classOf };
}
