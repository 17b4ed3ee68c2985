import { describe, expect, it } from 'vitest';
import { makeMessage, type ParamsOf } from '../../src/core/messages';
import type { TestPage } from './support/browsers';
import { BROWSERS, useBrowser } from './support/suite';

/*
 * "Look up in Termlight" on selected text. The browser's context menu cannot be clicked in a
 * headless test, so the test sends the very message the menu's handler sends to the tab, from an
 * extension page, after selecting text the way a reader would.
 */
const DEMO = '/fixtures/demo/foundation-models.html';

const cardText = (page: TestPage) =>
  page.evaluate(() => {
    const card = document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card');
    return card ? { term: card.querySelector('.term')?.textContent ?? '', all: card.textContent ?? '' } : null;
  });

/** Selects the first occurrence of `phrase` in the page text. */
const select = (page: TestPage, phrase: string) =>
  page.evaluate((phrase) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n.nodeValue ?? '').indexOf(phrase);
      if (i < 0) continue;
      (n.parentElement as Element).scrollIntoView({ block: 'center', behavior: 'instant' });
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + phrase.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`no "${phrase}" on the page`);
  }, phrase);

describe.each(BROWSERS)('%s: "Look up in Termlight" on a selection', (name) => {
  const env = useBrowser(name);

  async function lookUp(phrase: string, asked = phrase) {
    const page = await env.browser.newPage();
    await page.goto(env.server.origin + DEMO);
    await page.waitFor(() => [...CSS.highlights].some(([, h]) => h.size > 0), undefined, 10_000);
    await select(page, phrase);
    const sender = await env.browser.newPage();
    await sender.goto(env.browser.extensionUrl('glossary.html'));
    await sender.waitFor(() => typeof chrome !== 'undefined' && !!chrome.tabs, undefined, 10_000);
    await sender.evaluate(async (message) => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      for (const tab of await api.tabs.query({})) await api.tabs.sendMessage(tab.id!, message, { frameId: 0 }).catch(() => undefined);
    }, makeMessage('lookup-selection', { text: asked } satisfies ParamsOf<'lookup-selection'>));
    await sender.close();
    await page.waitFor(() => !!document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card'), undefined, 5000);
    return page;
  }

  it('shows the card of a selected term, in any of its forms', async () => {
    const page = await lookUp('Pre-training');
    expect((await cardText(page))!.term).toBe('pre-training');
    await page.close();
  });

  it('offers the closest entries for a selection that is no term, and opens one', async () => {
    const page = await lookUp('Trillions of tokens', 'foundaton modle');
    const card = (await cardText(page))!;
    expect(card.term).toContain('foundaton modle');
    expect(card.all).toContain('foundation model');
    await page.evaluate(() => {
      const picks = [...document.querySelector('termlight-host')!.shadowRoot!.querySelectorAll<HTMLButtonElement>('.pick')];
      picks.find((b) => b.querySelector('.pick-term')?.textContent === 'foundation model')!.click();
    });
    await page.waitFor(() => document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card .term')?.textContent === 'foundation model');
    await page.close();
  });
});
