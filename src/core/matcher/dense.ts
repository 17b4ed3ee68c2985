import { collectAt, type Outputs } from './verify';
import type { Match } from './types';

/** The complete DFA that `TableBuilder` makes: one table read per character of text. */
export interface DenseAutomaton extends Outputs {
  table: Int32Array;
  width: number;
}

export function scanDense(automaton: DenseAutomaton, text: string, from: number, to: number): Match[] {
  const { table, classOf, width } = automaton;
  const found: Match[] = [];
  let row = 0;
  for (let i = from; i < to; i++) {
    row = table[row + classOf[text.charCodeAt(i)]!]!;
    if (row < 0) {
      row = ~row;
      collectAt(automaton, text, row / width, i + 1, found);
    }
  }
  return found;
}
