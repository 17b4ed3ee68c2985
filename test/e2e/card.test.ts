import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  clickInCard,
  clickRelated,
  closeOpened,
  commandsFor,
  DEMO,
  hoverUntilCard,
  openPage,
  pageMarkup,
  pointAt,
  readCard,
  waitForCard,
  waitForNoCard,
  type CardInfo,
} from './support/card-page';
import { BROWSERS, useBrowser } from './support/suite';

const HOSTILE = '/fixtures/card/hostile.html';

describe.each(BROWSERS)('%s: the definition card', (name) => {
  const env = useBrowser(name);
  // A page left open would answer the keyboard test's messages too.
  afterEach(closeOpened);

  it('opens after the hover delay with the right definition, and not before', async () => {
    const page = await openPage(env, DEMO);
    const p = await pointAt(page, 'foundation model', 'main p');
    // Times are taken inside the page: when the pointer arrived, and when the card first drew.
    await page.evaluate(() => {
      const w = window as unknown as { arrived?: number; shown?: number };
      document.addEventListener('pointermove', () => (w.arrived ??= performance.now()), { once: true });
      const check = () => {
        if (document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card')) w.shown = performance.now();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    await page.mouseMove(p.x, p.y);
    await waitForCard(page);
    // The frame that first drew the card may come a little after the card is in the DOM.
    const { arrived, shown } = (await page.waitFor(() => {
      const w = window as unknown as { arrived?: number; shown?: number };
      return w.arrived !== undefined && w.shown !== undefined ? { arrived: w.arrived, shown: w.shown } : null;
    }))!;
    // Not before the delay; how long after it is the machine's business, not a behaviour.
    expect(shown - arrived).toBeGreaterThanOrEqual(280);
    const card = (await readCard(page))!;
    expect(card.term).toBe('foundation model');
    expect(card.definition).toMatch(/^A very large, general-purpose AI model/);
    // Below the term, clear of it.
    expect(card.box.top).toBeGreaterThan(p.y);
    await page.close();
  });

  it('keeps its text out of what the reader selects and copies from the page', async () => {
    const page = await openPage(env, DEMO);
    await hoverUntilCard(page, 'foundation model', 'main p');
    const select = await page.evaluate(() => {
      const card = document.querySelector('termlight-host')!.shadowRoot!.querySelector<HTMLElement>('.card')!;
      return [card, card.querySelector('.definition')!].map((el) => getComputedStyle(el).userSelect);
    });
    expect(select).toEqual(['none', 'none']);
    await page.close();
  });

  it('leaves an Escape typed in an editor to the editor, closing the card the pointer rests on', async () => {
    const page = await openPage(env, DEMO);
    await page.evaluate(() => {
      const editor = document.getElementById('demo-editable')!;
      (window as unknown as { escapes: number }).escapes = 0;
      editor.addEventListener('keydown', (e) => e.key === 'Escape' && (window as unknown as { escapes: number }).escapes++);
      editor.focus();
    });
    await hoverUntilCard(page, 'foundation model', 'main p');
    await page.press('Escape');
    await waitForNoCard(page);
    expect(await page.evaluate(() => (window as unknown as { escapes: number }).escapes)).toBe(1);
    await page.close();
  });

  it('stays while the pointer moves into it, hides when the pointer leaves, closes on Escape', async () => {
    const page = await openPage(env, DEMO);
    const before = await pageMarkup(page);
    const p = await pointAt(page, 'foundation model', 'main p');
    await page.mouseMove(p.x, p.y);
    await waitForCard(page);
    const { box } = (await readCard(page))!;
    const target = { x: box.left + 40, y: box.top + box.height / 2 };
    for (let i = 1; i <= 6; i++) await page.mouseMove(p.x + ((target.x - p.x) * i) / 6, p.y + ((target.y - p.y) * i) / 6);
    await new Promise((r) => setTimeout(r, 900));
    expect((await readCard(page))?.term).toBe('foundation model');

    await page.mouseMove(5, 5);
    await waitForNoCard(page);

    await hoverUntilCard(page, 'foundation model', 'main p');
    await page.press('Escape');
    await waitForNoCard(page);
    // Everything the card did happened inside its own host.
    expect(await pageMarkup(page)).toBe(before);
    expect(await page.evaluate(() => document.querySelectorAll('termlight-host').length)).toBe(1);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('says which article its notes come from', async () => {
    const page = await openPage(env, DEMO);
    await hoverUntilCard(page, 'foundation model', 'main p');
    await clickInCard(page, '.more');
    const first = await page.waitFor(() => document.querySelector('termlight-host')?.shadowRoot?.querySelector('.notes p')?.textContent);
    expect(first).toBe('Notes from “What is a foundation model?”');
  });

  it('keeps More under the pointer when the card sits above its term', async () => {
    const page = await openPage(env, DEMO);
    // A one-line paragraph at the bottom of the window: no room for the card below it.
    const at = await pointAt(page, 'foundation model', 'main', { nth: 6, block: 'end' });
    await page.mouseMove(at.x, at.y);
    await waitForCard(page);
    // Its fade-in moves it by a pixel or two.
    await page.waitFor(() => document.querySelector('termlight-host')!.shadowRoot!.querySelector('.card')!.getAnimations().length === 0);
    const box = (sel: string) =>
      page.evaluate((s) => {
        const el = document.querySelector('termlight-host')!.shadowRoot!.querySelector(s)!;
        const r = el.getBoundingClientRect();
        return { top: Math.round(r.top), bottom: Math.round(r.bottom), placement: (el as HTMLElement).dataset.placement ?? '' };
      }, sel);
    expect((await box('.card')).placement).toBe('above');
    const before = await box('.more');
    await clickInCard(page, '.more');
    await page.waitFor(() => !!document.querySelector('termlight-host')?.shadowRoot?.querySelector('.notes p'));
    const after = await box('.more');
    expect(Math.abs(after.top - before.top)).toBeLessThanOrEqual(1);
    // The notes opened above the button, and the card still leaves its term in sight.
    expect((await box('.notes')).bottom).toBeLessThanOrEqual(after.top);
    expect((await box('.card')).bottom).toBeLessThan(at.y - 5);
    // So a second click, without moving, closes them again.
    await clickInCard(page, '.more');
    await page.waitFor(() => !document.querySelector('termlight-host')?.shadowRoot?.querySelector('.notes p'));
    expect((await box('.more')).top).toBe(before.top);
  });

  it('switches to a related term from its button', async () => {
    const page = await openPage(env, DEMO);
    await hoverUntilCard(page, 'foundation model', 'main p');
    await clickRelated(page);
    expect((await readCard(page))?.definition).not.toMatch(/^A very large, general-purpose AI model/);
    await page.close();
  });

  it('moves through the terms with the keyboard commands', async () => {
    const page = await openPage(env, DEMO);
    const { navigate, sender } = await commandsFor(env, page);

    expect(await navigate('next')).toEqual([true]);
    await waitForCard(page);
    const first = (await readCard(page))!;
    const live = () => page.evaluate(() => document.querySelector('termlight-host')!.shadowRoot!.querySelector('[aria-live]')!.textContent);
    await page.waitFor(() => !!document.querySelector('termlight-host')!.shadowRoot!.querySelector('[aria-live]')!.textContent);
    expect(await live()).toContain(first.definition);

    // The same term can follow itself ("foundation model" twice), so the card's place tells too.
    const at = (c: CardInfo | null) => c && `${c.term} @ ${c.placed}`;
    expect(await navigate('next')).toEqual([true]);
    const second = at(await readCard(page));
    expect(second).not.toBe(at(first));
    expect(await navigate('previous')).toEqual([true]);
    expect(at(await readCard(page))).toBe(at(first));
    // The reader's focus stays on the page, until Tab takes it into the card.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.press('Tab');
    const inCard = await page.evaluate(() => document.querySelector('termlight-host')!.shadowRoot!.activeElement?.localName ?? null);
    expect(inCard).toBe('button');
    // Out past its last button: nothing was focused before, so Tab goes on from the term, to
    // the page's next stop after it, not back to the top or out of the page.
    for (let i = 0; i < 12 && (await page.evaluate(() => document.activeElement?.localName)) === 'termlight-host'; i++) await page.press('Tab');
    await waitForNoCard(page);
    const after = await page.evaluate(() => {
      const el = document.activeElement!;
      const term = [...document.querySelectorAll('main p')].find((p) => p.textContent!.includes('foundation model'))!;
      return { tag: el.localName, follows: (term.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 };
    });
    expect(after).toEqual({ tag: expect.not.stringMatching(/^(body|termlight-host)$/), follows: true });
    await sender.close();
    await page.close();
  });

  it('goes on from the term with Tab and Shift+Tab out of a command card or after Escape, to the stops the browser would take', async () => {
    const page = await openPage(env, '/fixtures/card/keyboard-beside.html');
    const { navigate, sender } = await commandsFor(env, page);
    const focused = () => page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.id || el?.localName || '';
    });
    const inCard = () => page.evaluate(() => document.activeElement?.localName === 'termlight-host');
    /** Leaves nothing focused, inside shadow roots too. */
    const blurAll = () => page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      (el as HTMLElement | null)?.blur();
    });
    /** The command opens the card of the next (previous) term, and Tab moves into it. */
    const tabIntoCard = async (direction: 'next' | 'previous') => {
      expect(await navigate(direction)).toEqual([true]);
      await waitForCard(page);
      await page.press('Tab');
      expect(await inCard()).toBe(true);
    };
    // Nothing has the focus; the command opens the card of the first term.
    await tabIntoCard('next');
    for (let i = 0; i < 12 && (await inCard()); i++) await page.press('Tab');
    // Past the anchor without href, the unseen, the disabled and the inert control, into the
    // component inside a component, as Tab from a link in the term's place would go.
    expect(await focused()).toBe('in-component');
    await waitForNoCard(page);
    // Back again with nothing focused: Shift+Tab out of the card goes to the link before.
    await blurAll();
    expect(await focused()).toBe('body');
    await tabIntoCard('previous');
    await page.press('Shift+Tab');
    expect(await focused()).toBe('before');
    await waitForNoCard(page);

    // With nothing focused again: into the card, Escape, and the next Tab goes on from the term
    // (the browser would start from the card's place at the end of the page, and leave it).
    await blurAll();
    expect(await focused()).toBe('body');
    await tabIntoCard('next');
    await page.press('Escape');
    await waitForNoCard(page);
    expect(await focused()).toBe('body');
    await page.press('Tab');
    expect(await focused()).toBe('in-component');
    // And Shift+Tab, back from the term.
    await blurAll();
    await tabIntoCard('previous');
    await page.press('Escape');
    await waitForNoCard(page);
    await page.press('Shift+Tab');
    expect(await focused()).toBe('before');
    await sender.close();
  });

  it('shows a correct, visible card on a page with hostile CSS', async () => {
    const page = await openPage(env, HOSTILE);
    const before = await pageMarkup(page);
    const card = await hoverUntilCard(page, 'foundation model', '#first');
    expect(card.term).toBe('foundation model');
    expect(card.definition).toMatch(/^A very large, general-purpose AI model/);
    expect(card.box.width).toBeGreaterThan(200);
    expect(card.box.width).toBeLessThanOrEqual(362);
    expect(card.box.height).toBeGreaterThan(80);
    const onTop = await page.evaluate((b) => {
      const vw = document.documentElement.clientWidth || innerWidth;
      const vh = document.documentElement.clientHeight || innerHeight;
      const inside = b.left >= 0 && b.top >= 0 && b.left + b.width <= vw && b.top + b.height <= vh;
      const hit = document.elementFromPoint(b.left + b.width / 2, b.top + 20);
      return inside && hit?.localName === 'termlight-host';
    }, card.box);
    expect(onTop).toBe(true);
    // Let the fade-in finish, so the screenshot shows the card as it stays.
    await page.waitFor(() =>
      document.querySelector('termlight-host')!.shadowRoot!.querySelector('.card')!.getAnimations().every((a) => a.playState !== 'running'),
    );
    await page.screenshot(join(tmpdir(), `termlight-card-hostile-${name}.png`));
    expect(await pageMarkup(page)).toBe(before);
    await page.close();
  });

  it('is styled on a page whose Content-Security-Policy forbids inline styles', async () => {
    const csp = encodeURIComponent("default-src 'none'; style-src 'none'; script-src 'none'");
    const page = await openPage(env, `${DEMO}?csp=${csp}`);
    // The policy is in force: the page's own <style> (body margin 0) was refused.
    expect(await page.evaluate(() => getComputedStyle(document.body).marginTop)).toBe('8px');
    await hoverUntilCard(page, 'foundation model', 'main p');
    const look = await page.evaluate(() => {
      const card = document.querySelector('termlight-host')!.shadowRoot!.querySelector('.card')!;
      const style = getComputedStyle(card);
      return { position: style.position, radius: style.borderTopLeftRadius, background: style.backgroundColor };
    });
    expect(look).toEqual({ position: 'fixed', radius: '8px', background: expect.stringMatching(/^rgb\(/) });
    await page.close();
  });
});
