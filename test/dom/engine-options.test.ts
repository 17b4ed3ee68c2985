import { afterEach, describe, expect, it } from 'vitest';
import { createTermEngine } from '../../src/content/engine';
import type { TermOccurrence } from '../../src/content/engine/occurrence';
import { baseOptions, settle, startEngine, testMatcher, until, type Started } from '../fixtures/engine/test-pack';

let started: Started | null = null;
afterEach(() => {
  started?.controller.abort();
  started = null;
});

describe('context gate', () => {
  it('holds gated terms back until the page has enough unambiguous terms', async () => {
    started = await startEngine('<p>alignment of the token</p>');
    expect(started.texts()).toEqual([]);
    started.controller.abort();
    started = await startEngine('<p>alignment of the token</p><p>RLHF</p>');
    expect(started.texts()).toEqual(['RLHF']);
    started.controller.abort();
    started = await startEngine('<p>alignment of the token</p><p>RLHF and LLM</p>');
    expect(started.texts()).toEqual(['alignment', 'token', 'RLHF', 'LLM']);
  });

  it('does not take terms in links as telling what the page is about, though it marks them', async () => {
    // A page on something else, with a link to an AI story in a sidebar, and a link card.
    const sidebar = '<aside><p>Most read: <a href="/x">RLHF and LLM news</a></p><a href="/y"><h3>Why RLHF matters</h3></a></aside>';
    started = await startEngine(`<p>alignment of the token</p>${sidebar}`);
    expect(started.texts()).toEqual(['RLHF', 'LLM', 'RLHF']);
    started.controller.abort();
    // The same terms in the page's own text: it is about AI.
    started = await startEngine(`<p>alignment of the token</p><p>RLHF and LLM</p>${sidebar}`);
    expect(started.texts()).toEqual(['alignment', 'token', 'RLHF', 'LLM', 'RLHF', 'LLM', 'RLHF']);
  });

  it('weighs a part the page moves into a link, or out of one, in its new place', async () => {
    started = await startEngine('<p>alignment of the token</p><div id="card"><h3 id="title">RLHF and LLM</h3></div>');
    expect(started.texts()).toEqual(['alignment', 'token', 'RLHF', 'LLM']);
    // A script makes the card's title a link, as "whole card clickable" scripts do.
    const title = document.getElementById('title')!;
    const link = document.createElement('a');
    link.href = '/story';
    title.before(link);
    link.append(title);
    await until(() => started!.texts().length === 2);
    expect(started.texts()).toEqual(['RLHF', 'LLM']);
    // And back out of it.
    link.before(title);
    link.remove();
    await until(() => started!.texts().length === 4);
    expect(started.texts()).toEqual(['alignment', 'token', 'RLHF', 'LLM']);
  });

  it('does not count a component inside a link, its shadow text included', async () => {
    document.body.innerHTML = '<p>alignment of the token</p><a href="/story"><x-card></x-card></a>';
    document.querySelector('x-card')!.attachShadow({ mode: 'open' }).innerHTML = '<p>RLHF and LLM</p>';
    started = await startEngine(null);
    expect(started.texts()).toEqual(['RLHF', 'LLM']);
  });

  it('weighs a component the page moves into a link, and a link that gains an href', async () => {
    document.body.innerHTML = '<p>alignment of the token</p><div id="box"><x-card></x-card></div><h3><a id="named">Why RLHF and LLM matter</a></h3>';
    document.querySelector('x-card')!.attachShadow({ mode: 'open' }).innerHTML = '<p>RLHF and LLM</p>';
    started = await startEngine(null);
    expect(started.texts()).toEqual(['alignment', 'token', 'RLHF', 'LLM', 'RLHF', 'LLM']);
    // The component goes into a link: the page's own text still names RLHF and LLM (the heading).
    const link = document.createElement('a');
    link.href = '/card';
    document.getElementById('box')!.append(link);
    link.append(document.querySelector('x-card')!);
    // The heading's anchor becomes a link: nothing of the page's own text is about AI now.
    document.getElementById('named')!.setAttribute('href', '/why');
    await until(() => started!.texts().length === 4);
    expect(started.texts()).toEqual(['RLHF', 'LLM', 'RLHF', 'LLM']);
  });

  it('leaves the marks alone when the page reorders a list without moving it into a link', async () => {
    const items = Array.from({ length: 60 }, (_, i) => `<li>item ${i} about RLHF</li>`).join('');
    started = await startEngine(`<p>alignment and LLM</p><ul id="list">${items}</ul>`);
    const before = [...document.querySelectorAll('termlight-mark')];
    expect(before.length).toBeGreaterThan(60);
    const list = document.getElementById('list')!;
    for (const li of [...list.children].reverse()) list.append(li);
    await settle(200);
    expect(before.every((mark) => mark.isConnected)).toBe(true);
    expect(started.texts()).toHaveLength(before.length);
  });

  it('counts a named anchor (no href) as the page\'s own text', async () => {
    started = await startEngine('<p>alignment of the token</p><h2><a name="s2">RLHF and LLM</a></h2>');
    expect(started.texts()).toEqual(['alignment', 'token', 'RLHF', 'LLM']);
  });

  it('follows the threshold setting, 0 meaning no gate', async () => {
    started = await startEngine('<p>alignment</p><p>RLHF and LLM</p>', { contextThreshold: 3 });
    expect(started.texts()).toEqual(['RLHF', 'LLM']);
    started.engine.update({ contextThreshold: 0 });
    expect(started.texts()).toEqual(['alignment', 'RLHF', 'LLM']);
  });

  it('opens for gated terms read before the page proved to be about AI', async () => {
    const filler = '<p>plain words here</p>'.repeat(300);
    started = await startEngine(`<p>alignment</p>${filler}<p>RLHF</p>${filler}<p>LLM</p>`, {}, { sliceMs: 0 });
    expect(started.engine.stats().slices).toBeGreaterThan(1);
    expect(started.texts()).toEqual(['alignment', 'RLHF', 'LLM']);
  });

  it('shows a gated form once its entry is found unambiguously further down, and hides it when that goes', async () => {
    const filler = '<p>plain words here</p>'.repeat(300);
    started = await startEngine(`<p>Gemini</p>${filler}<p id="full">Google Gemini</p>`, { contextThreshold: 5 }, { sliceMs: 0 });
    expect(started.engine.stats().slices).toBeGreaterThan(1);
    expect(started.texts()).toEqual(['Gemini', 'Google Gemini']);
    document.getElementById('full')?.remove();
    await until(() => started?.texts().length === 0).catch(() => undefined);
    expect(started.texts()).toEqual([]);
  });

  it('closes again when the page loses its AI terms', async () => {
    started = await startEngine('<p>alignment</p><div id="ai"><p>RLHF and LLM</p></div>');
    expect(started.texts()).toContain('alignment');
    document.getElementById('ai')?.remove();
    await until(() => started?.texts().length === 0).catch(() => undefined);
    expect(started.texts()).toEqual([]);
  });
});

describe('first occurrence only', () => {
  it('keeps the first of each term in page order, and switches live', async () => {
    started = await startEngine('<main><p>RLHF one</p><p>LLM and RLHF two</p><p>LLM</p></main>', { occurrences: 'first' });
    expect(started.texts()).toEqual(['RLHF', 'LLM']);
    const firstRlhf = started.engine.occurrences()[0];
    started.engine.update({ occurrences: 'all' });
    expect(started.texts()).toEqual(['RLHF', 'LLM', 'RLHF', 'LLM']);
    // Painted terms that stay painted stay the same objects (the card holds on to them).
    expect(started.engine.occurrences()[0]).toBe(firstRlhf);
    started.engine.update({ occurrences: 'first' });
    expect(started.texts()).toEqual(['RLHF', 'LLM']);
  });

  it('moves the mark when an earlier one is added above', async () => {
    started = await startEngine('<main><p id="old">RLHF old</p></main>', { occurrences: 'first' });
    document.querySelector('main')?.insertAdjacentHTML('afterbegin', '<p id="new">RLHF new</p>');
    const inNew = () => started?.engine.occurrences()[0]?.range().startContainer.parentElement?.closest('p')?.id === 'new';
    await until(inNew).catch(() => undefined);
    const [only, ...rest] = started.engine.occurrences();
    expect(rest).toEqual([]);
    expect(only?.range().startContainer.parentElement?.closest('p')?.id).toBe('new');
  });
});

describe('code setting', () => {
  it('reads code again when the setting changes', async () => {
    started = await startEngine('<p>RLHF</p><pre>LLM</pre>');
    expect(started.texts()).toEqual(['RLHF']);
    started.engine.update({ skipCode: false });
    await until(() => started?.texts().length === 2).catch(() => undefined);
    expect(started.texts()).toEqual(['RLHF', 'LLM']);
  });
});

describe('slicing', () => {
  const page = Array.from({ length: 300 }, (_, i) => `<p>Paragraph ${i}: a foundation model, then RLHF.</p>`).join('');

  it('reads a long page in slices and paints all of it, in page order', async () => {
    started = await startEngine(page, {}, { sliceMs: 0 });
    const stats = started.engine.stats();
    expect(stats.slices).toBeGreaterThan(1);
    expect(stats.painted).toBe(600);
    expect(stats.blocks).toBe(300);
    // Start nodes, not ranges: happy-dom keeps every Range ever made alive and slows to a crawl.
    const starts = started.engine.occurrences().map((o) => (o as TermOccurrence).start.node);
    const inOrder = starts.every((n, i) => i === 0 || !!((starts[i - 1] as Node).compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING));
    expect(inOrder).toBe(true);
  });

  it('never cuts a term in two where a slice ends', async () => {
    const split = Array.from({ length: 150 }, (_, i) => `<p>${i}: <em>foun</em>dation <b><i>model</i></b></p>`).join('');
    started = await startEngine(split, {}, { sliceMs: 0 });
    expect(started.engine.stats().slices).toBeGreaterThan(3);
    expect(started.engine.stats().painted).toBe(150);
  });

  it('reads everything before returning with an unlimited slice', () => {
    document.body.innerHTML = page;
    const controller = new AbortController();
    const engine = createTermEngine(document, testMatcher, baseOptions, controller.signal, { sliceMs: Infinity });
    expect(engine.stats()).toMatchObject({ painted: 600, slices: 1 });
    controller.abort();
  });
});
