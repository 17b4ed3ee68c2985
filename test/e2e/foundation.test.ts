import { describe, expect, it } from 'vitest';
import { BROWSERS, useBrowser } from './support/suite';

describe.each(BROWSERS)('%s: the built extension on the demo page', (name) => {
  const env = useBrowser(name);

  it('marks glossary terms', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.origin}/fixtures/demo/foundation-models.html`);
    const count = await page.waitFor(() => {
      let n = 0;
      for (const [, h] of CSS.highlights) n += h.size;
      return n;
    });
    expect(count).toBeGreaterThan(5);
    await page.close();
  });
});
