import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settle, startEngine, until, type Started } from '../fixtures/engine/test-pack';

let started: Started | null = null;
let errors: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  errors = vi.spyOn(console, 'error');
});

afterEach(() => {
  started?.controller.abort();
  started = null;
  expect(errors).not.toHaveBeenCalled();
  errors.mockRestore();
});

const $ = (selector: string) => document.querySelector(selector) as HTMLElement;

/** The painted terms become `expected` (soon: the engine waits a little before rescanning). */
async function eventually(expected: string[]): Promise<void> {
  await until(() => JSON.stringify(started?.texts()) === JSON.stringify(expected)).catch(() => undefined);
  expect(started?.texts()).toEqual(expected);
}

describe('keeping up with the page', () => {
  it('paints text added after the first pass', async () => {
    started = await startEngine('<main><p>RLHF</p></main>');
    const p = document.createElement('p');
    p.innerHTML = 'Then a <em>foundation</em> model arrived.';
    $('main').append(p);
    await eventually(['RLHF', 'foundation model']);
  });

  it('follows edits of existing text, both ways', async () => {
    started = await startEngine('<p id="a">plain words</p><p>RLHF</p>');
    const text = $('#a').firstChild as Text;
    text.data = 'now with LLM';
    await eventually(['LLM', 'RLHF']);
    text.data = 'plain again';
    await eventually(['RLHF']);
  });

  it('drops terms of removed content and reads what replaces it (single-page navigation)', async () => {
    started = await startEngine('<div id="app"><section><p>RLHF</p><p>LLM</p></section></div>');
    $('#app').innerHTML = '<article><h1>pre-training</h1><p>A foundation model.</p></article>';
    await eventually(['pre-training', 'foundation model']);
  });

  it('reads a subtree when it is unhidden and forgets it when hidden', async () => {
    started = await startEngine('<p>RLHF</p><div id="panel" hidden><p>LLM</p></div>');
    expect(started.texts()).toEqual(['RLHF']);
    $('#panel').hidden = false;
    await eventually(['RLHF', 'LLM']);
    $('#panel').setAttribute('aria-hidden', 'true');
    await eventually(['RLHF']);
  });

  it('never paints in an editable region, even as the user types there', async () => {
    started = await startEngine('<div id="ed" contenteditable="true"><p>draft</p></div><p>RLHF</p>');
    ($('#ed p').firstChild as Text).data = 'draft about LLM and RLHF';
    $('#ed').append(document.createElement('p'));
    // Nothing is to happen: give the engine time to (not) react, then look.
    await settle();
    expect(started.texts()).toEqual(['RLHF']);
    expect($('#ed').querySelector('termlight-mark')).toBeNull();
  });

  it('ignores the card host coming and going', async () => {
    started = await startEngine('<p>RLHF</p>');
    const runs = started.engine.stats().blocks;
    const host = document.createElement('termlight-host');
    host.setAttribute('data-termlight-host', '');
    host.textContent = 'LLM in the card';
    document.documentElement.append(host);
    await settle();
    host.remove();
    await settle();
    expect(started.texts()).toEqual(['RLHF']);
    expect(started.engine.stats().blocks).toBe(runs);
  });

  it('restores the page as the page left it, after page edits next to its wrappers', async () => {
    started = await startEngine('<p id="a">We use RLHF daily.</p>');
    $('#a').append(' Also LLM.');
    await eventually(['RLHF', 'LLM']);
    started.controller.abort();
    expect(document.body.innerHTML).toBe('<p id="a">We use RLHF daily. Also LLM.</p>');
  });

  it('calls onChange when the marked terms change', async () => {
    started = await startEngine('<main><p>RLHF</p></main>');
    const listener = vi.fn();
    started.engine.onChange(listener);
    $('main').insertAdjacentHTML('beforeend', '<p>LLM</p>');
    await until(() => listener.mock.calls.length > 0);
    expect(started.engine.occurrences().map((o) => o.text)).toEqual(['RLHF', 'LLM']);
  });
});

describe('a document edited as a whole (designMode)', () => {
  const setDesignMode = (value: string) => Object.defineProperty(document, 'designMode', { value, configurable: true });
  afterEach(() => {
    delete (document as { designMode?: string }).designMode;
  });

  it('stays unmarked while it is, whatever changes, and is read whole once it is not', async () => {
    started = await startEngine('<p id="a">RLHF</p><p>LLM</p>');
    setDesignMode('on');
    $('#a').append(' and pre-training');
    await eventually([]);
    // A setting that has every page read again leaves it unmarked too.
    started.engine.update({ skipCode: false });
    await settle();
    expect(started.texts()).toEqual([]);
    setDesignMode('off');
    $('#a').append('.');
    await eventually(['RLHF', 'pre-training', 'LLM']);
  });
});

describe('shadow roots that come after the first read', () => {
  /** Defines `tag` as an element that draws `html` in its own open shadow root once on the page. */
  const defineLate = (tag: string, html: string) =>
    customElements.define(tag, class extends HTMLElement {
      connectedCallback() {
        if (!this.shadowRoot) this.attachShadow({ mode: 'open' }).innerHTML = html;
      }
    });

  it('reads the shadow root of a custom element defined later (a lazily loaded bundle), with no page change to tell', async () => {
    started = await startEngine('<p>RLHF</p><late-card-a></late-card-a>', {}, { shadowChecksMs: [30] });
    expect(started.texts()).toEqual(['RLHF']);
    defineLate('late-card-a', '<p>A foundation model, then pre-training.</p>');
    await eventually(['RLHF', 'foundation model', 'pre-training']);
    // From then on the shadow root is watched like the page.
    const p = document.querySelector('late-card-a')!.shadowRoot!.querySelector('p')!;
    p.textContent = 'Only an LLM now.';
    await eventually(['RLHF', 'LLM']);
  });

  it('looks again at such elements whenever the page changes', async () => {
    started = await startEngine('<main><p>RLHF</p></main><late-card-b></late-card-b>', {}, { shadowChecksMs: [] });
    defineLate('late-card-b', '<p>pre-training</p>');
    await settle();
    expect(started.texts()).toEqual(['RLHF']);
    $('main').insertAdjacentHTML('beforeend', '<p>LLM</p>');
    await eventually(['RLHF', 'LLM', 'pre-training']);
  });

  it('lets go of the shadow roots of components the page removed, re-rendered or not', async () => {
    started = await startEngine('<main id="app"><p>RLHF</p></main>');
    const app = $('#app');
    for (let round = 0; round < 5; round++) {
      app.replaceChildren();
      for (let i = 0; i < 10; i++) {
        const host = document.createElement('div');
        host.attachShadow({ mode: 'open' }).innerHTML = `<p>item ${round}-${i}: a foundation model</p>`;
        app.append(host);
      }
      await settle(30);
    }
    await eventually(Array.from({ length: 10 }, () => 'foundation model'));
    // Every hit test passes the roots it knows to the browser's caret lookup.
    let passed: ShadowRoot[] = [];
    const caret = (_x: number, _y: number, options?: { shadowRoots?: ShadowRoot[] }) => ((passed = options?.shadowRoots ?? []), null);
    Object.assign(document, { caretPositionFromPoint: caret });
    try {
      started.engine.hitTest(5, 5);
    } finally {
      delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
    }
    expect(passed).toHaveLength(10);
    expect(passed.every((root) => root.isConnected)).toBe(true);
  });
});

describe('a page that never stops changing', () => {
  it('is rescanned at most once per interval, however often it changes', async () => {
    started = await startEngine('<p id="clock">0</p><p>RLHF</p>', {}, { debounceMs: 10, minIntervalMs: 50 });
    const before = started.engine.stats().blocks;
    const text = $('#clock').firstChild as Text;
    let ticks = 0;
    const began = performance.now();
    const timer = setInterval(() => (text.data = `tick ${++ticks} LLM`), 2);
    await settle(400);
    clearInterval(timer);
    await until(() => started?.texts().join() === 'LLM,RLHF');
    const watchedMs = performance.now() - began;
    const rescans = started.engine.stats().blocks - before;
    expect(ticks).toBeGreaterThan(0);
    expect(rescans).toBeGreaterThan(0);
    // One rescan per 50 ms of the time really watched at most (however late the timers ran),
    // and the last one after the changes stopped.
    expect(rescans).toBeLessThanOrEqual(Math.ceil(watchedMs / 50) + 2);
  });
});

describe('teardown', () => {
  it('leaves no observer, timer or listener behind', async () => {
    started = await startEngine('<main><p>RLHF</p></main>');
    const listener = vi.fn();
    started.engine.onChange(listener);
    started.controller.abort();
    $('main').insertAdjacentHTML('beforeend', '<p>LLM</p>');
    await settle();
    expect(listener).not.toHaveBeenCalled();
    expect(document.querySelector('termlight-mark')).toBeNull();
    expect(started.engine.occurrences()).toEqual([]);
    expect(started.engine.hitTest(1, 1)).toBeNull();
  });
});
