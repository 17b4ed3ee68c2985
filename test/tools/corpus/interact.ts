import type { DrivenPage } from './drive';
import { pageInitSource } from './page-init';
import type { Sweep } from './sweep';

/*
 * What the hostile-page tests do to a page as a reader would: open it, wait for the terms,
 * hover one, read the card. Page-side code is passed as source text (`DrivenPage.evaluate`),
 * so it runs the same through Playwright and Puppeteer.
 */

/**
 * Wraps a synchronous expression so that a page which counts the callers of built-ins
 * (`redefined.html`) does not count the test's own reading; anything Termlight calls in the
 * meantime still counts.
 */
export const unseen = (expression: string) =>
  `(() => { const was = window.hostilePaused; window.hostilePaused = true; try { return ${expression}; } finally { window.hostilePaused = was; } })()`;

/** Polls `expression` in the page until it is truthy; returns its value. */
export async function waitFor<R>(page: DrivenPage, expression: string, timeoutMs = 5000): Promise<R> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await page.evaluate<R>(unseen(expression)).catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression.slice(0, 120)}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** The text under every range Termlight painted in this document. */
export const PAINTED = `(() => {
  const texts = [];
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('termlight-') || name.startsWith('termlight-current-')) continue;
    for (const r of h) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      texts.push(range.toString());
    }
  }
  return texts;
})()`;

export const paintedTexts = (page: DrivenPage) => page.evaluate<string[]>(unseen(PAINTED));

/** Opens a test-server page in the browser with Termlight and waits until it painted `min` terms. */
export async function openPainted(sweep: Sweep, path: string, min = 1, init = ''): Promise<DrivenPage> {
  const page = await sweep.withTermlight.newPage(pageInitSource + init);
  await page.goto(sweep.server.origin + path);
  await waitFor(page, `${PAINTED}.length >= ${min}`, 10_000);
  return page;
}

export interface CardInfo {
  term: string;
  definition: string;
  box: { left: number; top: number; width: number; height: number };
  /** Where the card was put (its box can be mid-animation). */
  placed: string;
}

/**
 * The open card as a reader sees it, read from the host's open shadow root. Runs in the page:
 * it refers to nothing outside itself, so both drivers can send it, as a function or as source.
 */
export function cardInPage(): CardInfo | null {
  const card = document.querySelector('termlight-host')?.shadowRoot?.querySelector<HTMLElement>('.card');
  if (!card) return null;
  const r = card.getBoundingClientRect();
  return {
    term: card.querySelector('.term')?.textContent ?? '',
    definition: card.querySelector('.definition')?.textContent ?? '',
    box: { left: r.left, top: r.top, width: r.width, height: r.height },
    placed: `${card.style.left},${card.style.top}`,
  };
}

const READ_CARD = `(${cardInPage.toString()})()`;

export const readCard = (page: DrivenPage) => page.evaluate<CardInfo | null>(unseen(READ_CARD));

/** Centre of the first place the text under `scope` reads `phrase`, scrolled on screen. */
export function pointAt(page: DrivenPage, phrase: string, scope = 'body'): Promise<{ x: number; y: number }> {
  return page.evaluate(unseen(`(() => {
    const phrase = ${JSON.stringify(phrase)};
    const root = document.querySelector(${JSON.stringify(scope)});
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(phrase);
      if (i < 0) continue;
      n.parentElement.scrollIntoView({ block: 'center', behavior: 'instant' });
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + phrase.length);
      const r = range.getClientRects()[0];
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error('no "' + phrase + '" on the page');
  })()`));
}

/** Rests the pointer on `phrase` until the card opens; returns the card. */
export async function hoverUntilCard(page: DrivenPage, phrase: string, scope?: string): Promise<CardInfo> {
  const p = await pointAt(page, phrase, scope);
  // Arrive from a little way off, as a pointer does: the card opens on a hover that rests.
  await page.mouseMove(p.x - 30, p.y + 30);
  await page.mouseMove(p.x, p.y);
  await waitFor(page, READ_CARD, 4000);
  return (await readCard(page)) as CardInfo;
}
