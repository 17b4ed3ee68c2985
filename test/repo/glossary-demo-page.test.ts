import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { foldSurfaceForm, surfaceForms } from '../../src/core/glossary/surface-form';
import type { GlossaryPack } from '../../src/core/glossary/types';

const demoDir = new URL('../fixtures/demo/', import.meta.url);
const html = readFileSync(new URL('foundation-models.html', demoDir), 'utf8');
const article = readFileSync(new URL('foundation-models-article.txt', demoDir), 'utf8');
const pack = JSON.parse(
  readFileSync(new URL('../../glossary/foundation-models.json', import.meta.url), 'utf8'),
) as GlossaryPack;

const window = new Window();
const page = new window.DOMParser().parseFromString(html, 'text/html');
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const allForms = pack.entries.flatMap((entry) => surfaceForms(entry).map((form) => foldSurfaceForm(form.text)));
const holdsTerm = (text: string | null | undefined) => {
  const folded = ` ${foldSurfaceForm(text ?? '').replace(/[^\p{L}\p{N} ]+/gu, ' ')} `;
  return allForms.some((form) => folded.includes(` ${form} `));
};

describe('the demo page', () => {
  it('is titled after the article', () => {
    expect(page.title).toBe('What is a foundation model?');
    expect(squash(page.querySelector('h1')?.textContent)).toBe('What is a foundation model?');
  });

  it('carries the article text unchanged, in order, with real em dashes', () => {
    const shown = squash(page.querySelector('article')?.textContent);
    let from = 0;
    for (const line of article.split('\n').filter(Boolean)) {
      const text = squash(line.replace(/^- /, ''));
      const at = shown.indexOf(text, from);
      expect(at, text).toBeGreaterThanOrEqual(from);
      from = at + text.length;
    }
    expect(shown.match(/\u2014/g)).toHaveLength(9);
    expect(html).not.toMatch(/[\u0E00-\u0E7F]/);
  });

  it('gives the FAQ a heading per question', () => {
    const faq = [...page.querySelectorAll('h3')].map((h) => squash(h.textContent));
    expect(faq).toHaveLength(4);
    expect(faq.every((question) => question.endsWith('?'))).toBe(true);
  });

  it('loads nothing from outside and runs no script', () => {
    expect(page.querySelectorAll('script, link, iframe, img, object, embed, video, audio')).toHaveLength(0);
    expect(html).not.toMatch(/https?:|@import|url\(/i);
    expect(html).toMatch(/prefers-color-scheme:\s*dark/);
  });

  it('offers the places Termlight must leave alone, each holding a glossary term', () => {
    const spots = page.querySelectorAll(
      '#try-termlight textarea, #try-termlight [contenteditable], #try-termlight pre code',
    );
    expect(spots).toHaveLength(3);
    for (const spot of spots) expect(holdsTerm(spot.textContent), spot.tagName).toBe(true);
  });

  it('has a term split across inline elements', () => {
    const split = page.querySelector('#demo-split');
    expect(split?.innerHTML).toContain('foundation <em>model</em>');
    expect(squash(split?.textContent)).toContain('a foundation model');
  });
});
