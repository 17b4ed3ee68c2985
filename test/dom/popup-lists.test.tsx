import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageTerm } from '../../src/core/messages';
import { PageTerms } from '../../src/popup/PageTerms';
import { SearchResults } from '../../src/popup/SearchResults';
import { ApiContext } from '../../src/ui/api';
import type { IndexedEntry } from '../../src/ui/glossary-search';
import { createMemoryApi } from '../../src/ui/memory-api';

/*
 * The popup's lists are one stop for Tab. They are drawn again as the page changes (its terms)
 * or as the reader types (search results): which button is the stop must survive that.
 */

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const api = createMemoryApi({});
const draw = (el: ComponentChild) => act(() => render(<ApiContext.Provider value={api}>{el}</ApiContext.Provider>, root));
const stops = () => [...root.querySelectorAll('button')].map((b) => `${b.querySelector('span')?.textContent}:${b.tabIndex}`);
const result = (term: string) => ({ anchor: term, entry: { term, definition: 'About it.' } }) as unknown as IndexedEntry;
const term = (name: string): PageTerm => ({ entryId: name, packId: 'p', term: name, count: 1, firstIndex: 0 });

describe('the Tab stop of a popup list', () => {
  it('is the best search result after each keystroke, not a result that just came in', async () => {
    root = document.body.appendChild(document.createElement('div'));
    await draw(<SearchResults query="a" results={[result('a'), result('b'), result('c')]} onOpen={vi.fn()} />);
    expect(stops()).toEqual(['a:0', 'b:-1', 'c:-1']);
    await draw(<SearchResults query="ab" results={[result('b'), result('c'), result('d')]} onOpen={vi.fn()} />);
    expect(stops()).toEqual(['b:0', 'c:-1', 'd:-1']);
  });

  it('stays on the term last used when the page adds a term', async () => {
    root = document.body.appendChild(document.createElement('div'));
    await draw(<PageTerms terms={[term('a'), term('b')]} onReveal={vi.fn()} />);
    await act(() => root.querySelectorAll('button')[1]!.focus());
    (document.activeElement as HTMLElement).blur();
    await draw(<PageTerms terms={[term('a'), term('b'), term('c')]} onReveal={vi.fn()} />);
    expect(stops()).toEqual(['a:-1', 'b:0', 'c:-1']);
  });

  it('is not moved by a click on the list around the buttons', async () => {
    root = document.body.appendChild(document.createElement('div'));
    await draw(<PageTerms terms={[term('a'), term('b')]} onReveal={vi.fn()} />);
    await act(() => root.querySelectorAll('button')[1]!.focus());
    await act(() => root.querySelector<HTMLElement>('ul')!.focus());
    expect(stops()).toEqual(['a:-1', 'b:0']);
  });
});
