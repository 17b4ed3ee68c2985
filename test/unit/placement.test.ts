import { describe, expect, it } from 'vitest';
import { placeCard } from '../../src/core/placement';
import type { Placement, PlacementInput, Rect } from '../../src/core/placement';

const viewport = { width: 1000, height: 800 };
const card = { width: 300, height: 150 };

function term(left: number, top: number, width = 80, height = 20): Rect {
  return { left, top, width, height };
}

/** The card as it will be drawn, with the returned limits applied. */
function drawn(input: PlacementInput, p: Placement): Rect {
  return {
    left: p.left,
    top: p.top,
    width: p.maxWidth ?? input.card.width,
    height: p.maxHeight ?? input.card.height,
  };
}

function intersects(a: Rect, b: Rect): boolean {
  return (
    a.left < b.left + b.width &&
    b.left < a.left + a.width &&
    a.top < b.top + b.height &&
    b.top < a.top + a.height
  );
}

/** What a reader relies on every time: the card is on screen and the term stays readable. */
function expectReadable(input: PlacementInput, p: Placement, margin = 8): Rect {
  const c = drawn(input, p);
  expect(c.left).toBeGreaterThanOrEqual(margin);
  expect(c.top).toBeGreaterThanOrEqual(margin);
  expect(c.left + c.width).toBeLessThanOrEqual(input.viewport.width - margin);
  expect(c.top + c.height).toBeLessThanOrEqual(input.viewport.height - margin);
  for (const r of input.termRects) expect(intersects(c, r), JSON.stringify({ c, r })).toBe(false);
  return c;
}

describe('placeCard on a one-line term', () => {
  it('hangs the card under the term, aligned with its start, a gap away', () => {
    const input = { termRects: [term(200, 300)], card, viewport };
    const p = placeCard(input);
    expect(p).toEqual({ left: 200, top: 326, placement: 'below', anchor: term(200, 300) });
  });

  it('honours a custom gap and margin', () => {
    const input = { termRects: [term(0, 300)], card, viewport, gap: 2, margin: 20 };
    const p = placeCard(input);
    expect(p.top).toBe(322);
    expect(p.left).toBe(20);
  });

  it('flips above near the bottom edge', () => {
    const input = { termRects: [term(200, 700)], card, viewport };
    const p = placeCard(input);
    expect(p.placement).toBe('above');
    expect(p.top + card.height).toBe(694);
    expect(p.maxHeight).toBeUndefined();
    expectReadable(input, p);
  });

  it('stays below near the top edge', () => {
    const input = { termRects: [term(200, 0)], card, viewport };
    const p = placeCard(input);
    expect(p.placement).toBe('below');
    expect(p.top).toBe(26);
  });

  it('shifts left near the right edge and right near the left edge', () => {
    const right = { termRects: [term(950, 300, 45)], card, viewport };
    expect(placeCard(right).left).toBe(1000 - 8 - 300);
    const left = { termRects: [term(2, 300)], card, viewport };
    expect(placeCard(left).left).toBe(8);
  });

  it.each([
    ['top left', 0, 0, 'below'],
    ['top right', 940, 0, 'below'],
    ['bottom left', 0, 780, 'above'],
    ['bottom right', 940, 780, 'above'],
  ] as const)('keeps the card on screen in the %s corner', (_, left, top, side) => {
    const input = { termRects: [term(left, top, 60)], card, viewport };
    const p = placeCard(input);
    expect(p.placement).toBe(side);
    expectReadable(input, p);
  });

  it('takes the roomier side and scrolls when neither side fits', () => {
    const tall = { width: 300, height: 500 };
    const short = { ...viewport, height: 600 };
    const input = { termRects: [term(200, 350)], card: tall, viewport: short };
    const p = placeCard(input);
    // Room above: 350 - 6 - 8 = 336 px; below: 600 - 8 - 376 = 216 px. Above wins.
    expect(p.placement).toBe('above');
    expect(p.maxHeight).toBe(350 - 6 - 8);
    expect(p.top).toBe(8);
    expectReadable(input, p);
  });

  it('ignores the empty rects browsers add at line ends', () => {
    const input = { termRects: [term(200, 300), term(900, 300, 0, 20)], card, viewport };
    expect(placeCard(input).anchor).toEqual(term(200, 300));
  });
});

describe('placeCard on a term wrapped over two lines', () => {
  // A long term: its first words end line one at the right, the rest fills most of line two.
  const first = term(880, 400, 100);
  const second = term(20, 420, 700);
  const wrapped = { termRects: [first, second], card, viewport };

  it('without a pointer, goes below the last line', () => {
    const p = placeCard(wrapped);
    expect(p.anchor).toEqual(second);
    expect(p.top).toBe(446);
    expectReadable(wrapped, p);
  });

  it('with the pointer on the first line, aligns with it and still clears the second', () => {
    const p = placeCard({ ...wrapped, pointer: { x: 900, y: 410 } });
    expect(p.anchor).toEqual(first);
    expect(p.left).toBe(1000 - 8 - 300);
    expect(p.top).toBe(446);
  });

  it('sits right under the first line when the second line is not in the way', () => {
    const narrow = { ...wrapped, card: { width: 100, height: 150 } };
    const p = placeCard({ ...narrow, pointer: { x: 900, y: 410 } });
    expect(p).toMatchObject({ left: 880, top: 426, placement: 'below' });
    expectReadable(narrow, p);
  });

  it('with the pointer on the second line, aligns with it', () => {
    const p = placeCard({ ...wrapped, pointer: { x: 30, y: 430 } });
    expect(p.anchor).toEqual(second);
    expect(p.left).toBe(20);
    expect(p.placement).toBe('below');
  });

  it('picks the nearest line when the pointer is between them', () => {
    const p = placeCard({ ...wrapped, pointer: { x: 40, y: 445 } });
    expect(p.anchor).toEqual(second);
  });

  it('above, clears the first line even when the pointer is on the second', () => {
    const low = { termRects: [term(800, 740, 100), term(20, 760, 300)], card, viewport };
    const p = placeCard({ ...low, pointer: { x: 100, y: 770 } });
    expect(p.placement).toBe('above');
    expect(p.anchor).toEqual(low.termRects[1]);
    expect(p.top + card.height).toBe(760 - 6);
    expectReadable(low, p);

    const wide = { ...low, card: { width: 850, height: 150 } };
    const q = placeCard({ ...wide, pointer: { x: 100, y: 770 } });
    expect(q.top + 150).toBe(740 - 6);
    expectReadable(wide, q);
  });
});

describe('placeCard in cramped frames', () => {
  it('limits width and height when the card is larger than the viewport', () => {
    const input = { termRects: [term(100, 200)], card: { width: 1400, height: 1200 }, viewport };
    const p = placeCard(input);
    expect(p.maxWidth).toBe(1000 - 16);
    expect(p.left).toBe(8);
    expect(p.placement).toBe('below');
    expect(p.maxHeight).toBe(800 - 8 - 226);
    expectReadable(input, p);
  });

  it('keeps some card in a tiny frame by shrinking the margin', () => {
    const tiny = { width: 160, height: 90 };
    const input = { termRects: [term(40, 10, 60, 16)], card, viewport: tiny };
    const p = placeCard(input);
    expect(p.placement).toBe('below');
    expect(p.maxWidth).toBe(160 - 16);
    // 90 / 8 rounds down to an 11 px margin at most; 8 px is smaller, so it holds.
    expect(p.maxHeight).toBe(90 - 8 - 32);
    expectReadable(input, p);

    const smaller = { termRects: [term(4, 4, 30, 10)], card, viewport: { width: 40, height: 40 } };
    const q = placeCard(smaller);
    expect(q.maxWidth).toBe(40 - 10);
    expect(q.maxHeight).toBe(40 - 5 - 20);
    expectReadable(smaller, q, 5);
  });

  it('gives no room at all when the term fills the frame, instead of covering it', () => {
    const input = { termRects: [term(0, 0, 300, 40)], card, viewport: { width: 300, height: 40 } };
    const p = placeCard(input);
    expect(p.maxHeight).toBe(0);
  });
});

describe('placeCard with the term partly or wholly off screen', () => {
  it('goes above a term cut off by the bottom edge', () => {
    const input = { termRects: [term(200, 790)], card, viewport };
    const p = placeCard(input);
    expect(p.placement).toBe('above');
    expectReadable(input, p);
  });

  it('goes below a term cut off by the top edge, inside the margin', () => {
    const input = { termRects: [term(200, -15)], card, viewport };
    const p = placeCard(input);
    expect(p.placement).toBe('below');
    expect(p.top).toBe(11);
    expectReadable(input, p);
  });

  it('stays on screen for a term hanging off the left or right edge', () => {
    const left = { termRects: [term(-50, 300)], card, viewport };
    expect(placeCard(left).left).toBe(8);
    const right = { termRects: [term(990, 300)], card, viewport };
    expect(placeCard(right).left).toBe(692);
  });

  it('shows the card at the nearest edge for a term wholly outside the frame', () => {
    const under = { termRects: [term(200, 1200)], card, viewport };
    expect(placeCard(under).top).toBe(800 - 8 - 150);
    const over = { termRects: [term(200, -400)], card, viewport };
    expect(placeCard(over).top).toBe(8);
  });
});

describe('placeCard anywhere on the page', () => {
  it('never covers the term and never leaves the viewport', () => {
    const sizes = [card, { width: 420, height: 380 }, { width: 200, height: 700 }];
    for (const size of sizes) {
      for (let top = 0; top <= 780; top += 30) {
        for (let left = 0; left <= 960; left += 80) {
          const single = { termRects: [term(left, top, 40)], card: size, viewport };
          expectReadable(single, placeCard(single));
          if (top > 760) continue;
          const wrapped = {
            termRects: [term(left, top, 1000 - left), term(0, top + 20, left + 40)],
            card: size,
            viewport,
          };
          expectReadable(wrapped, placeCard(wrapped));
          expectReadable(wrapped, placeCard({ ...wrapped, pointer: { x: left + 5, y: top + 5 } }));
        }
      }
    }
  });
});
