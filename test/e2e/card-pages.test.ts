import { afterEach, describe, expect, it } from 'vitest';
import {
  clickInCard,
  cardOnTop,
  clickRelated,
  closeOpened,
  commandsFor,
  DEMO,
  hoverUntilCard,
  openPage,
  pointAt,
  readCard,
  waitForCard,
  waitForNoCard,
} from './support/card-page';
import type { TestPage } from './support/browsers';
import { BROWSERS, useBrowser } from './support/suite';

/*
 * The card on pages that make it hard: the browser's top layer (modal dialogs, popovers, a
 * component's dialog), a page zoomed with CSS, printing, a page that stops pointer events, and
 * readers who go by the keyboard.
 */

const TOP_LAYER = '/fixtures/card/top-layer.html';

const HIDDEN = '/fixtures/card/keyboard-hidden.html';

/** Where the term keyboard navigation marked current is, and what the page shows at its middle. */
const currentTerm = (page: TestPage) =>
  page.evaluate(() => {
    const name = [...CSS.highlights.keys()].find((k) => k.startsWith('termlight-current'));
    const marked = name ? ([...CSS.highlights.get(name)!][0] as AbstractRange | undefined) : undefined;
    if (!marked) return null;
    const range = document.createRange();
    range.setStart(marked.startContainer, marked.startOffset);
    range.setEnd(marked.endContainer, marked.endOffset);
    const r = range.getClientRects()[0]!;
    const at = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
    const holder = range.startContainer.parentElement!;
    return {
      top: r.top,
      headerBottom: document.querySelector('header')!.getBoundingClientRect().bottom,
      seen: !!at && holder.contains(at) || at === holder,
      inHidden: !!holder.closest('.drawer, .sr-only'),
    };
  });

describe.each(BROWSERS)('%s: the card on demanding pages', (name) => {
  const env = useBrowser(name);
  afterEach(closeOpened);

  it('is dark over a dark wrapper on a page that paints no background of its own', async () => {
    const page = await openPage(env, '/fixtures/engine/dark-wrapper.html');
    await hoverUntilCard(page, 'large language model', 'main p');
    const theme = await page.evaluate(() => document.querySelector('termlight-host')!.shadowRoot!.querySelector<HTMLElement>('.card')!.dataset.theme);
    expect(theme).toBe('dark');
  });

  it("on a right-to-left page in another language, runs and speaks in its own: left to right, in English", async () => {
    const page = await openPage(env, '/fixtures/card/rtl.html');
    await hoverUntilCard(page, 'RLHF', 'main p');
    const seen = await page.evaluate(() => {
      const card = document.querySelector('termlight-host')!.shadowRoot!.querySelector<HTMLElement>('.card')!;
      const definition = card.querySelector<HTMLElement>('.definition')!;
      const more = card.querySelector<HTMLElement>('.more')!.getBoundingClientRect();
      const box = card.getBoundingClientRect();
      return {
        direction: getComputedStyle(card).direction,
        lang: card.closest('[lang]')?.getAttribute('lang'),
        definitionLang: definition.lang,
        // Laid out from the left: "More" starts at the card's left padding, not its right.
        moreFromLeft: more.left - box.left < box.right - more.right,
      };
    });
    expect(seen).toEqual({ direction: 'ltr', lang: 'en', definitionLang: 'en', moreFromLeft: true });
  });

  it('in a window too short for it, scrolls with its foot kept in view, and shows there is more', async () => {
    // The term at the top of the window, and the card below it in what room is left.
    const page = await openPage(env, '/fixtures/card/short-window.html');
    await page.setViewport(640, 260);
    await hoverUntilCard(page, 'RLHF');
    const seen = () =>
      page.evaluate(() => {
        const card = document.querySelector('termlight-host')!.shadowRoot!.querySelector<HTMLElement>('.card')!;
        const shown = (part: string) => {
          const r = card.querySelector<HTMLElement>(part)!.getBoundingClientRect();
          const box = card.getBoundingClientRect();
          // Its first line inside the card's box, and what the reader would press or read there.
          const hit = card.getRootNode() as ShadowRoot;
          const line = Math.min(r.bottom, r.top + 16);
          return r.top >= box.top && line <= box.bottom && !!hit.elementFromPoint(r.left + 4, (r.top + line) / 2)?.closest(part);
        };
        const box = card.getBoundingClientRect();
        return {
          scrolls: card.scrollHeight > card.clientHeight + 20,
          fits: box.top >= 0 && box.bottom <= innerHeight,
          open: shown('.open'),
          definition: shown('.definition'),
          more: card.hasAttribute('data-more'),
        };
      });
    const toEnd = async () => {
      await page.evaluate(() => {
        const card = document.querySelector('termlight-host')!.shadowRoot!.querySelector<HTMLElement>('.card')!;
        card.scrollTop = card.scrollHeight;
      });
      await page.waitFor(() => !document.querySelector('termlight-host')!.shadowRoot!.querySelector('.card')!.hasAttribute('data-more'));
    };
    expect(await seen()).toEqual({ scrolls: true, fits: true, open: true, definition: true, more: true });
    // Each control the keyboard reaches is scrolled into view above the foot, not behind it.
    const hidden = await page.evaluate(() => {
      const card = document.querySelector('termlight-host')!.shadowRoot!.querySelector<HTMLElement>('.card')!;
      const footTop = () => card.querySelector('.foot')!.getBoundingClientRect().top;
      return [...card.querySelectorAll<HTMLElement>('button')].flatMap((control) => {
        control.focus();
        const r = control.getBoundingClientRect();
        return r.bottom > footTop() + 1 && !control.closest('.foot') ? [control.textContent] : [];
      });
    });
    expect(hidden).toEqual([]);
    await toEnd();
    expect(await seen()).toMatchObject({ scrolls: true, fits: true, open: true, more: false });
    // With room for little more than the foot, the definition comes first.
    await page.setViewport(320, 190);
    await hoverUntilCard(page, 'RLHF');
    expect(await seen()).toEqual({ scrolls: true, fits: true, open: false, definition: true, more: true });
    await toEnd();
    expect(await seen()).toMatchObject({ open: true, more: false });
  });

  it("is pressed without closing a page's menu that closes on a press outside it, or taking the focus", async () => {
    const page = await openPage(env, '/fixtures/card/dropdown.html');
    await page.evaluate(() => document.getElementById('field')!.focus());
    const { box } = await hoverUntilCard(page, 'RLHF', '#menu');
    await page.mouseMove(box.left + 30, box.top + box.height / 2);
    await new Promise((r) => setTimeout(r, 100));
    const definition = await page.evaluate(() => {
      const r = document.querySelector('termlight-host')!.shadowRoot!.querySelector('.definition')!.getBoundingClientRect();
      return { x: r.left + 20, y: r.top + 6 };
    });
    await page.mouseMove(definition.x, definition.y);
    await page.click(definition.x, definition.y);
    const after = () => page.evaluate(() => ({
      menuOpen: !document.getElementById('menu')!.hidden,
      outsidePresses: (window as unknown as { outsidePresses: number }).outsidePresses,
      blurs: (window as unknown as { blurs: number }).blurs,
      focused: document.activeElement?.id,
      notesOpen: document.querySelector('termlight-host')!.shadowRoot!.querySelector('.notes')?.hasAttribute('hidden') === false,
    }));
    expect(await after()).toEqual({ menuOpen: true, outsidePresses: 0, blurs: 0, focused: 'field', notesOpen: false });
    // A button takes the focus, as buttons do; the menu stays open.
    await clickInCard(page, '.more');
    expect(await after()).toMatchObject({ menuOpen: true, outsidePresses: 0, notesOpen: true });
  });

  it('goes by the keyboard only to terms a reader can see: not into a closed menu or screen-reader text', async () => {
    const page = await openPage(env, HIDDEN);
    const { navigate } = await commandsFor(env, page);
    for (let i = 0; i < 3; i++) {
      expect(await navigate('next')).toEqual([true]);
      await waitForCard(page);
      expect(await currentTerm(page)).toMatchObject({ inHidden: false, seen: true });
    }
  });

  it('brings each term it goes to out from under a sticky header', async () => {
    const page = await openPage(env, HIDDEN);
    // A term of the page's own text just under the header: the first one "next" goes to.
    await page.evaluate(() => {
      const text = document.getElementById('p9')!.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, text.data.indexOf('RLHF'));
      range.setEnd(text, text.data.indexOf('RLHF') + 4);
      scrollBy(0, range.getBoundingClientRect().top - 60);
    });
    const { navigate } = await commandsFor(env, page);
    const covered: string[] = [];
    for (let i = 0; i < 6; i++) {
      expect(await navigate(i < 3 ? 'next' : 'previous')).toEqual([true]);
      const term = await currentTerm(page);
      if (!term || !term.seen || term.top < term.headerBottom) covered.push(JSON.stringify(term));
    }
    expect(covered).toEqual([]);
  });

  it("opens on a page that stops the pointer's events at the window for its own use", async () => {
    const page = await openPage(env, DEMO);
    await page.evaluate(() => {
      for (const type of ['pointermove', 'pointerdown', 'click']) window.addEventListener(type, (e) => e.stopPropagation(), true);
    });
    expect((await hoverUntilCard(page, 'foundation model', 'main p')).term).toBe('foundation model');
    await page.click(5, 5);
    await waitForNoCard(page);
  });

  it('keeps its card out of the Tab order when the link is the last stop on the page', async () => {
    const page = await openPage(env, '/fixtures/card/keyboard-last.html');
    const inCard = () => page.evaluate(() => document.activeElement?.localName === 'termlight-host');
    await page.press('Tab');
    await page.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('last');
    await waitForCard(page);
    // As after any last stop, Tab leaves the page: it does not go through the card's buttons.
    await page.press('Tab');
    expect(await inCard()).toBe(false);
    await waitForNoCard(page);
  });

  it('follows the focus from term link to term link inside one component', async () => {
    const page = await openPage(env, '/fixtures/card/keyboard-shadow.html');
    const focused = () => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id ?? '');
    await page.press('Tab');
    expect(await focused()).toBe('rlhf');
    await waitForCard(page);
    expect((await readCard(page))?.term).toBe('RLHF');
    await page.press('Tab');
    expect(await focused()).toBe('tuning');
    await page.waitFor(() => document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card .term')?.textContent === 'foundation model');
    await page.press('Tab');
    expect(await focused()).toBe('plain');
    await waitForNoCard(page);
  });

  it("keeps a focused link's card open while the reader clicks into it and tabs through it", async () => {
    const page = await openPage(env, '/fixtures/card/keyboard.html');
    await page.press('Tab');
    await waitForCard(page);
    await clickInCard(page, 'button');
    await page.press('Tab');
    const inCard = () => page.evaluate(() => document.activeElement?.localName === 'termlight-host');
    expect(await inCard()).toBe(true);
    // Well past the hide delay: moving between its buttons is not leaving the term.
    await new Promise((r) => setTimeout(r, 900));
    expect((await readCard(page))?.term).toBe('RLHF');
  });

  it('opens for a link reached with Tab, says it, and leaves Tab to the page', async () => {
    const page = await openPage(env, '/fixtures/card/keyboard.html');
    const focused = () =>
      page.evaluate(() => {
        const host = document.querySelector('termlight-host');
        const active = document.activeElement;
        return active === host ? `card: ${host!.shadowRoot!.activeElement?.textContent?.trim()}` : (active?.id ?? '');
      });
    const live = () => page.evaluate(() => document.querySelector('termlight-host')?.shadowRoot?.querySelector('[aria-live]')?.textContent ?? '');
    await page.press('Tab');
    expect(await focused()).toBe('first');
    await waitForCard(page);
    const card = (await readCard(page))!;
    expect(card.term).toBe('RLHF');
    // A screen reader on the link hears the card, as it would a tooltip.
    await page.waitFor(() => !!document.querySelector('termlight-host')?.shadowRoot?.querySelector('[aria-live]')?.textContent);
    expect(await live()).toBe(`RLHF. ${card.definition}`);
    // Tab goes on through the page, not through the card; the card goes with the focus.
    await page.press('Tab');
    expect(await focused()).toBe('plain');
    await waitForNoCard(page);
    expect(await live()).toBe('');
    await page.press('Shift+Tab');
    expect(await focused()).toBe('first');
    await waitForCard(page);
    // Back on the link after leaving it, its card opens again, after Escape too.
    await page.press('Escape');
    await waitForNoCard(page);
    await page.press('Tab');
    await page.press('Shift+Tab');
    await waitForCard(page);
    expect((await readCard(page))?.term).toBe('RLHF');
    // Moving on before the card could open leaves no card behind.
    await page.press('Escape');
    await waitForNoCard(page);
    await page.press('Tab');
    await page.press('Shift+Tab');
    await page.press('Tab');
    expect(await focused()).toBe('plain');
    await new Promise((r) => setTimeout(r, 600));
    expect(await readCard(page)).toBeNull();
    // A container that holds terms opens nothing either.
    await page.press('Tab');
    expect(await focused()).toBe('scroller');
    await new Promise((r) => setTimeout(r, 600));
    expect(await readCard(page)).toBeNull();
  });



  it("shows above a modal dialog, stays usable there, and leaves the dialog's Escape to it", async () => {
    const page = await openPage(env, TOP_LAYER);
    // The page dims whatever it puts in the top layer; an open card must not dim the page.
    await hoverUntilCard(page, 'foundation model', '#outside');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('termlight-host')!, '::backdrop').display)).toBe('none');
    await page.mouseMove(5, 5);
    await waitForNoCard(page);

    await page.evaluate(() => (document.getElementById('dlg') as HTMLDialogElement).showModal());
    await hoverUntilCard(page, 'foundation model', '#inside');
    expect(await cardOnTop(page)).toBe(true);
    // Usable: the related-term buttons answer the pointer, though the page outside is inert.
    await clickRelated(page);
    // The first Escape closes the card the reader sees; the next is the dialog's.
    await page.press('Escape');
    await waitForNoCard(page);
    expect(await page.evaluate(() => (document.getElementById('dlg') as HTMLDialogElement).open)).toBe(true);
    // Closed, the card leaves no trace in the dialog, nor anything in the top layer.
    const trace = await page.evaluate(() => ({
      last: document.getElementById('dlg')!.lastElementChild!.id,
      margin: getComputedStyle(document.getElementById('last')!).marginBottom,
      inTopLayer: document.querySelectorAll(':popover-open').length,
    }));
    expect(trace).toEqual({ last: 'last', margin: '77px', inTopLayer: 0 });
    await page.press('Escape');
    await page.waitFor(() => !(document.getElementById('dlg') as HTMLDialogElement).open);
    // With the dialog gone, a card on the page outside shows as before.
    await hoverUntilCard(page, 'foundation model', '#outside');
    expect(await cardOnTop(page)).toBe(true);
  });

  it("is usable over a component's own modal dialog, in its shadow root", async () => {
    const page = await openPage(env, TOP_LAYER);
    await page.evaluate(() => (document.getElementById('component') as HTMLElement & { open(): void }).open());
    await page.waitFor(() => {
      let n = 0;
      for (const [, h] of CSS.highlights) for (const r of h) if (r.startContainer.getRootNode() !== document) n++;
      return n > 0;
    });
    const p = await pointAt(page, 'foundation model', '#component >>> #inshadow');
    await page.mouseMove(p.x, p.y);
    // The card joins the component's dialog, the one place outside of which the page is inert.
    await page.waitFor(() => !!document.getElementById('component')!.shadowRoot!.querySelector('termlight-host')?.shadowRoot?.querySelector('.card'));
    const chip = await page.evaluate(() => {
      const host = document.getElementById('component')!.shadowRoot!.querySelector('termlight-host')!;
      const b = host.shadowRoot!.querySelector<HTMLElement>('.related button')!;
      const r = b.getBoundingClientRect();
      const box = host.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, term: b.textContent, onTop: top === document.getElementById('component') };
    });
    expect(chip.onTop).toBe(true);
    await page.mouseMove(chip.x, chip.y);
    await page.click(chip.x, chip.y);
    await page.waitFor(
      (term) => document.getElementById('component')!.shadowRoot!.querySelector('termlight-host')?.shadowRoot?.querySelector('.term')?.textContent === term,
      chip.term,
    );
  });

  it("keeps a page's menu open while the reader uses a card on a term in it", async () => {
    const page = await openPage(env, TOP_LAYER);
    await page.evaluate(() => document.getElementById('menu')!.showPopover());
    await hoverUntilCard(page, 'foundation model', '#inmenu');
    await clickRelated(page);
    expect(await page.evaluate(() => document.getElementById('menu')!.matches(':popover-open'))).toBe(true);
  });

  it('shows above a popover the page opened, even one opened after the card', async () => {
    const page = await openPage(env, TOP_LAYER);
    await page.evaluate(() => document.getElementById('pop')!.showPopover());
    await hoverUntilCard(page, 'foundation model', '#inpop');
    expect(await cardOnTop(page)).toBe(true);
    await page.mouseMove(600, 700);
    await waitForNoCard(page);
    // The page puts its popover on top again; the next card goes above it all the same.
    await page.evaluate(() => {
      const pop = document.getElementById('pop')!;
      pop.hidePopover();
      pop.showPopover();
    });
    await hoverUntilCard(page, 'RLHF', '#inpop');
    expect(await cardOnTop(page)).toBe(true);
  });

  it('sits beside its term, at its usual size, on a page that zooms itself with CSS', async () => {
    const plain = await openPage(env, DEMO);
    const usual = (await hoverUntilCard(plain, 'foundation model', 'main p')).box.width;
    const page = await openPage(env, '/fixtures/card/zoomed.html');
    const term = await pointAt(page, 'foundation model', '#zoomed');
    const card = await hoverUntilCard(page, 'foundation model', '#zoomed');
    const view = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    // Just below the term (the pointer is at its middle), within the window, not scaled up.
    expect(card.box.top).toBeGreaterThan(term.y);
    expect(card.box.top).toBeLessThan(term.y + 60);
    expect(card.box.top + card.box.height).toBeLessThanOrEqual(view.height);
    expect(Math.abs(card.box.left - term.x)).toBeLessThan(card.box.width);
    expect(card.box.width).toBeCloseTo(usual, -1);
  });
});
