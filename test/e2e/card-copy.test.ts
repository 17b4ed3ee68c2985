import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browsers';
import { startServer, type TestServer } from './support/server';

/*
 * Select all and copy while a card is open: the clipboard holds the page's text and none of the
 * card's. Chromium only, where a test can read the clipboard; in both browsers card.test.ts checks
 * that the card's text cannot be selected.
 */
describe('chromium: copying the page while a card is open', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('copies the page text alone', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.origin + '/fixtures/engine/dark-wrapper.html');
    await page.waitForFunction(() => [...CSS.highlights].some(([, h]) => h.size > 0));
    const at = await page.evaluate(() => {
      const text = document.querySelector('main p')!.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, text.data.indexOf('RLHF'));
      range.setEnd(text, text.data.indexOf('RLHF') + 4);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(at.x - 20, at.y);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await page.waitForFunction(() => !!document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card'));
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.trim()).toBe('A large language model learns from pre-training, then RLHF.');
    await page.close();
  });
});
