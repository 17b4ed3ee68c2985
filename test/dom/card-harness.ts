// What the card controller's DOM tests share: a fake clock, an empty page and a fresh signal
// around each test, a controller over two fake terms, and the reader's pointer and keys.
import { afterEach, beforeEach, vi } from 'vitest';
import { createCardController, type CardControllerOptions, type CardSettings } from '../../src/content/card';
import { fakeEngine } from '../fixtures/card/fake-engine';
import { SAMPLE_ENTRIES } from '../fixtures/card/sample-entries';

export const SETTINGS: CardSettings = { hoverDelayMs: 300, hideDelayMs: 300, trigger: 'hover', modifierKey: 'Alt', theme: 'light' };
export const LLM_BOX = { left: 100, top: 100, width: 120, height: 18 };
export const TOKEN_BOX = { left: 100, top: 300, width: 50, height: 18 };

let abort = new AbortController();

/** Registers, for the calling file, a fake clock, an empty page and a new signal per test. */
export function useCardPage(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '';
    abort = new AbortController();
  });
  afterEach(() => {
    abort.abort();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}

/** The running test's signal. */
export const signal = (): AbortSignal => abort.signal;
/** Aborts it, as turning Termlight off for the page does. */
export const stop = (): void => abort.abort();

/** A controller over "large language model" (entry 0) and, further down, "tokens" (entry 2). */
export function setup(settings: Partial<CardSettings> = {}, more: Partial<CardControllerOptions> = {}) {
  const engine = fakeEngine(document, [
    { entry: 0, box: LLM_BOX, text: 'large language model' },
    { entry: 2, box: TOKEN_BOX, text: 'tokens' },
  ]);
  const openGlossary = vi.fn();
  const controller = createCardController({
    doc: document,
    engine,
    entries: SAMPLE_ENTRIES,
    settings: { ...SETTINGS, ...settings },
    signal: abort.signal,
    openGlossary,
    glossaryName: () => 'AI basics',
    ...more,
  });
  return { engine, controller, openGlossary };
}

export const host = () => document.querySelector<HTMLElement>('termlight-host');
export const card = () => host()?.shadowRoot?.querySelector<HTMLElement>('.card') ?? null;
export const shownTerm = () => card()?.querySelector('.term')?.textContent ?? null;

/** Moves the pointer and lets the next animation frame run its hit test. */
export function move(x: number, y: number, target: EventTarget = document.body, init: PointerEventInit = {}) {
  target.dispatchEvent(
    new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType: 'mouse', bubbles: true, composed: true, ...init }),
  );
  vi.advanceTimersByTime(20);
}

/** Presses Tab (with Shift) where the focus is, as the page would get it; the event, to see if it was taken. */
export function tab(shiftKey = false): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true });
  (document.activeElement ?? document.body).dispatchEvent(e);
  return e;
}

export function key(k: string, target: EventTarget = document.body) {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
  target.dispatchEvent(e);
  return e;
}
