import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEngine, textNodesOf, type Started } from '../fixtures/engine/test-pack';

/*
 * happy-dom has no CSS Custom Highlight API, so the engine paints with <termlight-mark>
 * wrappers here: these tests hold the fallback to "fully undone, nothing left behind".
 */

let started: Started | null = null;
afterEach(() => {
  started?.controller.abort();
  started = null;
  vi.restoreAllMocks();
});

const PAGE = [
  '<h1>RLHF and LLM and pre-training</h1>',
  '<p>A foundation <em>model</em> (LLM) is <b>large</b>; LLMs are foundation models.</p>',
  '<p>Start: RLHF<br>End: LLM</p>',
  '<ul><li>RLHF</li><li>x <i>RLHF</i> y</li></ul>',
].join('');

const marks = () => [...document.querySelectorAll('termlight-mark')];

describe('fallback painting', () => {
  it('wraps every painted term, a split term in one wrapper per piece', async () => {
    started = await startEngine(PAGE);
    expect(started.texts()).toEqual([
      'RLHF', 'LLM', 'pre-training', 'foundation model', 'LLM', 'LLMs', 'foundation models',
      'RLHF', 'LLM', 'RLHF', 'RLHF',
    ]);
    // "foundation model" across <em> takes two wrappers: "foundation " and "model".
    expect(marks().map((m) => m.textContent)).toContain('model');
    expect(marks()).toHaveLength(12);
    expect(marks().every((m) => m.getAttribute('data-look') === 'termlight-dotted-blue-light')).toBe(true);
  });

  it("restores the exact markup and the page's own text nodes on teardown", async () => {
    document.body.innerHTML = PAGE;
    const before = document.body.innerHTML;
    const nodes = textNodesOf(document.body);
    started = await startEngine(null);
    expect(marks().length).toBeGreaterThan(0);
    started.controller.abort();
    expect(document.body.innerHTML).toBe(before);
    const after = textNodesOf(document.body);
    expect(after).toHaveLength(nodes.length);
    expect(after.every((n, i) => n === nodes[i])).toBe(true);
  });

  it('keeps the identity of the page text nodes it split', async () => {
    started = await startEngine('<p id="p">We use RLHF and LLM here.</p>');
    const p = document.getElementById('p') as HTMLElement;
    const original = p.firstChild;
    expect(p.childNodes.length).toBeGreaterThan(1);
    started.controller.abort();
    expect(p.childNodes).toHaveLength(1);
    expect(p.firstChild).toBe(original);
    expect(p.textContent).toBe('We use RLHF and LLM here.');
  });

  it('changes the look live without reading the page again', async () => {
    started = await startEngine('<p>RLHF and LLM</p>');
    const before = started.engine.occurrences();
    const runs = started.engine.stats().blocks;
    started.engine.update({ appearance: { style: 'tint', color: 'rose' } });
    expect(marks().map((m) => m.getAttribute('data-look'))).toEqual([
      'termlight-tint-rose-light',
      'termlight-tint-rose-light',
    ]);
    expect(started.engine.occurrences()).toEqual(before);
    expect(started.engine.stats().blocks).toBe(runs);
    started.engine.update({ appearance: { style: 'none', color: 'rose' } });
    expect(marks().map((m) => m.hasAttribute('data-look'))).toEqual([false, false]);
    expect(started.engine.occurrences()).toHaveLength(2);
  });

  it('marks the current term and unmarks it', async () => {
    started = await startEngine('<p>RLHF and LLM</p>');
    const [first, second] = started.engine.occurrences();
    started.engine.setCurrent(second ?? null);
    expect(marks().map((m) => m.getAttribute('data-current'))).toEqual([null, 'termlight-current-blue-light']);
    started.engine.setCurrent(first ?? null);
    expect(marks().map((m) => m.getAttribute('data-current'))).toEqual(['termlight-current-blue-light', null]);
    started.engine.setCurrent(null);
    expect(marks().some((m) => m.hasAttribute('data-current'))).toBe(false);
  });

  it('gives ranges and text of each occurrence', async () => {
    started = await startEngine('<p>A foundation <em>model</em>.</p>');
    const [occ] = started.engine.occurrences();
    expect(occ?.range().toString()).toBe('foundation model');
    expect(started.engine.stats()).toMatchObject({ matches: 1, painted: 1 });
  });
});
