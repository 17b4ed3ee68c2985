import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTermEngine, type EngineTuning, type TermEngine } from '../../src/content/engine';
import type { TermOccurrence } from '../../src/content/engine/occurrence';
import { compileImage, loadMatcher, type Matcher } from '../../src/core/matcher';
import type { GlossaryPack } from '../../src/core/glossary/types';
import { baseOptions, testMatcher, testPack } from '../fixtures/engine/test-pack';

/*
 * One block holding a very long run of inline text (a page's list of thousands of linked
 * names, all in one paragraph) must not be read, scanned or painted in one go: the engine
 * yields to the page in the middle of it, and still marks exactly what one pass finds.
 * `scheduler.yield` stands in for the browser's, so the test sees where each slice ends; a
 * small Highlight registry stands in for the browser's.
 */

let slice = 0;
/** At each slice's end: ranges registered so far. */
const paintedAtYield: number[] = [];
const registry = new Map<string, Set<AbstractRange>>();
let controller: AbortController | null = null;

type Globals = { Highlight?: unknown; CSS?: unknown; scheduler?: unknown };
const saved: Globals = {};

const painted = () => [...registry.values()].reduce((n, set) => n + set.size, 0);

beforeEach(() => {
  const g = globalThis as Globals;
  Object.assign(saved, { Highlight: g.Highlight, CSS: g.CSS, scheduler: g.scheduler });
  registry.clear();
  paintedAtYield.length = 0;
  slice = 0;
  g.Highlight = class extends Set<AbstractRange> {
    priority = 0;
  };
  g.CSS = { highlights: registry };
  g.scheduler = {
    yield: () => {
      paintedAtYield.push(painted());
      slice++;
      return Promise.resolve();
    },
  };
});

afterEach(() => {
  controller?.abort();
  controller = null;
  Object.assign(globalThis as Globals, saved);
});

/** The test matcher, noting in which slice each piece of text was scanned, and how much. */
function recording(): { matcher: Matcher; scans: Array<{ slice: number; chars: number }> } {
  const scans: Array<{ slice: number; chars: number }> = [];
  const matcher: Matcher = {
    entries: testMatcher.entries,
    stats: testMatcher.stats,
    scan(text, from = 0, to = text.length) {
      scans.push({ slice, chars: to - from });
      return testMatcher.scan(text, from, to);
    },
    prepare: (deadline) => testMatcher.prepare(deadline),
  };
  return { matcher, scans };
}

/**
 * A paragraph of `n` linked names, every few a term, some split over inline elements and one
 * that a longer term overlaps ("Gemini" in "Google Gemini"), as one run of text. Terms are
 * sparse: the test DOM makes ranges slowly.
 */
function longRun(n: number): string {
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 31 === 3) items.push('a foundation <em>model</em>');
    else if (i % 37 === 5) items.push('<b>RLHF</b>');
    else if (i % 41 === 8) items.push('Google <i>Gemini</i> and Gemini');
    else if (i % 43 === 2) items.push('pre-<span>training</span>');
    else items.push(`<a href="#u${i}">reader${i} of the archive</a>`);
  }
  return `<p id="run">${items.join(', ')} as well as many guests.</p>`;
}

async function start(html: string, matcher: Matcher, tuning: EngineTuning): Promise<TermEngine> {
  document.body.innerHTML = html;
  controller = new AbortController();
  const engine = createTermEngine(document, matcher, baseOptions, controller.signal, tuning);
  await engine.ready;
  return engine;
}

/** The marks as offsets into the paragraph's text, in page order. */
function marks(engine: TermEngine): string[] {
  const text = (document.getElementById('run') as HTMLElement).textContent ?? '';
  const all = engine.occurrences() as TermOccurrence[];
  // The first and the last mark cover the very text the offsets say (a range's text is slow here).
  for (const o of [all[0], all.at(-1)]) if (o) expect(o.text).toBe(text.slice(o.match.start, o.match.end));
  return all.map((o) => `${o.match.start}-${o.match.end}:${text.slice(o.match.start, o.match.end)}`);
}

/** What one pass of the matcher over the paragraph's whole text finds. */
function onePass(): string[] {
  const text = (document.getElementById('run') as HTMLElement).textContent ?? '';
  return testMatcher.scan(text).map((m) => `${m.start}-${m.end}:${text.slice(m.start, m.end)}`);
}

describe('a block with one very long run of text', () => {
  it('is read and scanned over several slices and marks exactly what one pass finds', async () => {
    const { matcher, scans } = recording();
    const engine = await start(longRun(2000), matcher, { sliceMs: 0, painter: 'highlight' });
    const expected = onePass();
    expect(expected.length).toBeGreaterThan(150);
    expect(marks(engine)).toEqual(expected);
    // The run's text was scanned a piece at a time, in many different slices.
    const text = (document.getElementById('run') as HTMLElement).textContent ?? '';
    expect(Math.max(...scans.map((s) => s.chars))).toBeLessThan(text.length / 4);
    expect(new Set(scans.map((s) => s.slice)).size).toBeGreaterThan(4);
  }, 30_000);

  it('is painted a part at a time, across slices', async () => {
    const engine = await start(longRun(2000), testMatcher, { sliceMs: 0, painter: 'highlight' });
    const total = engine.occurrences().length;
    expect(painted()).toBe(total);
    const steps = paintedAtYield.map((n, i) => n - (paintedAtYield[i - 1] ?? 0)).filter((n) => n > 0);
    expect(steps.length).toBeGreaterThan(4);
    expect(Math.max(...steps)).toBeLessThan(total / 4);
  }, 30_000);

  it('marks the same with wrappers, which paint a block whole', async () => {
    const engine = await start(longRun(1000), testMatcher, { sliceMs: 0, painter: 'fallback' });
    expect(marks(engine)).toEqual(onePass());
    expect(onePass().length).toBeGreaterThan(80);
  }, 30_000);

  it('marks the same when read in one go as in slices', async () => {
    const sliced = marks(await start(longRun(1500), testMatcher, { sliceMs: 0, painter: 'highlight' }));
    controller?.abort();
    registry.clear();
    const whole = marks(await start(longRun(1500), testMatcher, { sliceMs: Infinity, painter: 'highlight' }));
    expect(sliced).toEqual(whole);
    expect(whole).toEqual(onePass());
  }, 30_000);
});

describe('a large glossary loaded from storage', () => {
  /** The test terms and 3,000 more, loaded from their stored image as a page loads them. */
  function large(): { matcher: Matcher; events: string[]; states: number } {
    const filler: GlossaryPack = {
      id: 'filler',
      name: 'Filler',
      version: '1.0.0',
      language: 'en',
      entries: Array.from({ length: 3000 }, (_, i) => ({
        id: `f${i}`,
        term: `zq${i.toString(36)}word${(i * 7919).toString(36)}`,
        definition: 'Filler.',
        category: 'concept' as const,
      })),
    };
    const packs = [testPack, filler];
    const image = compileImage(packs);
    const loaded = loadMatcher(JSON.parse(JSON.stringify(image)), packs);
    const events: string[] = [];
    const matcher: Matcher = {
      entries: loaded.entries,
      // Asking for the figures finishes checking the image: noted, like every other step.
      get stats() {
        events.push(`stats@${slice}`);
        return loaded.stats;
      },
      scan(text, from, to) {
        // Told apart: a scan of nothing but white space needs no table.
        events.push(`${/[^\s\u0000]/.test(text.slice(from, to)) ? 'scan' : 'blank'}@${slice}`);
        return loaded.scan(text, from, to);
      },
      prepare(deadline) {
        const done = loaded.prepare(deadline);
        events.push(`${done ? 'ready' : 'building'}@${slice}`);
        return done;
      },
    };
    return { matcher, events, states: image.symbols.length };
  }

  it('gets its table ready before reading any text, then marks what one pass finds', async () => {
    const { matcher, events, states } = large();
    expect(states).toBeGreaterThan(30_000);
    const engine = await start(longRun(300), matcher, { sliceMs: 0, painter: 'highlight' });
    const building = events.filter((e) => e.startsWith('building'));
    const firstScan = events.findIndex((e) => e.startsWith('scan'));
    // No text was scanned before it was ready. (The rows built ahead are a few dozen: the rest
    // are built, and checked, as the text reaches them.)
    const ready = events.findIndex((e) => e.startsWith('ready'));
    expect(ready).toBe(building.length);
    expect(firstScan).toBeGreaterThan(ready);
    // The figures were not asked for before the matcher was ready (that would check it all at once).
    expect(events.findIndex((e) => e.startsWith('stats'))).toBeGreaterThan(ready);
    expect(marks(engine)).toEqual(onePass());
    expect(onePass().length).toBeGreaterThan(20);
  }, 30_000);

  it('is not made ready in a frame with nothing to read, until text comes', async () => {
    const { matcher, events } = large();
    const empty = '<script>var label = "a foundation model";</script>\n  <div>  </div><img alt=""><noscript>RLHF</noscript>';
    const engine = await start(empty, matcher, { sliceMs: 0, painter: 'highlight', debounceMs: 1, minIntervalMs: 1 });
    // Only white space was read: nothing was made ready or asked for, and no text was scanned.
    expect(events.filter((e) => !e.startsWith('blank'))).toEqual([]);
    expect(engine.occurrences()).toEqual([]);

    document.body.insertAdjacentHTML('beforeend', '<p>RLHF shaped the foundation model.</p>');
    await vi.waitFor(() => expect(engine.occurrences().map((o) => (o as TermOccurrence).text)).toEqual(['RLHF', 'foundation model']), { timeout: 10_000 });
    // Made ready as in a page that had text from the start, before the text was read.
    const firstScan = events.findIndex((e) => e.startsWith('scan'));
    expect(events.findIndex((e) => e.startsWith('ready'))).toBeGreaterThanOrEqual(0);
    expect(events.findIndex((e) => e.startsWith('ready'))).toBeLessThan(firstScan);
  }, 30_000);
});
