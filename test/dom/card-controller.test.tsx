import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCardController, type CardSettings } from '../../src/content/card';
import { fakeEngine } from '../fixtures/card/fake-engine';
import { SAMPLE_ENTRIES } from '../fixtures/card/sample-entries';

const SETTINGS: CardSettings = { hoverDelayMs: 300, hideDelayMs: 300, trigger: 'hover', modifierKey: 'Alt', theme: 'light' };
const LLM_BOX = { left: 100, top: 100, width: 120, height: 18 };
const TOKEN_BOX = { left: 100, top: 300, width: 50, height: 18 };

let abort: AbortController;
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

function setup(settings: Partial<CardSettings> = {}) {
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
  });
  return { engine, controller, openGlossary };
}

const host = () => document.querySelector<HTMLElement>('termlight-host');
const card = () => host()?.shadowRoot?.querySelector<HTMLElement>('.card') ?? null;
const shownTerm = () => card()?.querySelector('.term')?.textContent ?? null;

/** Moves the pointer and lets the next animation frame run its hit test. */
function move(x: number, y: number, target: EventTarget = document.body, init: PointerEventInit = {}) {
  target.dispatchEvent(
    new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType: 'mouse', bubbles: true, composed: true, ...init }),
  );
  vi.advanceTimersByTime(20);
}

/** Presses Tab (with Shift) where the focus is, as the page would get it; the event, to see if it was taken. */
function tab(shiftKey = false): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true });
  (document.activeElement ?? document.body).dispatchEvent(e);
  return e;
}

function key(k: string) {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
  document.body.dispatchEvent(e);
  return e;
}

describe('hovering a term', () => {
  it('opens its card after the hover delay, and not before', () => {
    setup();
    move(150, 105);
    vi.advanceTimersByTime(250);
    expect(card()).toBeNull();
    vi.advanceTimersByTime(60);
    expect(shownTerm()).toBe('large language model');
    expect(card()?.querySelector('.definition')?.textContent).toBe(SAMPLE_ENTRIES[0]!.entry.definition);
  });

  it('opens nothing while the pointer sweeps past', () => {
    setup();
    for (let x = 90; x < 400; x += 20) move(x, 105);
    vi.advanceTimersByTime(1000);
    expect(card()).toBeNull();
  });

  it('keeps the card while the pointer is on it, and hides it after the pointer leaves', () => {
    const { engine } = setup();
    move(150, 105);
    vi.advanceTimersByTime(300);
    move(150, 140);
    vi.advanceTimersByTime(100);
    const before = engine.hitTests();
    move(160, 150, host()!);
    // Over the card, nothing on the page is hit-tested.
    expect(engine.hitTests()).toBe(before);
    vi.advanceTimersByTime(2000);
    expect(card()).not.toBeNull();
    move(600, 600);
    vi.advanceTimersByTime(350);
    expect(card()).toBeNull();
  });

  it('closes on Escape, and the page does not see that Escape', () => {
    setup();
    const pageSaw = vi.fn();
    document.body.addEventListener('keydown', pageSaw);
    move(150, 105);
    vi.advanceTimersByTime(300);
    const e = key('Escape');
    expect(card()).toBeNull();
    expect(e.defaultPrevented).toBe(true);
    expect(pageSaw).not.toHaveBeenCalled();
    // Without a card, Escape belongs to the page.
    key('Escape');
    expect(pageSaw).toHaveBeenCalledTimes(1);
  });

  it('closes on a click elsewhere', () => {
    setup();
    move(150, 105);
    vi.advanceTimersByTime(300);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { clientX: 700, clientY: 700, bubbles: true }));
    expect(card()).toBeNull();
  });

  it('opens nothing while a button is held (a drag or a text selection)', () => {
    setup();
    move(150, 105, document.body, { buttons: 1 });
    vi.advanceTimersByTime(1000);
    expect(card()).toBeNull();
  });

  it('with the modifier setting, opens only while the key is held', () => {
    setup({ trigger: 'hover-modifier' });
    move(150, 105);
    vi.advanceTimersByTime(1000);
    expect(card()).toBeNull();
    move(151, 105, document.body, { altKey: true });
    vi.advanceTimersByTime(300);
    expect(shownTerm()).toBe('large language model');
  });

  it('with the modifier setting, opens a term again after Escape once the pointer has left it', () => {
    setup({ trigger: 'hover-modifier' });
    move(150, 105, document.body, { altKey: true });
    vi.advanceTimersByTime(300);
    key('Escape');
    expect(card()).toBeNull();
    // Away without the key, back, and the key pressed on the term again.
    move(600, 600);
    move(150, 105);
    const alt = new KeyboardEvent('keydown', { key: 'Alt', bubbles: true });
    document.body.dispatchEvent(alt);
    vi.advanceTimersByTime(320);
    expect(shownTerm()).toBe('large language model');
  });
});

describe('the card host', () => {
  it('is created only when a card first opens, on <html>, with the styles in an open shadow root', () => {
    const { controller } = setup();
    expect(host()).toBeNull();
    controller.showFor(2);
    const h = host()!;
    expect(h.parentElement).toBe(document.documentElement);
    expect(h.hasAttribute('data-termlight-host')).toBe(true);
    expect(h.style.getPropertyPriority('display')).toBe('important');
    expect(h.shadowRoot?.querySelector('style')?.textContent).toContain('.card');
    expect(shownTerm()).toBe('token');
  });

  it('replaces a host left behind by an earlier copy of the extension', () => {
    const stale = document.createElement('termlight-host');
    stale.setAttribute('data-termlight-host', '');
    document.documentElement.append(stale);
    setup().controller.showFor(0);
    expect(document.querySelectorAll('termlight-host')).toHaveLength(1);
    expect(stale.isConnected).toBe(false);
  });

  it('goes away, with every listener, when the signal aborts', () => {
    const { controller, engine } = setup();
    controller.showFor(0);
    abort.abort();
    expect(host()).toBeNull();
    const before = engine.hitTests();
    move(150, 105);
    vi.advanceTimersByTime(500);
    expect(engine.hitTests()).toBe(before);
    expect(host()).toBeNull();
  });
});

describe('inside the card', () => {
  it('a related term switches the card to that entry', () => {
    const { controller } = setup();
    controller.showFor(0);
    const related = [...card()!.querySelectorAll<HTMLButtonElement>('.related button')];
    expect(related.map((b) => b.textContent)).toEqual(['fine-tuning', 'token']);
    related[0]!.click();
    expect(shownTerm()).toBe('fine-tuning');
  });

  it('"Open in glossary" hands the entry to the extension', () => {
    const { controller, openGlossary } = setup();
    controller.showFor(1);
    [...card()!.querySelectorAll('button')].find((b) => b.textContent?.includes('Open in glossary'))!.click();
    expect(openGlossary).toHaveBeenCalledWith('fine-tuning', 'ai-basics');
  });
});

describe('click trigger', () => {
  function click(x: number, y: number, target: EventTarget = document.body) {
    target.dispatchEvent(new PointerEvent('pointerdown', { clientX: x, clientY: y, bubbles: true }));
    const e = new MouseEvent('click', { clientX: x, clientY: y, bubbles: true, cancelable: true });
    target.dispatchEvent(e);
    return e;
  }

  it('a click on a term opens its card at once; a second click closes it', () => {
    setup({ trigger: 'click' });
    const e = click(150, 105);
    expect(shownTerm()).toBe('large language model');
    expect(e.defaultPrevented).toBe(true);
    click(150, 105);
    expect(card()).toBeNull();
  });

  it('a click on a term inside a link is left to the link', () => {
    setup({ trigger: 'click' });
    const link = document.createElement('a');
    link.href = '#somewhere';
    document.body.append(link);
    const e = click(150, 105, link);
    expect(e.defaultPrevented).toBe(false);
    expect(card()).toBeNull();
  });

  it('does not open on hover', () => {
    setup({ trigger: 'click' });
    move(150, 105);
    vi.advanceTimersByTime(1000);
    expect(card()).toBeNull();
  });
});

describe('keyboard navigation', () => {
  it('opens the next term, marks it current and announces it, leaving focus alone', () => {
    const { controller, engine } = setup();
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    controller.next();
    expect(shownTerm()).toBe('large language model');
    expect(engine.current.at(-1)?.entry).toBe(0);
    const live = host()!.shadowRoot!.querySelector('[aria-live="polite"]')!;
    vi.advanceTimersByTime(150);
    expect(live.textContent).toBe(`large language model. ${SAMPLE_ENTRIES[0]!.entry.definition}`);
    expect(document.activeElement).toBe(input);

    controller.next();
    expect(shownTerm()).toBe('token');
    // Written otherwise on the page: its words come first, so the reader knows where it is.
    vi.advanceTimersByTime(150);
    expect(live.textContent).toBe(`“tokens”: token. ${SAMPLE_ENTRIES[2]!.entry.definition}`);
    controller.next();
    expect(shownTerm()).toBe('large language model');
    controller.previous();
    expect(shownTerm()).toBe('token');
  });

  it('starts from where the reader moved the focus, not from the top of the window', () => {
    const { controller } = setup();
    // The fake engine's two terms are text nodes in the body, in this order: a link between them.
    const [first] = [...document.body.childNodes];
    const link = document.createElement('a');
    link.href = '#between';
    link.textContent = 'between';
    first!.after(link);
    link.focus();
    controller.next();
    expect(shownTerm()).toBe('token');
    // The focus stayed: navigation goes on from the term, as before.
    controller.next();
    expect(shownTerm()).toBe('large language model');
    // Going back from a focus moved to after both terms gives the last one.
    const end = document.createElement('button');
    end.textContent = 'end';
    document.body.append(end);
    end.focus();
    controller.previous();
    expect(shownTerm()).toBe('token');
  });

  it('starts after a component whose shadow root holds the focus', () => {
    const { controller, engine } = setup();
    // Page order: the first term, a component with a focused button, the second term.
    const second = engine.occurrences()[1]!.range().startContainer as ChildNode;
    const component = document.createElement('div');
    second.before(component);
    const button = document.createElement('button');
    button.textContent = 'in a component';
    component.attachShadow({ mode: 'open' }).append(button);
    button.focus();
    controller.next();
    expect(shownTerm()).toBe('token');
  });

  it('keeps a keyboard-opened card when the pointer wanders off', () => {
    const { controller } = setup();
    controller.next();
    move(700, 700);
    vi.advanceTimersByTime(2000);
    expect(shownTerm()).toBe('large language model');
  });

  it('unmarks the current term when its card closes', () => {
    const { controller, engine } = setup();
    controller.next();
    key('Escape');
    expect(engine.current.at(-1)).toBeNull();
  });

  it('lets Tab into a card opened from the keyboard, and out again to where the reader was', () => {
    const { controller } = setup();
    const link = document.createElement('a');
    link.href = '#somewhere';
    link.textContent = 'somewhere';
    document.body.append(link);
    link.focus();
    controller.next();
    const inCard = () => host()!.shadowRoot!.activeElement?.textContent ?? null;
    expect(tab().defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(host());
    expect(inCard()).toContain('More');
    // Shift+Tab before the first button: back to the link, and the card goes.
    expect(tab(true).defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(link);
    expect(card()).toBeNull();

    // Escape from inside the card also gives the focus back.
    controller.next();
    tab();
    key('Escape');
    expect(card()).toBeNull();
    expect(document.activeElement).toBe(link);
  });

  it('goes on from the term, not from the top, when a command opened the card with nothing focused', () => {
    const { controller, engine } = setup();
    // A stop before the term (Shift+Tab is for the browsers to show: the DOM used here walks
    // back wrongly), one hidden and one after it.
    const before = document.createElement('button');
    before.textContent = 'before';
    const hidden = document.createElement('button');
    hidden.hidden = true;
    const after = document.createElement('a');
    after.href = '#after';
    after.textContent = 'after';
    // A container that reports tabIndex 0 without a tabindex of its own (a <dialog> in Firefox).
    const container = document.createElement('section');
    Object.defineProperty(container, 'tabIndex', { value: 0 });
    const term = engine.occurrences()[0]!.range().startContainer as ChildNode;
    term.before(before);
    term.after(hidden, container, after);
    // Boxes as a browser would give them: none for what is not drawn.
    vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
      return (this as HTMLElement).hidden ? ([] as unknown as DOMRectList) : ([{ width: 10, height: 10 }] as unknown as DOMRectList);
    });
    expect(document.activeElement).toBe(document.body);
    controller.next();
    expect(shownTerm()).toBe('large language model');
    // Into the card, past its last button: on to the page's next stop after the term.
    expect(tab().defaultPrevented).toBe(true);
    const controls = card()!.querySelectorAll<HTMLElement>('button, a[href]');
    controls[controls.length - 1]!.focus();
    expect(tab().defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(after);
    expect(card()).toBeNull();
  });

  it("opens the card of a term's link that Tab out of a command card lands on", () => {
    const { controller, engine } = setup();
    const link = document.createElement('a');
    link.href = '#token';
    const second = engine.occurrences()[1]!.range().startContainer as ChildNode;
    second.before(link);
    link.append(second);
    vi.spyOn(Element.prototype, 'getClientRects').mockReturnValue([{ width: 10, height: 10 }] as unknown as DOMRectList);
    controller.next();
    expect(shownTerm()).toBe('large language model');
    tab();
    const controls = card()!.querySelectorAll<HTMLElement>('button, a[href]');
    controls[controls.length - 1]!.focus();
    expect(tab().defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(link);
    // Closing the command's card does not drop the card the link asks for.
    vi.advanceTimersByTime(300);
    expect(shownTerm()).toBe('token');
  });

  it("stops taking Tab into a command's card once the reader has tabbed on", () => {
    const { controller } = setup();
    const input = document.createElement('textarea');
    const other = document.createElement('button');
    other.textContent = 'other';
    document.body.append(input, other);
    input.focus();
    controller.previous();
    expect(shownTerm()).not.toBeNull();
    // The reader moves on (the card stays for a moment, as for the pointer).
    other.focus();
    expect(tab().defaultPrevented).toBe(false);
    expect(host()!.shadowRoot!.activeElement).toBeNull();
  });

  it('says nothing of a card closed before its announcement was due', () => {
    const { controller } = setup();
    controller.next();
    key('Escape');
    vi.advanceTimersByTime(500);
    expect(host()!.shadowRoot!.querySelector('[aria-live]')!.textContent).toBe('');
  });

  it('does not tell the page words apart from the term for an invisible hyphen or a dash', () => {
    abort.abort();
    abort = new AbortController();
    document.body.replaceChildren();
    const engine = fakeEngine(document, [{ entry: 0, box: LLM_BOX, text: 'large\u2011language mo\u00ADdel' }]);
    const controller = createCardController({ doc: document, engine, entries: SAMPLE_ENTRIES, settings: SETTINGS, signal: abort.signal, openGlossary: () => undefined });
    controller.next();
    vi.advanceTimersByTime(150);
    expect(host()!.shadowRoot!.querySelector('[aria-live]')!.textContent).toBe(`large language model. ${SAMPLE_ENTRIES[0]!.entry.definition}`);
  });

  it("keeps Tab in the card after a related term replaced its buttons, and gives focus back into a page's shadow root", () => {
    const { controller } = setup();
    const component = document.createElement('div');
    document.body.append(component);
    const link = document.createElement('a');
    link.href = '#inside';
    link.textContent = 'inside a component';
    component.attachShadow({ mode: 'open' }).append(link);
    link.focus();
    controller.next();
    tab();
    const chip = card()!.querySelector<HTMLButtonElement>('.related button')!;
    chip.focus();
    chip.click();
    expect(shownTerm()).toBe('fine-tuning');
    // Focus is on the new card itself, before its first button: Tab goes on into it.
    expect(tab().defaultPrevented).toBe(false);
    expect(shownTerm()).toBe('fine-tuning');
    // Shift+Tab from there leaves, and the link inside the component gets the focus back.
    expect(tab(true).defaultPrevented).toBe(true);
    expect(card()).toBeNull();
    expect(component.shadowRoot!.activeElement).toBe(link);
  });

  /** The first term inside a link, and a button elsewhere: the focus's two places to go. */
  function linkAndButton(engine: ReturnType<typeof setup>['engine']) {
    const link = document.createElement('a');
    link.href = '#llm';
    const first = engine.occurrences()[0]!.range().startContainer as ChildNode;
    first.before(link);
    link.append(first);
    const other = document.createElement('button');
    other.textContent = 'other';
    document.body.append(other);
    return { link, other };
  }

  it("leaves the pointer's card alone when the focus moves on from a term's link", () => {
    const { engine } = setup();
    const { link, other } = linkAndButton(engine);
    link.focus();
    vi.advanceTimersByTime(300);
    expect(shownTerm()).toBe('large language model');
    // The pointer comes to rest on the other term, then Tab moves the focus on.
    move(120, 305);
    vi.advanceTimersByTime(300);
    expect(shownTerm()).toBe('token');
    other.focus();
    vi.advanceTimersByTime(1000);
    expect(shownTerm()).toBe('token');
  });

  it("does not undo the pointer's Escape when the focus moves on from a term's link", () => {
    const { engine } = setup();
    const { link, other } = linkAndButton(engine);
    link.focus();
    move(120, 305);
    vi.advanceTimersByTime(300);
    expect(shownTerm()).toBe('token');
    key('Escape');
    other.focus();
    // The pointer is still on "token": closed, it stays closed until the pointer leaves it.
    move(121, 306);
    vi.advanceTimersByTime(1000);
    expect(shownTerm()).toBeNull();
  });

  it("leaves Tab to the page when a link's focus opened the card, says the card, and clears what it said", () => {
    const { engine } = setup();
    const { link, other } = linkAndButton(engine);
    link.focus();
    vi.advanceTimersByTime(300);
    expect(shownTerm()).toBe('large language model');
    const live = () => host()!.shadowRoot!.querySelector('[aria-live]')!.textContent;
    vi.advanceTimersByTime(100);
    expect(live()).toMatch(/^large language model\. .+/);
    expect(tab().defaultPrevented).toBe(false);
    expect(host()!.shadowRoot!.activeElement).toBeNull();
    // Tab goes on through the page; the card goes with the focus at once, as a tooltip does,
    // and what it said too.
    other.focus();
    vi.advanceTimersByTime(1);
    expect(shownTerm()).toBeNull();
    expect(live()).toBe('');
  });

  it('leaves Tab to the page when the card was opened by the pointer', () => {
    setup();
    move(150, 105);
    vi.advanceTimersByTime(300);
    expect(shownTerm()).toBe('large language model');
    expect(tab().defaultPrevented).toBe(false);
    expect(host()!.shadowRoot!.activeElement).toBeNull();
  });

  it('says so on a page without terms', () => {
    const controller = createCardController({
      doc: document,
      engine: fakeEngine(document, []),
      entries: SAMPLE_ENTRIES,
      settings: SETTINGS,
      signal: abort.signal,
      openGlossary: () => undefined,
    });
    controller.next();
    vi.advanceTimersByTime(150);
    expect(host()!.shadowRoot!.querySelector('[aria-live]')!.textContent).toBe('No terms are marked on this page.');
  });
});
