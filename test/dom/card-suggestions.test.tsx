import { describe, expect, it, vi } from 'vitest';
import { createCardController, type CardSettings } from '../../src/content/card';
import { fakeEngine } from '../fixtures/card/fake-engine';
import { SAMPLE_ENTRIES } from '../fixtures/card/sample-entries';
import { SETTINGS, signal, useCardPage } from './card-harness';

useCardPage();

function setup(settings: Partial<CardSettings> = {}) {
  const openGlossary = vi.fn();
  const controller = createCardController({
    doc: document,
    engine: fakeEngine(document, [{ entry: 2, box: { left: 100, top: 300, width: 50, height: 18 } }]),
    entries: SAMPLE_ENTRIES,
    settings: { ...SETTINGS, ...settings },
    signal: signal(),
    openGlossary,
    glossaryName: () => 'AI basics',
  });
  return { controller, openGlossary };
}

/** A selection on the page, at a box the test chooses (happy-dom does no layout). */
function selection(text: string, box: { left: number; top: number; width: number; height: number }): Range {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  const range = document.createRange();
  range.selectNodeContents(p);
  range.getClientRects = () => [new DOMRect(box.left, box.top, box.width, box.height)] as unknown as DOMRectList;
  return range;
}

const card = () => document.querySelector('termlight-host')?.shadowRoot?.querySelector<HTMLElement>('.card') ?? null;
const heading = () => card()?.querySelector('.term')?.textContent ?? null;
const picks = () => [...(card()?.querySelectorAll<HTMLButtonElement>('.pick') ?? [])];
const buttonNamed = (name: string) => [...card()!.querySelectorAll('button')].find((b) => b.textContent?.includes(name));

describe('looking up a selection that names no entry', () => {
  it('says so, and offers the closest entries with the start of their definitions', () => {
    const { controller } = setup();
    expect(controller.showSuggestions('  language   models\n', [0, 2])).toBe(true);
    expect(heading()).toBe('No glossary entry for “language models”');
    expect(card()?.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]')).toBeNull();
    expect(card()?.getAttribute('role')).toBe('dialog');
    expect(card()?.getAttribute('aria-label')).toBe('No glossary entry for “language models”');
    expect(card()?.textContent).toContain('Closest matches');
    expect(picks().map((b) => b.querySelector('.pick-term')?.textContent)).toEqual(['large language model', 'token']);
    const first = picks()[0]!.querySelector('.pick-definition')!.textContent!;
    expect(first.length).toBeLessThanOrEqual(80);
    expect(first.endsWith('…')).toBe(true);
    expect(SAMPLE_ENTRIES[0]!.entry.definition.startsWith(first.slice(0, -1))).toBe(true);
    // A short definition is shown whole.
    expect(picks()[1]!.querySelector('.pick-definition')?.textContent).toBe(SAMPLE_ENTRIES[2]!.entry.definition);
  });

  it('switches to the picked entry, as a related term would', () => {
    const { controller } = setup();
    controller.showSuggestions('fine tuning', [1, 0]);
    picks()[0]!.click();
    expect(card()?.querySelector('.term')?.textContent).toBe('fine-tuning');
    expect(card()?.querySelector('.definition')?.textContent).toBe(SAMPLE_ENTRIES[1]!.entry.definition);
  });

  it('shows a hostile selection as text, creating no elements', () => {
    const { controller } = setup();
    controller.showSuggestions('<img src=x onerror=alert(1)>', [3]);
    expect(heading()).toBe('No glossary entry for “<img src=x onerror=alert(1)>”');
    expect(picks()[0]!.querySelector('.pick-term')?.textContent).toBe('<b>bold</b> term');
    expect(card()!.querySelectorAll('img, b, script')).toHaveLength(0);
  });

  it('quotes a long selection cut short with an ellipsis', () => {
    const { controller } = setup();
    controller.showSuggestions(`${'word '.repeat(30)}end`, []);
    const quoted = /“(.*)”/.exec(heading()!)![1]!;
    expect(quoted.length).toBeLessThanOrEqual(60);
    expect(quoted).toMatch(/^word( word)*…$/);
  });

  it('with nothing close, says so and offers the whole glossary', () => {
    const { controller, openGlossary } = setup();
    controller.showSuggestions('quantum annealing', []);
    expect(card()?.querySelector('.none')?.textContent).toBe('No similar terms in your glossaries.');
    expect(picks()).toHaveLength(0);
    expect(card()?.textContent).not.toContain('Closest matches');
    buttonNamed('Browse the glossary')!.click();
    expect(openGlossary).toHaveBeenCalledWith('', '');
  });

  it('treats suggestions that name no entry as none, and lists a repeated one once', () => {
    const { controller } = setup();
    controller.showSuggestions('x', [99, -1]);
    expect(card()?.querySelector('.none')).not.toBeNull();
    controller.showSuggestions('y', [2, 2]);
    expect(picks()).toHaveLength(1);
  });
});

describe('the suggestions card on the page', () => {
  it('leaves focus where it was, and is keyboard-reachable', () => {
    const { controller } = setup();
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    controller.showSuggestions('language models', [0]);
    expect(document.activeElement).toBe(input);
    expect(picks()[0]!.tagName).toBe('BUTTON');
    expect(picks()[0]!.tabIndex).toBe(0);
  });

  it('closes on Escape and on a click elsewhere', () => {
    const { controller } = setup();
    controller.showSuggestions('language models', [0]);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(card()).toBeNull();
    controller.showSuggestions('language models', [0]);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { clientX: 700, clientY: 700, bubbles: true }));
    expect(card()).toBeNull();
  });

  it('opens beside the selection, and closes once it has scrolled off screen', () => {
    const { controller } = setup();
    const range = selection('langauge modle', { left: 200, top: 120, width: 90, height: 18 });
    expect(controller.showSuggestions('langauge modle', [0], range)).toBe(true);
    // Below the selection's line (120 + 18), not at the top of the window.
    expect(parseFloat(card()!.style.top)).toBeGreaterThan(138);
    range.getClientRects = () => [new DOMRect(200, -400, 90, 18)] as unknown as DOMRectList;
    window.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(20);
    expect(card()).toBeNull();
  });

  it('without a selection to point at, opens near the top of the window', () => {
    const { controller } = setup();
    controller.showSuggestions('language models', [0]);
    expect(parseFloat(card()!.style.top)).toBeLessThan(40);
  });

  it('is not shown for a selection already off screen', () => {
    const { controller } = setup();
    const range = selection('gone', { left: 200, top: -500, width: 40, height: 18 });
    expect(controller.showSuggestions('gone', [0], range)).toBe(false);
    expect(card()).toBeNull();
  });

  it('opens again for the same words selected anew', () => {
    const { controller } = setup();
    controller.showSuggestions('fine tuning', [1]);
    picks()[0]!.click();
    controller.showSuggestions('fine tuning', [1]);
    expect(picks()).toHaveLength(1);
  });

  it('keeps a picked entry when the theme changes, in the new colours', () => {
    const { controller } = setup();
    controller.showSuggestions('fine tuning', [1]);
    picks()[0]!.click();
    controller.update({ theme: 'dark' });
    expect(card()?.querySelector('.term')?.textContent).toBe('fine-tuning');
    expect(card()?.dataset.theme).toBe('dark');
  });

  it('gives way to a term\'s card when asked for one', () => {
    const { controller } = setup();
    controller.showSuggestions('language models', [0]);
    controller.showFor(2);
    expect(card()?.querySelector('.term')?.textContent).toBe('token');
    expect(picks()).toHaveLength(0);
  });
});
