import { describe, expect, it } from 'vitest';
import type { TestPage } from './support/browsers';
import { BROWSERS, useBrowser } from './support/suite';

type Env = ReturnType<typeof useBrowser>;
type Ext = typeof chrome;

async function openOptions(env: Env): Promise<TestPage> {
  const page = await env.browser.newPage();
  await page.goto(env.browser.extensionUrl('options.html'));
  await page.waitFor(() => !!document.querySelector('[data-testid=master-switch]'), undefined, 10_000);
  return page;
}

/** Everything in `storage.sync`, read the way the extension reads it. */
const stored = (page: TestPage) =>
  page.evaluate(() => ((globalThis as { browser?: Ext }).browser ?? chrome).storage.sync.get(null));

const clearStorage = (page: TestPage) =>
  page.evaluate(() => ((globalThis as { browser?: Ext }).browser ?? chrome).storage.sync.clear());

/** Picks a file for an `<input type=file>` the way a file dialog would, then fires its change. */
function chooseFile(page: TestPage, testId: string, name: string, text: string) {
  return page.evaluate(
    ({ testId, name, text }) => {
      const input = document.querySelector<HTMLInputElement>(`[data-testid=${testId}]`)!;
      const files = new DataTransfer();
      files.items.add(new File([text], name, { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { testId, name, text },
  );
}

describe.each(BROWSERS)('%s: the options page', (name) => {
  const env = useBrowser(name);

  it('stores a switch at once and shows what is stored after a reload', async () => {
    const page = await openOptions(env);
    await clearStorage(page);
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid=badge-switch]')!.click());
    await page.waitFor(async () => (await ((globalThis as { browser?: Ext }).browser ?? chrome).storage.sync.get('showBadge')).showBadge === false);
    await page.close();

    const again = await openOptions(env);
    expect(await again.evaluate(() => document.querySelector('[data-testid=badge-switch]')!.getAttribute('aria-checked'))).toBe('false');
    await clearStorage(again);
    await again.close();
  });

  it('refuses a broken settings file, says why, and changes nothing', async () => {
    const page = await openOptions(env);
    await clearStorage(page);
    await page.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid=highlight-color] input[value=rose]')!.click());
    await page.waitFor(async () => (await ((globalThis as { browser?: Ext }).browser ?? chrome).storage.sync.get('highlightColor')).highlightColor === 'rose');
    const before = await stored(page);

    await chooseFile(page, 'settings-file', 'settings.json', '{\n  "termlight": "settings",\n  "version": 1,\n  "settings": {\n    "enabled": false,\n  }\n}\n');
    const message = await page.waitFor(() => document.querySelector('[data-testid=backup-outcome][role=alert]')?.textContent);
    expect(message).toContain('“settings.json” was not imported. Your settings are unchanged.');
    expect(message).toMatch(/not valid JSON: line 5, column \d+: trailing comma/);
    // Give a wrongly started write time to land before comparing.
    await page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
    expect(await stored(page)).toEqual(before);
    expect(await page.evaluate(() => document.querySelector('[data-testid=master-switch]')!.getAttribute('aria-checked'))).toBe('true');

    await chooseFile(page, 'settings-file', 'wrong.json', JSON.stringify({ termlight: 'settings', version: 1, settings: { trigger: 'double-click' } }));
    await page.waitFor(() => document.querySelector('[data-testid=backup-outcome]')?.textContent?.includes('wrong.json'));
    expect(await page.evaluate(() => document.querySelector('[data-testid=backup-outcome]')!.textContent)).toContain('trigger');
    expect(await stored(page)).toEqual(before);
    expect(page.errors).toEqual([]);
    await clearStorage(page);
    await page.close();
  });

  it('imports a good settings file whole', async () => {
    const page = await openOptions(env);
    await clearStorage(page);
    const file = JSON.stringify({ termlight: 'settings', version: 1, settings: { highlightStyle: 'tint', hoverDelayMs: 700 } });
    await chooseFile(page, 'settings-file', 'good.json', file);
    await page.waitFor(() => !!document.querySelector('[data-testid=backup-outcome][role=status]'));
    expect(await stored(page)).toEqual({ settingsVersion: 1, highlightStyle: 'tint', hoverDelayMs: 700 });
    await page.waitFor(() => (document.querySelector('[data-testid=hover-delay]') as HTMLInputElement).value === '700');
    await clearStorage(page);
    await page.close();
  });

  it('says so when a typed delay is not taken as typed', async () => {
    const page = await openOptions(env);
    const said = () => page.evaluate(() => document.querySelector('[data-testid=hover-delay]')!.closest('.number-field')!.querySelector('[role=status]')!.textContent);
    const typeInto = async (text: string) => {
      await page.evaluate(() => {
        const box = document.querySelector<HTMLInputElement>('[data-testid=hover-delay]')!;
        box.focus();
        box.select();
      });
      await page.type(text);
      await page.press('Enter');
    };
    // The browser's number box lets "1e" be typed, and gives no number for it.
    await typeInto('1e');
    expect(await page.waitFor(() => document.querySelector('[data-testid=hover-delay]')!.closest('.number-field')!.querySelector('[role=status]')!.textContent)).toMatch(/^Kept \d+: that is not a number\.$/);
    await typeInto('99999');
    expect(await said()).toBe('Set to 2000: 99999 is outside that range.');
    await clearStorage(page);
    await page.close();
  });

  it('lists the keyboard shortcuts the browser holds', async () => {
    const page = await openOptions(env);
    const rows = await page.waitFor(() => {
      const cells = [...document.querySelectorAll('[data-testid=shortcuts] tr')].map((tr) => tr.textContent ?? '');
      return cells.length >= 3 ? cells : null;
    }).then((cells) => cells!);
    expect(rows[0]).toBe('Turn highlighting on or offAlt+Shift+L');
    expect(rows.slice(0, 3).join('\n')).toContain('Go to the next term on the page');
    await page.close();
  });
});
