import { describe, expect, it } from 'vitest';
import { opaqueLuminance } from '../../src/content/backdrop';
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
    expect(message).toMatch(/Line 5, column \d+: not valid JSON: trailing comma/);
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
    await typeInto('12.7');
    expect(await said()).toBe('Set to 13: whole milliseconds only.');
    // The line under one box leaves its neighbour where it was.
    const tops = await page.evaluate(() =>
      ['hover-delay', 'hide-delay'].map((id) => Math.round(document.querySelector(`[data-testid=${id}]`)!.getBoundingClientRect().top)));
    expect(tops[0]).toBe(tops[1]);
    await clearStorage(page);
    await page.close();
  });

  it('greys out the hover delay and says why while a click opens the card', async () => {
    const page = await openOptions(env);
    await page.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid=trigger] input[value=click]')!.click());
    const looks = await page.waitFor(() => {
      const field = (id: string) => document.querySelector(`[data-testid=${id}]`)!.closest('.number-field')!;
      const open = field('hover-delay');
      if (!open.querySelector('input')!.disabled) return null;
      const colour = (el: Element) => getComputedStyle(el.querySelector('.field-label')!).color;
      return { off: colour(open), on: colour(field('hide-delay')), text: open.textContent };
    });
    expect(looks!.off).not.toBe(looks!.on);
    expect(looks!.text).toContain('Opens on click: no delay.');
    await clearStorage(page);
    await page.close();
  });

  it('asks before a reset with the keyboard on Cancel each time, and Escape answers no', async () => {
    const page = await openOptions(env);
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await page.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('#backup button')].find((b) => b.textContent === 'Reset to defaults…')!.focus());
    for (let time = 1; time <= 2; time++) {
      await page.press('Enter');
      await page.waitFor(() => !!document.getElementById('reset-question'));
      await page.waitFor(() => document.activeElement?.textContent === 'Cancel').catch(() => undefined);
      expect(await focused(), `time ${time}`).toBe('Cancel');
      await page.press('Escape');
      await page.waitFor(() => !document.getElementById('reset-question'));
      await page.waitFor(() => document.activeElement?.textContent === 'Reset to defaults…').catch(() => undefined);
      expect(await focused(), `time ${time}`).toBe('Reset to defaults…');
    }
    await page.close();
  });

  it.each([[800, 700], [360, 640]])('keeps long unbroken text from a glossary or a site inside the window (%i px wide)', async (width, height) => {
    const page = await openOptions(env);
    await page.setViewport(width, height);
    const site = ['a', 'b', 'c'].map((c) => c.repeat(60)).join('.') + '.com';
    await page.evaluate((site) => chrome.storage.sync.set({ siteRules: { mode: 'all-except', patterns: [site] } }), site);
    const pack = {
      id: 'long-text', name: `Long ${'n'.repeat(80)}`, version: '1.0.0', language: 'en',
      description: 'd'.repeat(600),
      entries: [{ id: 'term', term: 'long term', definition: 'A term from a glossary with long text.', category: 'technique' }],
    };
    await chooseFile(page, 'glossary-file', 'long.json', JSON.stringify(pack));
    await page.waitFor(() => document.querySelector('[data-testid=glossary-outcome]')?.textContent?.startsWith('Added'));
    // The same site again: the error names it.
    await page.evaluate((site) => {
      const box = document.querySelector<HTMLInputElement>('.site-add input')!;
      box.value = site;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      document.querySelector<HTMLButtonElement>('.site-add button[type=submit]')!.click();
    }, site);
    await page.waitFor(() => !!document.querySelector('.site-add [role=alert]')?.textContent);
    const seen = await page.evaluate(() => {
      const right = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().right;
      return {
        page: document.documentElement.scrollWidth,
        window: innerWidth,
        switch: right('[data-pack=long-text] [role=switch]'),
        remove: right('[data-pack=long-text] button:not([role=switch])'),
        outcome: right('[data-testid=glossary-outcome]'),
        error: right('.site-add [role=alert]'),
      };
    });
    expect(seen.page).toBeLessThanOrEqual(seen.window);
    for (const what of ['switch', 'remove', 'outcome', 'error'] as const) expect(seen[what], what).toBeLessThanOrEqual(seen.window);
    await page.evaluate(() => Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()]));
    await page.close();
  });

  it('keeps even margins on both sides in a window 320 px wide, at 400% zoom, about', async () => {
    const page = await openOptions(env);
    await page.setViewport(320, 640);
    const sides = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.options > *')].map((el) => {
        const r = el.getBoundingClientRect();
        return Math.round(document.documentElement.clientWidth - r.right - r.left);
      }),
    );
    // Each section as far from the right edge as from the left.
    expect(sides.length).toBeGreaterThan(3);
    expect(sides.filter((gap) => Math.abs(gap) > 1)).toEqual([]);
    await page.close();
  });

  it('shows the whole placeholder of the site box in a narrow window', async () => {
    const page = await openOptions(env);
    await page.evaluate(() => Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear()]));
    await page.setViewport(360, 640);
    const room = await page.evaluate(() => {
      const box = document.querySelector<HTMLInputElement>('.site-add input')!;
      const style = getComputedStyle(box);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      // From the outer width: Firefox's clientWidth of a text box leaves out its padding already.
      const edges = ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth'] as const;
      const inside = box.getBoundingClientRect().width - edges.reduce((sum, edge) => sum + parseFloat(style[edge]), 0);
      return { inside, text: context.measureText(box.placeholder).width };
    });
    expect(room.inside).toBeGreaterThanOrEqual(room.text);
    await page.close();
  });

  /**
   * For each choice group: how its chosen item is drawn against the others (the segment or the
   * swatch ring's edge and fill, the radio's dot), and the swatches' own colours.
   */
  const choiceLooks = (page: TestPage) =>
    page.evaluate(() => {
      const body = (input: HTMLInputElement, pseudo?: string) => {
        const style = getComputedStyle(input.nextElementSibling!, pseudo);
        return `${style.backgroundImage} ${style.backgroundColor} ${style.borderTopColor}`;
      };
      const group = (id: string, pseudo?: string) => {
        const inputs = [...document.querySelectorAll<HTMLInputElement>(`[data-testid=${id}] input`)];
        const chosen = inputs.find((i) => i.checked)!;
        return { chosen: body(chosen, pseudo), others: [...new Set(inputs.filter((i) => !i.checked).map((i) => body(i, pseudo)))] };
      };
      const swatches = [...document.querySelectorAll('[data-testid=highlight-color] .swatch')].map((el) => getComputedStyle(el).backgroundColor);
      const track = getComputedStyle(document.querySelector('[data-testid=theme] .choices-options')!).backgroundColor;
      const edge = getComputedStyle(document.querySelector('[data-testid=theme] input:checked + .choice-body')!).borderTopColor;
      // Each knob against what it sits on: the switch's fill, or the page where that is clear.
      const fill = (el: Element | null): string => {
        for (; el; el = el.parentElement) {
          const c = getComputedStyle(el).backgroundColor;
          if (!/, 0\)$|transparent/.test(c)) return c;
        }
        return 'rgb(255, 255, 255)';
      };
      const thumbs = [...document.querySelectorAll('.switch-thumb')].map((el) => [getComputedStyle(el).backgroundColor, fill(el.parentElement)]);
      return {
        thumbsSeen: thumbs.every(([knob, under]) => knob !== under && !/, 0(\.\d+)?\)$/.test(knob!)),
        segments: group('highlight-style'),
        radios: group('trigger', '::before'),
        rings: group('highlight-color'),
        swatchColours: new Set(swatches).size,
        swatches: swatches.length,
        track,
        edge,
      };
    });

  /** WCAG contrast of two computed opaque colours, read as the content script reads page colours. */
  function contrastOf(a: string, b: string): number {
    const [hi, lo] = [opaqueLuminance(a)!, opaqueLuminance(b)!].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  }

  it('draws the chosen segment with an edge that stands out on its track (3:1), in the dark theme too', async () => {
    const page = await openOptions(env);
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => document.querySelector<HTMLInputElement>(`[data-testid=theme] input[value=${t}]`)!.click(), theme);
      await page.waitFor((t) => document.documentElement.dataset.theme === t, theme);
      const looks = await choiceLooks(page);
      expect(contrastOf(looks.edge, looks.track), theme).toBeGreaterThanOrEqual(3);
    }
    await clearStorage(page);
    await page.close();
  });

  it.skipIf(name === 'firefox')('shows which choice is chosen and where each switch stands in forced colours, and keeps the swatches\' colours', async () => {
    const page = await openOptions(env);
    await page.forceColors!(true);
    const looks = await choiceLooks(page);
    // The focus ring of a chosen segment, whose colours are kept, is still the system's text colour.
    const ring = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid=highlight-style] input:checked')!;
      input.focus();
      const style = getComputedStyle(input.nextElementSibling!);
      return { ring: style.outlineColor, width: style.outlineWidth, text: getComputedStyle(document.body).color };
    });
    await page.forceColors!(false);
    expect(ring).toEqual({ ring: ring.text, width: '2px', text: expect.any(String) });
    for (const what of ['segments', 'radios', 'rings'] as const) {
      expect(looks[what].others, what).toHaveLength(1);
      expect(looks[what].others[0], what).not.toBe(looks[what].chosen);
    }
    expect(looks.swatchColours).toBe(looks.swatches);
    // A switch's knob says where it is: it must not melt into the page.
    expect(looks.thumbsSeen).toBe(true);
    await page.close();
  });

  it('keeps no room at the end of a section for an outcome not shown yet', async () => {
    const page = await openOptions(env);
    const gaps = await page.evaluate(() =>
      ['glossaries', 'backup'].map((id) => {
        const body = document.querySelector(`#${id} .card-body`)!;
        const shown = [...body.children].filter((el) => el.getBoundingClientRect().height > 0);
        return Math.round(body.getBoundingClientRect().bottom - shown[shown.length - 1]!.getBoundingClientRect().bottom);
      }),
    );
    expect(gaps).toEqual([0, 0]);
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
