import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Card, type CardProps } from '../../src/content/card/Card';
import { createCardStrings } from '../../src/content/card/strings';
import { SAMPLE_ENTRIES } from '../fixtures/card/sample-entries';

const llm = SAMPLE_ENTRIES[0]!.entry;
const hostile = SAMPLE_ENTRIES[3]!.entry;

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(overrides: Partial<CardProps> = {}): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  const props: CardProps = {
    entry: llm,
    glossaryName: 'AI basics',
    related: [
      { index: 1, term: 'fine-tuning' },
      { index: 2, term: 'token' },
    ],
    strings: createCardStrings(),
    theme: 'light',
    onRelated: () => undefined,
    onOpenGlossary: () => undefined,
    onResize: () => undefined,
    ...overrides,
  };
  act(() => render(<Card {...props} />, root));
  return root.querySelector<HTMLElement>('.card')!;
}

const buttons = (card: HTMLElement) => [...card.querySelectorAll('button')];
const buttonNamed = (card: HTMLElement, name: string) => buttons(card).find((b) => b.textContent?.includes(name))!;

describe('the definition card', () => {
  it('shows the term as the glossary writes it, its category, definition, aliases and source', () => {
    const card = mount();
    expect(card.querySelector('.term')?.textContent).toBe('large language model');
    expect(card.querySelector('.category')?.textContent).toBe('Model');
    expect(card.querySelector('.definition')?.textContent).toBe(llm.definition);
    // The alias that only differs from the term by case is left out, and so is the plural of a
    // name already shown (listed as a form of its own for its letter case).
    expect(card.querySelector('.aliases')?.textContent).toBe('Also: LLM');
    expect(card.textContent).toContain('From AI basics');
    expect(buttonNamed(card, 'Open in glossary')).toBeDefined();
  });

  it('leaves out the regular plural of the term or of an alias, and keeps other spellings', () => {
    const card = mount({ entry: { ...llm, term: 'index', aliases: ['indexes', 'indices', 'GP', 'GPs', 'GPU'] } });
    expect(card.querySelector('.aliases')?.textContent).toBe('Also: indices, GP, GPU');
  });

  it('is described by its definition, for a screen reader that lands on it', () => {
    const card = mount();
    const definition = card.querySelector('.definition')!;
    expect(definition.id).not.toBe('');
    expect(card.getAttribute('aria-describedby')).toBe(definition.id);
  });

  it('is a non-modal dialog named after the term', () => {
    const card = mount();
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.getAttribute('aria-modal')).toBeNull();
    expect(card.getAttribute('aria-label')).toBe('large language model');
  });

  it('adds no heading to the page: the card is named, and sits at the end of the document', () => {
    const card = mount();
    expect(card.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]')).toBeNull();
    expect(card.querySelector('.term')?.textContent).toBe('large language model');
  });

  it('keeps the notes behind "More" until asked', async () => {
    const onResize = vi.fn();
    const card = mount({ onResize });
    const more = buttonNamed(card, 'More');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(card.textContent).not.toContain('Most are transformers.');

    act(() => more.click());
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(more.textContent).toContain('Less');
    const paragraphs = [...card.querySelectorAll('.notes p')].map((p) => p.textContent);
    expect(paragraphs).toEqual(['Most are transformers.', 'Sizes range from a few billion to over a trillion parameters.']);
    // The card grew, so it has to be placed again.
    expect(onResize).toHaveBeenCalled();
  });

  it('says where the notes come from, when the glossary names its source', () => {
    const card = mount({ notesSource: 'What is a foundation model?' });
    act(() => buttonNamed(card, 'More').click());
    const paragraphs = [...card.querySelectorAll('.notes p')].map((p) => p.textContent);
    expect(paragraphs[0]).toBe('Notes from “What is a foundation model?”');
    expect(paragraphs.slice(1)).toEqual(['Most are transformers.', 'Sizes range from a few billion to over a trillion parameters.']);
  });

  it('offers no "More" when there are no notes', () => {
    const card = mount({ entry: SAMPLE_ENTRIES[1]!.entry, related: [] });
    expect(buttons(card).map((b) => b.textContent)).toEqual(['Open in glossary ↗']);
    expect(card.querySelector('.related')).toBeNull();
  });

  it('related terms are buttons that ask for their entry', () => {
    const onRelated = vi.fn();
    const card = mount({ onRelated });
    act(() => buttonNamed(card, 'token').click());
    expect(onRelated).toHaveBeenCalledWith(2);
  });

  it('"Open in glossary" asks for the glossary page', () => {
    const onOpenGlossary = vi.fn();
    const card = mount({ onOpenGlossary });
    act(() => buttonNamed(card, 'Open in glossary').click());
    expect(onOpenGlossary).toHaveBeenCalledTimes(1);
  });

  it('shows glossary text that looks like HTML as text, creating no elements', () => {
    const card = mount({ entry: hostile, related: [] });
    act(() => buttonNamed(card, 'More').click());
    expect(card.querySelector('.term')?.textContent).toBe('<b>bold</b> term');
    expect(card.querySelector('.definition')?.textContent).toBe(hostile.definition);
    expect(card.querySelector('.aliases')?.textContent).toBe('Also: <script>alert(1)</script>');
    expect(card.textContent).toContain('<iframe src="https://example.invalid"></iframe>');
    expect(card.querySelectorAll('img, b, script, iframe')).toHaveLength(0);
  });

  it('carries the theme for the stylesheet', () => {
    expect(mount({ theme: 'dark' }).dataset.theme).toBe('dark');
  });
});
