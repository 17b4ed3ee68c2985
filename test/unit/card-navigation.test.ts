import { describe, expect, it } from 'vitest';
import { nextTermIndex, type NavigableTerm } from '../../src/content/card/navigation';

/** A term on one line at `top` (client coordinates), or a hidden one with no box. */
const at = (top: number | null): NavigableTerm => ({
  rects: () => (top === null ? [] : [{ left: 10, top, width: 40, height: 18 }]),
});

describe('keyboard navigation through the terms of a page', () => {
  const terms = [at(-500), at(-10), at(100), at(700), at(1500)];

  it('steps to the next and previous term in page order', () => {
    expect(nextTermIndex(terms, 2, 1, 800)).toBe(3);
    expect(nextTermIndex(terms, 2, -1, 800)).toBe(1);
  });

  it('wraps around at both ends', () => {
    expect(nextTermIndex(terms, 4, 1, 800)).toBe(0);
    expect(nextTermIndex(terms, 0, -1, 800)).toBe(4);
  });

  it('starts from what is on screen when no term is current', () => {
    // The first term not entirely above the viewport (the one at -10 still shows its bottom edge).
    expect(nextTermIndex(terms, -1, 1, 800)).toBe(1);
    // The last term not below the viewport.
    expect(nextTermIndex(terms, -1, -1, 800)).toBe(3);
  });

  it('starts at the ends when every term is off screen in the other direction', () => {
    expect(nextTermIndex([at(-900), at(-600)], -1, 1, 800)).toBe(0);
    expect(nextTermIndex([at(900), at(1600)], -1, -1, 800)).toBe(1);
  });

  it('skips terms that are not rendered', () => {
    const list = [at(100), at(null), at(300)];
    expect(nextTermIndex(list, 0, 1, 800)).toBe(2);
    expect(nextTermIndex(list, 2, -1, 800)).toBe(0);
    expect(nextTermIndex([at(null), at(null)], -1, 1, 800)).toBeNull();
  });

  it('passes by terms a reader could not see once scrolled to', () => {
    const list = [at(100), at(200), at(300)];
    const hidden = new Set([list[1]]);
    const seeable = (t: NavigableTerm) => !hidden.has(t);
    expect(nextTermIndex(list, 0, 1, 800, seeable)).toBe(2);
    expect(nextTermIndex(list, 2, -1, 800, seeable)).toBe(0);
    // From what is on screen, too.
    expect(nextTermIndex([list[1]!, list[2]!], -1, 1, 800, seeable)).toBe(1);
    expect(nextTermIndex([list[1]!], -1, 1, 800, seeable)).toBeNull();
  });

  it('has nowhere to go on a page without terms', () => {
    expect(nextTermIndex([], -1, 1, 800)).toBeNull();
  });
});
