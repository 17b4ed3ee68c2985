import type { Match } from '../../core/matcher';
import type { TermOccurrence } from './occurrence';

/**
 * A run of text that reads as one piece: the text nodes between two block boundaries, joined.
 * Only runs holding at least one term are kept as blocks; the others are read and dropped.
 */
export interface Block {
  /** The container element, shadow root or document element whose own text this run is. */
  owner: Node;
  nodes: Text[];
  /** Offset of each node's first character in the run's text (the nodes' texts joined). */
  starts: number[];
  /** All terms found in the run, in order, whether painted or not. */
  matches: BlockMatch[];
  /** Set when the block is dropped (its container changed or left the page). */
  dead?: boolean;
  /** Whether its container sits inside a link (a link card); worked out when first asked. */
  ownerInLink?: boolean;
}

export interface BlockMatch extends Match {
  /** Set while the match is painted; the same object for as long as it stays painted. */
  occurrence: TermOccurrence | null;
  /** Whether, ungated, it tells what the page is about (not in a link); worked out once. */
  countsForGate?: boolean;
}

export interface DomPoint {
  node: Text;
  offset: number;
}

/**
 * The DOM position of a text offset. An end offset (`atEnd`) that falls between two nodes
 * stays in the earlier one, so a range never starts or ends in a neighbour it does not touch.
 */
export function locate(block: Block, offset: number, atEnd: boolean): DomPoint {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid] ?? 0;
    if (s < offset || (!atEnd && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo] as Text;
  return { node, offset: offset - (starts[lo] ?? 0) };
}

/** Index of the last match starting at or before `offset`, or -1. */
export function matchAtOrBefore(matches: readonly BlockMatch[], offset: number): number {
  let lo = 0;
  let hi = matches.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((matches[mid]?.start ?? 0) <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
