import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundledPacks } from '../../src/core/glossary/bundled';
import type { GlossaryPack } from '../../src/core/glossary/types';
import { GlossaryPage } from '../../src/glossary-page/GlossaryPage';
import { createMemoryApi, type MemoryState } from '../../src/ui/memory-api';
import { renderPage, settle, typeInto, unmountPages } from './page-harness';

const BUNDLED = bundledPacks[0]!;
const MY_PACK: GlossaryPack = {
  id: 'my-team',
  name: 'My team',
  version: '1.0.0',
  language: 'en',
  entries: [
    // Same id as a bundled entry: it must get an anchor of its own.
    { id: 'token', term: 'token budget', definition: 'How many tokens a request may use.', category: 'resource' },
    { id: 'golden-set', term: 'golden set', aliases: ['gold answers'], definition: 'Checked answers we score against.', category: 'benchmark', related: ['token'] },
  ],
};

let scrolled: string[];
beforeEach(() => {
  scrolled = [];
  vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
    scrolled.push(this.id);
  });
});

afterEach(() => {
  unmountPages();
  history.replaceState(null, '', '#');
  vi.restoreAllMocks();
});

async function openPage(init: Partial<MemoryState> = {}, hash = '') {
  history.replaceState(null, '', hash || '#');
  const api = createMemoryApi(init);
  const root = await renderPage(api, <GlossaryPage />);
  return { api, root };
}

const terms = (root: Element) => [...root.querySelectorAll('.entry-term')].map((h) => h.textContent);
const groups = (root: Element) => [...root.querySelectorAll('.group-title')].map((h) => h.textContent);

const search = (root: Element, value: string) => typeInto(root.querySelector<HTMLInputElement>('input[type=search]')!, value);

describe('the glossary page', () => {
  it('shows every term of the glossaries that are on, A–Z under letters', async () => {
    const { root } = await openPage();
    expect(terms(root)).toHaveLength(BUNDLED.entries.length);
    const sorted = [...terms(root)].sort((a, b) => a!.localeCompare(b!, undefined, { sensitivity: 'base', numeric: true }));
    expect(terms(root)).toEqual(sorted);
    expect(groups(root).slice(0, 3)).toEqual(['A', 'B', 'C']);
  });

  it('shows each full entry: definition, notes, other names and related links', async () => {
    const { root } = await openPage();
    const entry = root.querySelector('#foundation-model')!;
    expect(entry.querySelector('.entry-aliases')?.textContent).toBe('Also: foundational model');
    expect(entry.querySelector('.entry-definition')?.textContent).toBe(BUNDLED.entries[0]!.definition);
    expect(entry.querySelector('.entry-notes')?.textContent).toContain('Stanford');
    // Notes speak of "the article": which one is said above them.
    expect(entry.querySelector('.entry-notes-source')?.textContent).toBe('Notes from “What is a foundation model?”');
    const links = [...entry.querySelectorAll('.entry-related a')].map((a) => a.getAttribute('href'));
    expect(links).toContain('#large-language-model');
    expect(entry.querySelector('.chip')?.textContent).toBe('Concept');
  });

  it('groups by category on request', async () => {
    const { root } = await openPage();
    await act(() => root.querySelector<HTMLInputElement>('[data-testid=glossary-view] input[value=category]')!.click());
    expect(groups(root)[0]).toBe('Concept');
    expect(groups(root)).toContain('Organisation');
    const organisations = root.querySelector('[aria-labelledby="group_organisation"]')!;
    expect([...organisations.querySelectorAll('.entry-term')].map((h) => h.textContent)).toContain('Anthropic');
  });

  it('filters live over terms, other names and definitions', async () => {
    const { root } = await openPage();
    await search(root, 'CRFM');
    expect(terms(root)).toContain('Center for Research on Foundation Models');
    await search(root, 'reinforcement learning');
    expect(terms(root)).toContain('RLHF');
    await search(root, 'zzzz');
    expect(terms(root)).toEqual([]);
    expect(root.querySelector('.empty')?.textContent).toBe('No term matches “zzzz”.');
  });

  it('leaves out a glossary that is off and names the glossary when several are on', async () => {
    const { root } = await openPage({ userGlossaries: [MY_PACK], sync: { disabledGlossaries: ['foundation-models'] } });
    expect(terms(root)).toEqual(['golden set', 'token budget']);
    expect(root.querySelector('.entry-pack')).toBeNull();
    const both = await openPage({ userGlossaries: [MY_PACK] });
    expect(both.root.querySelector('#my-team--token .entry-pack')?.textContent).toBe('My team');
  });

  it('gives a repeated id its own anchor and links related entries within their glossary', async () => {
    const { root } = await openPage({ userGlossaries: [MY_PACK] });
    expect(root.querySelector('#token .entry-term')?.textContent).toBe('token');
    expect(root.querySelector('#my-team--token .entry-term')?.textContent).toBe('token budget');
    expect(root.querySelector('#golden-set .entry-related a')?.getAttribute('href')).toBe('#my-team--token');
  });
});

describe('jumping to a letter or a category', () => {
  const jump = (root: Element, label: string) =>
    act(() => [...root.querySelectorAll<HTMLButtonElement>('.jump-item')].find((b) => b.textContent === label)!.click());

  it('scrolls to its heading and gives it the focus, so Tab goes on from there', async () => {
    const { root } = await openPage();
    await jump(root, 'R');
    expect(scrolled).toEqual(['group_R']);
    expect(document.activeElement).toBe(root.querySelector('#group_R'));
    await act(() => root.querySelector<HTMLInputElement>('[data-testid=glossary-view] input[value=category]')!.click());
    await jump(root, 'Organisation');
    expect(document.activeElement?.textContent).toBe('Organisation');
    expect(document.activeElement?.tagName).toBe('H2');
  });

  it('starts the other order\'s row at its first item, however far the last one was scrolled', async () => {
    const { root } = await openPage();
    const letters = root.querySelector<HTMLElement>('nav.jump')!;
    letters.scrollLeft = 300;
    await act(() => root.querySelector<HTMLInputElement>('[data-testid=glossary-view] input[value=category]')!.click());
    const categories = root.querySelector<HTMLElement>('nav.jump')!;
    expect(categories).not.toBe(letters);
    expect(categories.scrollLeft).toBe(0);
  });
});

describe('with every glossary off', () => {
  it('says so once, links to the glossaries in the settings, and shows nothing that cannot work', async () => {
    const { root } = await openPage({ sync: { disabledGlossaries: [BUNDLED.id] } });
    expect(root.querySelector('[data-testid=all-off]')?.textContent).toBe('Every glossary is off. Turn one on in the settings');
    expect(root.querySelector('[data-testid=all-off] a')?.getAttribute('href')).toBe('options.html#glossaries');
    expect(root.querySelector('input[type=search]')).toBeNull();
    expect(root.querySelector('[data-testid=glossary-view]')).toBeNull();
    expect(root.querySelector('.jump')).toBeNull();
    // No "0 terms from the glossaries that are on".
    expect(root.textContent).not.toMatch(/\b0 terms/);
  });
});

describe('deep links', () => {
  it('#term-id scrolls to the entry, marks it and moves focus there', async () => {
    const { root } = await openPage({}, '#rlhf');
    const entry = root.querySelector('#rlhf')!;
    expect(entry.classList.contains('is-target')).toBe(true);
    expect(root.querySelectorAll('.is-target')).toHaveLength(1);
    expect(scrolled).toContain('rlhf');
    expect(document.activeElement).toBe(entry);
  });

  it('follow the hash when it changes, even while a search would hide the entry', async () => {
    const { root } = await openPage({}, '#rlhf');
    await search(root, 'token');
    expect(root.querySelector('#dpo')).toBeNull();
    history.replaceState(null, '', '#dpo');
    await act(() => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await settle();
    expect(root.querySelector('#dpo')?.classList.contains('is-target')).toBe(true);
    expect(root.querySelector('#rlhf')?.classList.contains('is-target')).toBe(false);
    expect(scrolled.at(-1)).toBe('dpo');
  });

  it('leave the focus in the search box while the reader searches, whatever view is picked meanwhile', async () => {
    const { root } = await openPage({}, '#rlhf');
    const box = root.querySelector<HTMLInputElement>('input[type=search]')!;
    box.focus();
    await search(root, 'tokenizer');
    expect(root.querySelector('#rlhf')).toBeNull();
    await act(() => root.querySelector<HTMLInputElement>('[data-testid=glossary-view] input[value=category]')!.click());
    await settle();
    box.focus();
    scrolled = [];
    await search(root, '');
    expect(root.querySelector('#rlhf')).not.toBeNull();
    expect(document.activeElement).toBe(box);
    expect(scrolled).toEqual([]);
  });

  it('#pack--id (a card’s link) opens that pack’s entry, whatever anchor the entry has here', async () => {
    // The imported entry whose id the bundled glossary has taken, and a bundled one.
    const { root } = await openPage({ userGlossaries: [MY_PACK] }, '#my-team--token');
    expect(root.querySelector('.is-target .entry-term')?.textContent).toBe('token budget');
    expect(scrolled).toContain('my-team--token');
    const bundled = await openPage({ userGlossaries: [MY_PACK] }, `#${BUNDLED.id}--token`);
    expect(bundled.root.querySelector('.is-target .entry-term')?.textContent).toBe('token');
    expect(bundled.root.querySelector('.note')).toBeNull();
  });

  it('find an entry whatever its id, even one that reads like a part of the page', async () => {
    const odd: GlossaryPack = {
      ...MY_PACK,
      entries: [
        { id: 'rlhf-term', term: 'RLHF term sheet', definition: 'A made-up entry.', category: 'resource' },
        { id: 'glossary-search', term: 'glossary search', definition: 'Another made-up entry.', category: 'resource' },
      ],
    };
    for (const id of ['rlhf-term', 'glossary-search', 'rlhf']) {
      const { root } = await openPage({ userGlossaries: [odd] }, `#${id}`);
      expect(document.querySelectorAll(`[id="${id}"]`), id).toHaveLength(1);
      expect(root.querySelector('.is-target')?.id, id).toBe(id);
      unmountPages();
    }
  });

  it('say so when no entry has the id', async () => {
    const { root } = await openPage({}, '#no-such-term');
    expect(root.querySelector('.note')?.textContent).toBe('No term with the id “no-such-term” is in the glossaries that are on.');
  });

  it('say so when the entry is in a glossary that is off, with every glossary off', async () => {
    const { root } = await openPage({ sync: { disabledGlossaries: [BUNDLED.id] } }, '#rlhf');
    expect(root.querySelector('.note')?.textContent).toBe('No term with the id “rlhf” is in the glossaries that are on.');
    expect(root.querySelector('[data-testid=all-off]')).not.toBeNull();
  });
});
