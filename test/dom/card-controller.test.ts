import { describe, expect, it, vi } from 'vitest';
import { SAMPLE_ENTRIES } from '../fixtures/card/sample-entries';
import { card, host, key, move, setup, shownTerm, signal, stop, useCardPage } from './card-harness';

useCardPage();

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

  it.each([
    ['a text field', '<input id="field">'],
    ['an editor', '<div id="field" contenteditable="true">notes</div>'],
  ])('closes a hover card on Escape typed in %s, and leaves that Escape to it', (_, markup) => {
    const { controller } = setup();
    document.body.insertAdjacentHTML('beforeend', markup);
    const field = document.getElementById('field')!;
    field.focus();
    const fieldSaw = vi.fn();
    field.addEventListener('keydown', fieldSaw);
    move(150, 105);
    vi.advanceTimersByTime(300);
    expect(card()).not.toBeNull();
    const e = key('Escape', field);
    expect(card()).toBeNull();
    expect(e.defaultPrevented).toBe(false);
    expect(fieldSaw).toHaveBeenCalledTimes(1);
    // A card the reader asked for takes the Escape, wherever the focus is.
    controller.showFor(0);
    const asked = key('Escape', field);
    expect(card()).toBeNull();
    expect(asked.defaultPrevented).toBe(true);
    expect(fieldSaw).toHaveBeenCalledTimes(1);
  });

  it('takes an Escape pressed on a checkbox: that is no typing', () => {
    setup();
    document.body.insertAdjacentHTML('beforeend', '<input id="box" type="checkbox">');
    const box = document.getElementById('box')!;
    box.focus();
    move(150, 105);
    vi.advanceTimersByTime(300);
    const e = key('Escape', box);
    expect(card()).toBeNull();
    expect(e.defaultPrevented).toBe(true);
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

  it("speaks and runs in the interface's language, not the page's; glossary text in the glossary's", () => {
    document.documentElement.lang = 'ar';
    document.documentElement.dir = 'rtl';
    try {
      const { controller } = setup({}, { glossaryLanguage: () => 'en-GB' });
      controller.showFor(0);
      const root = host()!.shadowRoot!;
      const live = root.querySelector('[role="status"]')!;
      for (const element of [card()!.parentElement!, live]) {
        expect([element.getAttribute('lang'), element.getAttribute('dir')]).toEqual(['en', 'ltr']);
      }
      for (const part of ['.term', '.definition']) {
        const element = card()!.querySelector(part)!;
        expect([element.getAttribute('lang'), element.getAttribute('dir')]).toEqual(['en-GB', 'auto']);
      }
    } finally {
      document.documentElement.removeAttribute('lang');
      document.documentElement.removeAttribute('dir');
    }
  });

  it('takes the language and direction a translation names for itself', () => {
    const translated: Record<string, string> = { cardLanguage: 'he', cardDirection: 'rtl' };
    setup({}, { getMessage: (k) => translated[k] ?? '' }).controller.showFor(0);
    expect([card()!.parentElement!.lang, card()!.parentElement!.dir]).toEqual(['he', 'rtl']);
  });

  it('stays English when a translation names its language with no tag', () => {
    const translated: Record<string, string> = { cardLanguage: 'Deutsch' };
    setup({}, { getMessage: (k) => translated[k] ?? '' }).controller.showFor(0);
    expect(card()!.parentElement!.lang).toBe('en');
  });

  it("changes nothing a page's observer of its document would see when cards open and close again", async () => {
    const { controller } = setup();
    controller.showFor(0);
    key('Escape');
    const seen: string[] = [];
    const observer = new MutationObserver((records) => seen.push(...records.map((r) => `${r.type}:${r.attributeName ?? ''}`)));
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    for (let i = 0; i < 3; i++) {
      move(150, 105);
      vi.advanceTimersByTime(300);
      expect(card()).not.toBeNull();
      key('Escape');
      move(700, 700);
    }
    await Promise.resolve();
    observer.disconnect();
    expect(seen).toEqual([]);
  });

  it("keeps presses on the card from the page's listeners, and the focus where it was", async () => {
    const { controller } = setup();
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    const pageHeard = vi.fn();
    for (const type of ['pointerdown', 'mousedown', 'click', 'contextmenu']) {
      document.addEventListener(type, pageHeard, { signal: signal() });
    }
    controller.showFor(0);
    const definition = card()!.querySelector('.definition')!;
    const down = new MouseEvent('mousedown', { bubbles: true, composed: true, cancelable: true });
    definition.dispatchEvent(down);
    // (A pointerdown is left to the browser tests: this DOM does not retarget it at the window.)
    definition.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    definition.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true }));
    expect(pageHeard).not.toHaveBeenCalled();
    expect(down.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(field);
    // A press on a button is its own: it takes the focus, as buttons do.
    const onButton = new MouseEvent('mousedown', { bubbles: true, composed: true, cancelable: true });
    card()!.querySelector('.more')!.dispatchEvent(onButton);
    expect(onButton.defaultPrevented).toBe(false);
    // The card's own buttons still work.
    card()!.querySelector<HTMLButtonElement>('.more')!.click();
    await vi.waitFor(() => expect(card()!.querySelector('.notes')!.hasAttribute('hidden')).toBe(false));
    // Outside the card, the page hears its presses as ever.
    document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(pageHeard).toHaveBeenCalledTimes(1);
    // A release over the card goes through: it may end a drag the page started.
    const released = vi.fn();
    document.addEventListener('mouseup', released, { signal: signal() });
    definition.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true }));
    expect(released).toHaveBeenCalledTimes(1);
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
    stop();
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
