import { makeMessage } from '../../../src/core/messages';
import { cardInPage, type CardInfo } from '../../tools/corpus/interact';
import type { TestPage } from './browsers';
import type { useBrowser } from './suite';

/*
 * Driving the definition card in a served page, as a reader would: where a phrase is, hovering
 * it, reading the card from the host's open shadow root.
 */

export const DEMO = '/fixtures/demo/foundation-models.html';

export type { CardInfo };

/** The open card as a reader sees it, read from the host's open shadow root. */
export const readCard = (page: TestPage): Promise<CardInfo | null> => page.evaluate(cardInPage);

export const waitForCard = (page: TestPage, timeoutMs = 3000) =>
  page.waitFor(() => !!document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card'), undefined, timeoutMs);
export const waitForNoCard = (page: TestPage) =>
  page.waitFor(() => !document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card'));

/**
 * Centre of the first place (or the text node `nth` after it that has one) where the page text
 * reads `phrase` inside `scope`, scrolled on screen, its element at the `block` edge given (or
 * centred). `scope` is a selector; `host >>> inner` looks inside the open shadow root of `host`.
 */
export function pointAt(
  page: TestPage,
  phrase: string,
  scope = 'body',
  { nth = 0, block = 'center' }: { nth?: number; block?: 'center' | 'end' } = {},
): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ phrase, scope, nth, block }) => {
      const [outer, inner] = scope.split(' >>> ');
      const root = inner ? document.querySelector(outer!)!.shadowRoot!.querySelector(inner)! : document.querySelector(scope)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.nodeValue ?? '').indexOf(phrase);
        if (i < 0 || seen++ < nth) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + phrase.length);
        (n.parentElement as Element).scrollIntoView({ block, behavior: 'instant' });
        const r = range.getClientRects()[0]!;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      throw new Error(`no "${phrase}" on the page`);
    },
    { phrase, scope, nth, block },
  );
}

/** Pages opened by the running test: closed after it even when it fails half-way. */
const opened: TestPage[] = [];

/** Closes the pages the test opened (for `afterEach`). */
export async function closeOpened(): Promise<void> {
  for (const page of opened.splice(0)) await page.close().catch(() => undefined);
}

/** Opens a page and waits until the engine has marked its terms. */
export async function openPage(env: ReturnType<typeof useBrowser>, path: string): Promise<TestPage> {
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
export const pageMarkup = (page: TestPage) =>
  page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as Element;
    copy.querySelectorAll('termlight-host').forEach((h) => h.remove());
    return copy.outerHTML;
  });

export async function hoverUntilCard(page: TestPage, phrase: string, scope?: string): Promise<CardInfo> {
  const p = await pointAt(page, phrase, scope);
  await page.mouseMove(p.x, p.y);
  await waitForCard(page);
  return (await readCard(page))!;
}

/** Whether the card is what the reader sees at its own centre, above everything else. */
export const cardOnTop = (page: TestPage) =>
  page.evaluate(() => {
    const host = document.querySelector('termlight-host')!;
    const r = host.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === host;
  });

/** Moves the pointer onto the card's first `selector` and clicks it, as a reader would; its text. */
export async function clickInCard(page: TestPage, selector: string): Promise<string> {
  const at = await page.evaluate((sel) => {
    const b = document.querySelector('termlight-host')!.shadowRoot!.querySelector<HTMLElement>(sel)!;
    const r = b.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, text: b.textContent ?? '' };
  }, selector);
  await page.mouseMove(at.x, at.y);
  await page.click(at.x, at.y);
  return at.text;
}

/** Clicks the card's first related term, and waits for its card. */
export async function clickRelated(page: TestPage): Promise<void> {
  const term = await clickInCard(page, '.related button');
  await page.waitFor((t) => document.querySelector('termlight-host')?.shadowRoot?.querySelector('.term')?.textContent === t, term);
}

/**
 * The next and previous term commands, sent to `page` as the background sends them: from an
 * extension page, and only to this page's tab (pages other tests left open would answer too).
 */
export async function commandsFor(env: ReturnType<typeof useBrowser>, page: TestPage) {
  const sender = await env.browser.newPage();
  opened.push(sender);
  await sender.goto(env.browser.extensionUrl('options.html'));
  await sender.waitFor(() => typeof chrome !== 'undefined' && !!chrome.tabs);
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
  return { navigate, sender };
}
