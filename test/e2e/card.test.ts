import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeMessage } from '../../src/core/messages';
import type { TestPage } from './support/browsers';
import { BROWSERS, useBrowser } from './support/suite';

const DEMO = '/fixtures/demo/foundation-models.html';
const HOSTILE = '/fixtures/card/hostile.html';
const TOP_LAYER = '/fixtures/card/top-layer.html';

interface CardInfo {
  term: string;
  definition: string;
  box: { left: number; top: number; width: number; height: number };
  /** Where the card was put (its box can be mid-animation). */
  placed: string;
}

/** The open card as a reader sees it, read from the host's open shadow root. */
function readCard(page: TestPage): Promise<CardInfo | null> {
  return page.evaluate(() => {
    const card = document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card');
    if (!card) return null;
    const r = card.getBoundingClientRect();
    return {
      term: card.querySelector('.term')?.textContent ?? '',
      definition: card.querySelector('.definition')?.textContent ?? '',
      box: { left: r.left, top: r.top, width: r.width, height: r.height },
      placed: `${(card as HTMLElement).style.left},${(card as HTMLElement).style.top}`,
    };
  });
}

const waitForCard = (page: TestPage, timeoutMs = 3000) =>
  page.waitFor(() => !!document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card'), undefined, timeoutMs);
const waitForNoCard = (page: TestPage) =>
  page.waitFor(() => !document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card'));

/** Centre of the first place the page text reads `phrase` (inside `scope`), scrolled on screen. */
/** `scope` is a selector; `host >>> inner` looks inside the open shadow root of `host`. */
function pointAt(page: TestPage, phrase: string, scope = 'body'): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ phrase, scope }) => {
      const [outer, inner] = scope.split(' >>> ');
      const root = inner ? document.querySelector(outer!)!.shadowRoot!.querySelector(inner)! : document.querySelector(scope)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.nodeValue ?? '').indexOf(phrase);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + phrase.length);
        (n.parentElement as Element).scrollIntoView({ block: 'center', behavior: 'instant' });
        const r = range.getClientRects()[0]!;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      throw new Error(`no "${phrase}" on the page`);
    },
    { phrase, scope },
  );
}

/** Pages opened by the running test: closed after it even when it fails half-way. */
const opened: TestPage[] = [];

/** Opens a page and waits until the engine has marked its terms. */
async function openPage(env: ReturnType<typeof useBrowser>, path: string): Promise<TestPage> {
  const page = await env.browser.newPage();
  opened.push(page);
  await page.goto(env.server.origin + path);
  await page.waitFor(() => {
    let n = 0;
    for (const [, h] of CSS.highlights) n += h.size;
    return n > 0;
  });
  return page;
}

/** The page's markup without Termlight's host: what the page itself owns. */
const pageMarkup = (page: TestPage) =>
  page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as Element;
    copy.querySelectorAll('termlight-host').forEach((h) => h.remove());
    return copy.outerHTML;
  });

async function hoverUntilCard(page: TestPage, phrase: string, scope?: string): Promise<CardInfo> {
  const p = await pointAt(page, phrase, scope);
  await page.mouseMove(p.x, p.y);
  await waitForCard(page);
  return (await readCard(page))!;
}

describe.each(BROWSERS)('%s: the definition card', (name) => {
  const env = useBrowser(name);
  // A page left open would answer the keyboard test's messages too.
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close().catch(() => undefined);
  });

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
    expect(shown - arrived).toBeGreaterThanOrEqual(280);
    expect(shown - arrived).toBeLessThan(1500);
    const card = (await readCard(page))!;
    expect(card.term).toBe('foundation model');
    expect(card.definition).toMatch(/^A very large, general-purpose AI model/);
    // Below the term, clear of it.
    expect(card.box.top).toBeGreaterThan(p.y);
    await page.close();
  });

  // Firefox's driver cannot render a page for print.
  it.skipIf(name === 'firefox')('is left off a printed page, as are the marks', async () => {
    const page = await openPage(env, DEMO);
    await hoverUntilCard(page, 'foundation model', 'main p');
    await page.emulateMedia!('print');
    const printed = await page.evaluate(() => {
      const host = document.querySelector('termlight-host')!;
      const card = host.shadowRoot!.querySelector('.card')!;
      return { host: getComputedStyle(host).display, cardBox: card.getBoundingClientRect().width };
    });
    expect(printed).toEqual({ host: 'none', cardBox: 0 });
    await page.emulateMedia!('screen');
    expect((await readCard(page))?.term).toBe('foundation model');
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
    const more = await page.evaluate(() => {
      const b = document.querySelector('termlight-host')!.shadowRoot!.querySelector<HTMLElement>('.more')!;
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouseMove(more.x, more.y);
    await page.click(more.x, more.y);
    const first = await page.waitFor(() => document.querySelector('termlight-host')?.shadowRoot?.querySelector('.notes p')?.textContent);
    expect(first).toBe('Notes from “What is a foundation model?”');
  });

  it('opens for a link reached with Tab, lets Tab into the card and back out to the page', async () => {
    const page = await openPage(env, '/fixtures/card/keyboard.html');
    const focused = () =>
      page.evaluate(() => {
        const host = document.querySelector('termlight-host');
        const active = document.activeElement;
        return active === host ? `card: ${host!.shadowRoot!.activeElement?.textContent?.trim()}` : (active?.id ?? '');
      });
    await page.press('Tab');
    expect(await focused()).toBe('first');
    await waitForCard(page);
    expect((await readCard(page))?.term).toBe('RLHF');
    // Into the card, through its buttons, and out again where the reader was.
    await page.press('Tab');
    expect(await focused()).toMatch(/^card: .*More/);
    let steps = 0;
    while ((await focused()).startsWith('card:') && steps++ < 20) await page.press('Tab');
    expect(await focused()).toBe('first');
    await waitForNoCard(page);
    // The next Tab goes on through the page; a link with no term opens nothing, nor does a
    // container that holds terms.
    for (const id of ['plain', 'scroller']) {
      await page.press('Tab');
      expect(await focused()).toBe(id);
      await new Promise((r) => setTimeout(r, 600));
      expect(await readCard(page)).toBeNull();
    }
  });

  it('switches to a related term from its button', async () => {
    const page = await openPage(env, DEMO);
    await hoverUntilCard(page, 'foundation model', 'main p');
    const chip = await page.evaluate(() => {
      const b = document.querySelector('termlight-host')!.shadowRoot!.querySelector<HTMLElement>('.related button')!;
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, term: b.textContent };
    });
    await page.mouseMove(chip.x, chip.y);
    await page.click(chip.x, chip.y);
    await page.waitFor((term) => document.querySelector('termlight-host')?.shadowRoot?.querySelector('.term')?.textContent === term, chip.term);
    expect((await readCard(page))?.definition).not.toMatch(/^A very large, general-purpose AI model/);
    await page.close();
  });

  /** Whether the card is what the reader sees at its own centre, above everything else. */
  const cardOnTop = (page: TestPage) =>
    page.evaluate(() => {
      const host = document.querySelector('termlight-host')!;
      const r = host.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === host;
    });

  /** Clicks the card's first related term, and waits for its card. */
  async function clickRelated(page: TestPage): Promise<void> {
    const chip = await page.evaluate(() => {
      const b = document.querySelector('termlight-host')!.shadowRoot!.querySelector<HTMLElement>('.related button')!;
      const r = b.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, term: b.textContent };
    });
    await page.mouseMove(chip.x, chip.y);
    await page.click(chip.x, chip.y);
    await page.waitFor((term) => document.querySelector('termlight-host')?.shadowRoot?.querySelector('.term')?.textContent === term, chip.term);
  }

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

  it('moves through the terms with the keyboard commands', async () => {
    const page = await openPage(env, DEMO);
    // The commands reach the page as the background sends them, here from an extension page.
    const sender = await env.browser.newPage();
    await sender.goto(env.browser.extensionUrl('options.html'));
    await sender.waitFor(() => typeof chrome !== 'undefined' && !!chrome.tabs);
    // Only to the demo page's tab, as the background sends a command to the active tab: pages
    // other tests left open would answer too.
    const url = await page.evaluate(() => location.href);
    const navigate = (direction: 'next' | 'previous') =>
      sender.evaluate(async ({ message, ask, url }) => {
        const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome);
        const answers = [];
        for (const tab of await api.tabs.query({})) {
          const report = await api.tabs.sendMessage(tab.id!, ask, { frameId: 0 }).catch(() => null);
          if (report?.url === url) answers.push(await api.tabs.sendMessage(tab.id!, message, { frameId: 0 }));
        }
        return answers;
      }, { message: makeMessage('navigate-term', { direction }), ask: makeMessage('get-page-terms', {}), url });

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
    await sender.close();
    await page.close();
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
