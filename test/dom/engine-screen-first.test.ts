import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTermEngine, type TermEngine } from '../../src/content/engine';
import type { TermOccurrence } from '../../src/content/engine/occurrence';
import { baseOptions, testMatcher } from '../fixtures/engine/test-pack';

/*
 * A page that takes more than one slice to read: what is on screen is found by sampling points,
 * before anything is painted (after new paint the browser re-checks every highlight before it
 * can hit-test a point, tens of milliseconds on a huge page), and painted before the rest.
 * A small Highlight registry stands in for the browser's, recording the order ranges arrive in.
 */

const registry = new Map<string, Set<AbstractRange>>();
const arrived: AbstractRange[] = [];

class TestHighlight extends Set<AbstractRange> {
  priority = 0;
  override add(range: AbstractRange): this {
    arrived?.push(range);
    return super.add(range);
  }
}

type Globals = { Highlight?: unknown; CSS?: unknown };
const saved: Globals = {};
let controller: AbortController | null = null;

beforeEach(() => {
  const g = globalThis as Globals;
  Object.assign(saved, { Highlight: g.Highlight, CSS: g.CSS });
  registry.clear();
  arrived.length = 0;
  g.Highlight = TestHighlight;
  g.CSS = { highlights: registry };
  // A frame has been drawn already.
  window.requestAnimationFrame = (cb: FrameRequestCallback) => (cb(0), 1);
});

afterEach(() => {
  vi.restoreAllMocks();
  controller?.abort();
  controller = null;
  Object.assign(globalThis as Globals, saved);
  delete (document as { elementFromPoint?: unknown }).elementFromPoint;
});

function start(): TermEngine {
  controller = new AbortController();
  return createTermEngine(document, testMatcher, baseOptions, controller.signal, { sliceMs: 0, painter: 'highlight' });
}

const longPage = (n: number) => Array.from({ length: n }, (_, i) => `<p id="p${i}">RLHF and LLM ${i}</p>`).join('');

/** Makes `id` the element every sample point lands on; returns how many ranges were painted at each sample. */
function onScreen(id: string): number[] {
  const el = document.getElementById(id) as Element;
  const paintedAtSample: number[] = [];
  (document as { elementFromPoint?: unknown }).elementFromPoint = () => (paintedAtSample.push(arrived.length), el);
  return paintedAtSample;
}

/** Where each element's first and last range came in the order ranges were painted. */
function paintOrder(engine: TermEngine) {
  const at = (id: string) => rangesOf(engine, id).map((r) => arrived.indexOf(r));
  return { first: (id: string) => Math.min(...at(id)), last: (id: string) => Math.max(...at(id)) };
}

/** A box of one line, 500 px wide, at `left`, `top`. */
const lineBox = (left: number, top: number) => ({ left, right: left + 500, top, bottom: top + 20, width: 500, height: 20 }) as DOMRect;

/** Gives elements boxes, read through the prototype as the engine reads them; others have none. */
function withBoxes(boxOf: (el: Element) => DOMRect | undefined): void {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return boxOf(this) ?? new DOMRect();
  });
}

const rangesOf = (engine: TermEngine, id: string) =>
  (engine.occurrences() as TermOccurrence[]).filter((o) => o.block.owner === document.getElementById(id)).map((o) => o.paint as AbstractRange);

describe('a page read in several slices', () => {
  it('samples the screen before it paints anything', async () => {
    document.body.innerHTML = longPage(400);
    const samples = onScreen('p300');
    const engine = start();
    await engine.ready;
    expect(samples.length).toBeGreaterThan(1);
    expect(samples.every((n) => n === 0)).toBe(true);
    expect(engine.occurrences()).toHaveLength(800);
  });

  it('paints the terms on screen first, before the top of the page it read earlier', async () => {
    document.body.innerHTML = longPage(400);
    onScreen('p300');
    const engine = start();
    await engine.ready;
    const { first, last } = paintOrder(engine);
    expect(last('p300')).toBeLessThan(first('p0'));
    expect(last('p300')).toBeLessThan(first('p299'));
  });

  it('paints the neighbours on screen of a block a sample hit first too, not those off to the side', async () => {
    document.body.innerHTML = longPage(400);
    onScreen('p300');
    // Below the block hit: one off to the right (a carousel's next slide), then one on screen.
    const boxes: Record<string, DOMRect> = { p300: lineBox(0, 20), p301: lineBox(innerWidth + 100, 40), p302: lineBox(0, 60) };
    withBoxes((el) => boxes[el.id]);
    const engine = start();
    await engine.ready;
    const { first, last } = paintOrder(engine);
    expect(last('p302')).toBeLessThan(first('p0'));
    expect(first('p301')).toBeGreaterThan(first('p0'));
  });

  it('paints the comments on screen around one a sample hit, each block alone in its comment', async () => {
    document.body.innerHTML = Array.from({ length: 400 }, (_, i) => `<div class="comment"><p id="p${i}">RLHF and LLM ${i}</p></div>`).join('');
    onScreen('p300');
    const comment = (i: number) => document.getElementById(`p${i}`)!.parentElement!;
    const boxes = new Map<Element, DOMRect>([[comment(300), lineBox(0, 20)], [comment(301), lineBox(0, 40)]]);
    withBoxes((el) => boxes.get(el));
    const engine = start();
    await engine.ready;
    const { first, last } = paintOrder(engine);
    expect(last('p301')).toBeLessThan(first('p0'));
  });
});
