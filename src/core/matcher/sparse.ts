import { NONE, SEP, SKIP } from './chars';
import type { Trie } from './trie';
import { collectAt, type Outputs } from './verify';
import type { Match } from './types';

/**
 * Classic Aho–Corasick over the trie (failure links, no table): several times slower than the
 * dense DFA but small, for glossaries whose table would not fit the memory budget.
 */
export interface SparseAutomaton extends Outputs {
  trie: Trie;
  fail: Int32Array;
}

/** The state after reading `along` in `state`, following failure links. */
function next(trie: Trie, fail: Int32Array, state: number, along: number): number {
  for (;;) {
    const child = trie.childOf(state, along);
    if (child !== -1) return child;
    if (state === 0) return 0;
    state = fail[state]!;
  }
}

export function buildSparse(trie: Trie, classOf: Uint16Array): SparseAutomaton {
  const states = trie.size;
  const fail = new Int32Array(states);
  const report = new Int32Array(states).fill(-1);
  const dict = new Int32Array(states).fill(-1);
  const queue = new Int32Array(states);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const state = queue[head]!;
    for (let child = trie.firstChild[state]!; child !== -1; child = trie.nextSibling[child]!) {
      const target = state === 0 ? 0 : next(trie, fail, fail[state]!, trie.symbol[child]!);
      fail[child] = target;
      dict[child] = report[target]!;
      report[child] = trie.formHead[child] !== -1 ? child : dict[child]!;
      queue[tail++] = child;
    }
  }
  return { fail, report, dict, trie, heads: trie.formHead, forms: trie.forms, classOf };
}

export function scanSparse(automaton: SparseAutomaton, text: string, from: number, to: number): Match[] {
  const { trie, fail, classOf, report } = automaton;
  const found: Match[] = [];
  let state = 0;
  let afterSep = false;
  for (let i = from; i < to; i++) {
    const along = classOf[text.charCodeAt(i)]!;
    if (along === SKIP) continue;
    if (along === SEP) {
      if (afterSep) continue;
      afterSep = true;
    } else afterSep = false;
    state = along === NONE ? 0 : next(trie, fail, state, along);
    if (report[state] !== -1) collectAt(automaton, text, state, i + 1, found);
  }
  return found;
}
