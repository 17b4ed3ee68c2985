import { describe, expect, it, vi } from 'vitest';
import { createCardController } from '../../src/content/card';
import { fakeEngine } from '../fixtures/card/fake-engine';
import { SAMPLE_ENTRIES } from '../fixtures/card/sample-entries';
import { card, host, key, LLM_BOX, move, SETTINGS, setup, shownTerm, signal, stop, tab, useCardPage } from './card-harness';

useCardPage();

/** Puts the fake engine's second term ("tokens") inside a link, with every element drawn. */
function linkAroundSecondTerm(engine: ReturnType<typeof setup>['engine']): HTMLAnchorElement {
  const link = document.createElement('a');
  link.href = '#token';
  const second = engine.occurrences()[1]!.range().startContainer as ChildNode;
  second.before(link);
  link.append(second);
  vi.spyOn(Element.prototype, 'getClientRects').mockReturnValue([{ width: 10, height: 10 }] as unknown as DOMRectList);
  return link;
}

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

  it("leaves Tab to a page's focus trap that takes the focus straight back", () => {
    const { controller } = setup();
    const button = document.createElement('button');
    button.textContent = 'in the modal';
    document.body.append(button);
    button.focus();
    // A script-built modal: focus that leaves it is pulled back at once.
    document.addEventListener('focusin', (e) => e.target !== button && button.focus(), { signal: signal() });
    controller.next();
    const e = tab();
    expect(e.defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(button);
    // The host is out of the Tab order again.
    expect(host()!.getAttribute('tabindex')).toBe('-1');
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
    const link = linkAroundSecondTerm(engine);
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

  it("does not open a link's card again when Escape gives the focus back to it", () => {
    const { controller, engine } = setup();
    const link = linkAroundSecondTerm(engine);
    link.focus();
    vi.advanceTimersByTime(300);
    expect(shownTerm()).toBe('token');
    // A command's card, Tab into it, Escape: the focus goes back to the link, and no card opens.
    controller.next();
    expect(shownTerm()).toBe('large language model');
    expect(tab().defaultPrevented).toBe(true);
    key('Escape');
    expect(document.activeElement).toBe(link);
    vi.advanceTimersByTime(1000);
    expect(card()).toBeNull();
    // The focus coming back to the link later is a request again.
    link.blur();
    link.focus();
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
    document.body.replaceChildren();
    const engine = fakeEngine(document, [{ entry: 0, box: LLM_BOX, text: 'large\u2011language mo\u00ADdel' }]);
    const controller = createCardController({ doc: document, engine, entries: SAMPLE_ENTRIES, settings: SETTINGS, signal: signal(), openGlossary: () => undefined });
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
      signal: signal(),
      openGlossary: () => undefined,
    });
    controller.next();
    vi.advanceTimersByTime(150);
    expect(host()!.shadowRoot!.querySelector('[aria-live]')!.textContent).toBe('No terms are marked on this page.');
  });
});

describe('Tab after the card let go of a focus that came from nowhere', () => {
  /**
   * A stop at the top, one after each of the fake engine's two terms; nothing focused. Escape
   * from a card the focus went into leaves the browser's starting point in the card's place,
   * at the end of the document.
   */
  function page() {
    const { controller, engine } = setup();
    const [first, second] = engine.occurrences().map((o) => o.range().startContainer as ChildNode);
    const link = (name: string) => Object.assign(document.createElement('a'), { href: `#${name}`, textContent: name });
    const top = link('top');
    const afterFirst = link('afterFirst');
    const afterSecond = link('afterSecond');
    document.body.prepend(top);
    first!.after(afterFirst);
    second!.after(afterSecond);
    vi.spyOn(Element.prototype, 'getClientRects').mockReturnValue([{ width: 10, height: 10 }] as unknown as DOMRectList);
    const show = (term: string) => {
      for (let i = 0; i < 3 && shownTerm() !== term; i++) controller.next();
      expect(shownTerm()).toBe(term);
    };
    const escapeFrom = (term = 'large language model') => {
      show(term);
      tab();
      expect(document.activeElement).toBe(host());
      key('Escape');
      expect(card()).toBeNull();
      // Escape only closes: nothing of the page's took the focus.
      expect(document.activeElement).toBe(document.body);
    };
    return { controller, first: first!, top, afterFirst, afterSecond, show, escapeFrom };
  }
  const focusedName = () => document.activeElement?.textContent ?? null;

  it('goes on from the term, once', () => {
    const p = page();
    p.escapeFrom();
    expect(tab().defaultPrevented).toBe(true);
    expect(focusedName()).toBe('afterFirst');
    p.afterFirst.blur();
    expect(tab().defaultPrevented).toBe(false);
  });

  it('is taken once even when the first Tab found no stop beside the term', () => {
    const p = page();
    p.afterSecond.remove();
    p.escapeFrom('token');
    // Nothing after the second term: the browser's Tab goes on.
    expect(tab().defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(document.body);
    document.body.append(p.afterSecond);
    expect(tab().defaultPrevented).toBe(false);
  });

  it("goes on from the last card's term when another card opened and closed meanwhile", () => {
    const p = page();
    p.escapeFrom('large language model');
    // The next card, opened by command and closed without the focus going into it.
    p.show('token');
    key('Escape');
    expect(card()).toBeNull();
    expect(tab().defaultPrevented).toBe(true);
    expect(focusedName()).toBe('afterSecond');
  });

  it('leaves Tab to the browser once the reader moved on', () => {
    const p = page();
    const leftAlone = (how: string, moveOn: () => void) => {
      p.escapeFrom();
      moveOn();
      const e = tab();
      expect(e.defaultPrevented, how).toBe(false);
      (document.activeElement as HTMLElement | null)?.blur();
    };
    // A press (it sets the browser's starting point where it lands).
    leftAlone('press', () => document.body.dispatchEvent(new Event('pointerdown', { bubbles: true })));
    // The focus went somewhere and came back.
    leftAlone('focus', () => {
      p.top.focus();
      p.top.blur();
    });
    // The window lost the focus (the find bar, the address bar), or a fragment was followed.
    leftAlone('window blur', () => window.dispatchEvent(new Event('blur')));
    leftAlone('fragment', () => window.dispatchEvent(new Event('hashchange')));
    // The term left the page.
    leftAlone('term removed', () => p.first.remove());
  });

  it('leaves a Tab the page took, or one with a modifier, to the page', () => {
    const p = page();
    p.escapeFrom();
    const withCtrl = new KeyboardEvent('keydown', { key: 'Tab', ctrlKey: true, bubbles: true, cancelable: true });
    document.body.dispatchEvent(withCtrl);
    expect(withCtrl.defaultPrevented).toBe(false);
    // A listener of the page's took this one (and so, the next is the browser's too).
    const takeTab = (e: KeyboardEvent) => e.key === 'Tab' && e.preventDefault();
    document.addEventListener('keydown', takeTab);
    try {
      tab();
      expect(document.activeElement).toBe(document.body);
    } finally {
      document.removeEventListener('keydown', takeTab);
    }
    expect(tab().defaultPrevented).toBe(false);
  });

  it('goes on from the term of a card the pointer opened meanwhile', () => {
    const p = page();
    p.escapeFrom('token');
    // The pointer rests on the first term until its card opens.
    move(LLM_BOX.left + 10, LLM_BOX.top + 5);
    vi.advanceTimersByTime(SETTINGS.hoverDelayMs + 50);
    expect(shownTerm()).toBe('large language model');
    expect(tab().defaultPrevented).toBe(true);
    expect(focusedName()).toBe('afterFirst');
  });

  it('leaves Tab alone in an editable document', () => {
    const p = page();
    p.escapeFrom();
    document.body.contentEditable = 'true';
    try {
      expect(tab().defaultPrevented).toBe(false);
    } finally {
      document.body.removeAttribute('contenteditable');
    }
  });

  it('a click that closes a card holding the focus leaves Tab to the browser', () => {
    const p = page();
    p.show('large language model');
    tab();
    expect(document.activeElement).toBe(host());
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, clientX: 700, clientY: 700 }));
    vi.runOnlyPendingTimers();
    expect(card()).toBeNull();
    expect(tab().defaultPrevented).toBe(false);
  });

  it('takes no Tab once Termlight is turned off', () => {
    const p = page();
    p.escapeFrom();
    stop();
    expect(tab().defaultPrevented).toBe(false);
  });

  // Shift+Tab, back from the term, is for the browsers to show: the DOM used here walks back wrongly.
});
