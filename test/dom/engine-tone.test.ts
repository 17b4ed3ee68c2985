import { afterEach, describe, expect, it } from 'vitest';
import { startEngine, type Started } from '../fixtures/engine/test-pack';

/*
 * Which shade of the mark colour a page gets: the darker one on light backgrounds, the lighter
 * one on dark ones. The DOM used here has no Highlight API, so the marks are the fallback's
 * elements, named after their look.
 */

let started: Started | null = null;
afterEach(() => {
  started?.controller.abort();
  started = null;
  document.body.removeAttribute('style');
});

const looks = () => [...new Set([...document.querySelectorAll('termlight-mark')].map((m) => m.getAttribute('data-look')))];
const ARTICLE = `<article><p>${'A large language model is tuned with RLHF after pre-training. '.repeat(6)}</p></article>`;

describe('the shade of the marks', () => {
  it('follows the background behind the page’s main text, not a dark menu bar above it', async () => {
    started = await startEngine(`<header style="background-color: rgb(17, 17, 17)"><p>LLM · RLHF</p></header>${ARTICLE}`);
    expect(looks()).toEqual(['termlight-dotted-blue-light']);
  });

  it.each(['all', 'first'] as const)('is the light one on a dark wrapper, though the page paints no background (%s occurrences)', async (occurrences) => {
    started = await startEngine(`<div style="background-color: rgb(18, 18, 18)"><p>LLM</p>${ARTICLE}</div>`, { occurrences });
    expect(looks()).toEqual(['termlight-dotted-blue-dark']);
  });

  it('is the dark one for a white article on a dark page, whatever the header above it', async () => {
    // Neither the body's colour nor the first block's (the header, on the dark body) is the
    // article's.
    document.body.setAttribute('style', 'background-color: rgb(17, 17, 17)');
    const article = ARTICLE.replace('<article>', '<article style="background-color: rgb(255, 255, 255)">');
    started = await startEngine(`<header><p>LLM · RLHF</p></header>${article}`);
    expect(looks()).toEqual(['termlight-dotted-blue-light']);
  });
});
