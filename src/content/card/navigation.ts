import type { Rect } from '../../core/placement';

export interface NavigableTerm {
  rects(): readonly Rect[];
}

/**
 * Which term keyboard navigation goes to, in page order, wrapping at either end. From the
 * current term (`from`) it is simply the next or previous one; with none current yet, it starts
 * where the reader is looking: the first term not above the viewport, or for "previous" the last
 * one not below it. Terms with no box on screen (inside a closed `<details>`, `display: none`)
 * are skipped. Null when no term can be shown.
 */
export function nextTermIndex<T extends NavigableTerm>(
  terms: readonly T[],
  from: number,
  direction: 1 | -1,
  viewportHeight: number,
  /** Whether a reader could see the term once scrolled to; terms it refuses are passed by. */
  seeable: (term: T) => boolean = () => true,
): number | null {
  const n = terms.length;
  if (n === 0) return null;
  if (from >= 0 && from < n) {
    for (let k = 1; k <= n; k++) {
      const i = (((from + direction * k) % n) + n) % n;
      if (box(terms[i]!) && seeable(terms[i]!)) return i;
    }
    return null;
  }
  // The cheap test first: whether a term could be seen is asked only of those in reach, and of
  // the others only if none in reach can be.
  const skipped: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = direction === 1 ? k : n - 1 - k;
    const b = box(terms[i]!);
    if (!b) continue;
    const inReach = direction === 1 ? b.top + b.height > 0 : b.top < viewportHeight;
    if (!inReach) skipped.push(i);
    else if (seeable(terms[i]!)) return i;
  }
  return skipped.find((i) => seeable(terms[i]!)) ?? null;
}

function box(term: NavigableTerm): Rect | null {
  return term.rects().find((r) => r.width > 0 && r.height > 0) ?? null;
}
