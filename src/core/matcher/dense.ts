import { SEP, SKIP } from './chars';
import type { Trie } from './trie';
import { collectAt, type Outputs } from './verify';
import type { Match } from './types';

/**
 * The trie turned into a complete DFA: one row of `width` transitions per state, failure links
 * folded in, so the scan does one table read per character. A transition holds the target's
 * row offset, bitwise-negated when forms end in the target (or on its suffix chain).
 */
export interface DenseAutomaton extends Outputs {
  table: Int32Array;
  width: number;
}

export function buildDense(trie: Trie, classOf: Uint16Array, width: number): DenseAutomaton {
  const states = trie.size;
  const table = new Int32Array(states * width);
  const fail = new Int32Array(states);
  const report = new Int32Array(states).fill(-1);
  const dict = new Int32Array(states).fill(-1);
  const queue = new Int32Array(states);
  const { firstChild, nextSibling, symbol, formHead } = trie;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const state = queue[head]!;
    const row = state * width;
    const failRow = fail[state]! * width;
    // A loop beats copyWithin here: rows are short and there are many of them.
    if (state !== 0) for (let k = 0; k < width; k++) table[row + k] = table[failRow + k]!;
    for (let child = firstChild[state]!; child !== -1; child = nextSibling[child]!) {
      const along = symbol[child]!;
      let target = 0;
      if (state !== 0) {
        const through = table[failRow + along]!;
        target = (through < 0 ? ~through : through) / width;
      }
      fail[child] = target;
      dict[child] = report[target]!;
      report[child] = formHead[child] !== -1 ? child : dict[child]!;
      table[row + along] = report[child] === -1 ? child * width : ~(child * width);
      queue[tail++] = child;
    }
    // In the text a separator run reads as one separator, and invisible characters as nothing.
    if (symbol[state] === SEP && state !== 0) table[row + SEP] = row;
    table[row + SKIP] = row;
  }
  return { table, width, report, dict, heads: formHead.slice(0, states), forms: trie.forms, classOf };
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
