import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrivenPage } from '../tools/corpus/drive';
import { hoverUntilCard, openPainted, paintedTexts, pointAt, unseen, waitFor, PAINTED } from '../tools/corpus/interact';
import { openSweep, type Sweep } from '../tools/corpus/sweep';
import { BROWSERS } from './support/suite';

/*
 * Pages written to be awkward. Each is first put through the corpus check (loaded with and
 * without Termlight: no error of Termlight's, markup and layout unchanged, the matcher's terms
 * painted, no request), then tried as a reader would.
 */

const DIR = '/fixtures/hostile';
const STRICT = encodeURIComponent("default-src 'none'");

describe.each(BROWSERS)('%s: hostile and odd pages', (name) => {
  let sweep: Sweep;
  beforeAll(async () => {
    sweep = await openSweep(name);
  });
  afterAll(async () => {
    await sweep?.close();
  });

  const passesCheck = async (path: string) => {
    const report = await sweep.check(path);
    expect(report.problems).toEqual([]);
    return report;
  };

  it('paints and explains under a strict Content-Security-Policy', async () => {
    const path = `${DIR}/strict-csp.html?csp=${STRICT}`;
    await passesCheck(path);
    const page = await openPainted(sweep, path, 4);
    // The policy is in force: the page's own inline script and style were refused.
    expect(await page.evaluate('document.body.hasAttribute("data-page-script")')).toBe(false);
    expect(await page.evaluate('getComputedStyle(document.body).marginTop')).toBe('8px');
    expect(await paintedTexts(page)).toEqual(expect.arrayContaining(['foundation model', 'fine-tuning', 'RLHF', 'pre-training']));
    const card = await hoverUntilCard(page, 'foundation model', '#first');
    expect(card.term).toBe('foundation model');
    expect(card.definition).toMatch(/^A very large, general-purpose AI model/);
    expect(await page.evaluate(unseen(`getComputedStyle(document.querySelector('termlight-host').shadowRoot.querySelector('.card')).position`))).toBe('fixed');
    await page.close();
  });

  it('keeps the card readable and on top of CSS that attacks everything', async () => {
    const path = `${DIR}/attack-css.html`;
    await passesCheck(path);
    const page = await openPainted(sweep, path, 2);
    const card = await hoverUntilCard(page, 'foundation model', '#first');
    expect(card.definition).toMatch(/^A very large, general-purpose AI model/);
    expect(card.box.width).toBeGreaterThan(200);
    expect(card.box.height).toBeGreaterThan(80);
    const look = await page.evaluate<{ onTop: boolean; inside: boolean; fontPx: number; contrast: number }>(`(() => {
      const b = ${JSON.stringify(card.box)};
      const card = document.querySelector('termlight-host').shadowRoot.querySelector('.card');
      const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
      const style = getComputedStyle(card.querySelector('.definition'));
      const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
      const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const fg = lum(style.color), bg = lum(getComputedStyle(card).backgroundColor);
      return {
        onTop: hit && hit.localName === 'termlight-host',
        inside: b.left >= 0 && b.top >= 0 && b.left + b.width <= innerWidth && b.top + b.height <= innerHeight,
        fontPx: parseFloat(style.fontSize),
        contrast: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05),
      };
    })()`);
    expect(look).toMatchObject({ onTop: true, inside: true });
    expect(look.fontPx).toBeGreaterThanOrEqual(12);
    // WCAG AA for body text. The page inverts itself, card included, which keeps the contrast.
    expect(look.contrast).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });

  it('reads open shadow roots (nested and slotted) and leaves closed ones alone', async () => {
    await passesCheck(`${DIR}/shadow.html`);
    const page = await openPainted(sweep, `${DIR}/shadow.html`, 5);
    const texts = await paintedTexts(page);
    expect(texts).toEqual(expect.arrayContaining(['RLHF', 'large language model', 'pre-training', 'fine-tuning', 'foundation model']));
    expect(texts).not.toContain('GPT-4');
    // Hover the term two shadow roots deep.
    const p = await page.evaluate<{ x: number; y: number }>(unseen(`(() => {
      const inner = document.getElementById('open').shadowRoot.querySelector('inner-note').shadowRoot.querySelector('p');
      const text = inner.firstChild, i = text.data.indexOf('pre-training');
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 12);
      const r = range.getClientRects()[0];
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    })()`));
    await page.mouseMove(p.x - 20, p.y + 20);
    await page.mouseMove(p.x, p.y);
    await waitFor(page, `document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card .term')?.textContent === 'pre-training'`);
    await page.close();
  });

  it('reads a shadow root drawn after the first read, by a component defined late', async () => {
    await passesCheck(`${DIR}/late-shadow.html`);
    const page = await openPainted(sweep, `${DIR}/late-shadow.html`, 2);
    expect(await paintedTexts(page)).toEqual(['RLHF', 'foundation model']);
    await page.evaluate('defineLateNote()');
    // No mutation tells of it: the engine looks again a few times after the first read.
    await waitFor(page, `${PAINTED}.length === 4`, 10_000);
    expect(await paintedTexts(page)).toEqual(expect.arrayContaining(['RLHF', 'foundation model', 'fine-tuning', 'pre-training']));
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('marks terms in same-origin and cross-origin frames', async () => {
    const path = `${DIR}/frames.html?other=${encodeURIComponent(sweep.server.otherOrigin)}`;
    await passesCheck(path);
    const page = await openPainted(sweep, path);
    for (const who of ['who=same', 'who=cross']) {
      let frames: string[][] = [];
      for (const end = Date.now() + 10_000; Date.now() < end; await new Promise((ok) => setTimeout(ok, 100))) {
        frames = await page.inFrames<string[]>(who, PAINTED).catch(() => []);
        if (frames.some((t) => t.length >= 3)) break;
      }
      expect(frames, who).toHaveLength(1);
      expect(frames[0]).toEqual(['foundation model', 'pre-training', 'fine-tuning']);
    }
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('marks right-to-left text, skips SVG text, and survives vertical text', async () => {
    await passesCheck(`${DIR}/text-directions.html`);
    const page = await openPainted(sweep, `${DIR}/text-directions.html`, 4);
    const texts = await paintedTexts(page);
    expect(texts).toEqual(expect.arrayContaining(['LLM', 'fine-tuning', 'large language model', 'foundation model', 'prompt engineering']));
    expect(texts).not.toContain('transformer');
    const card = await hoverUntilCard(page, 'LLM', '#rtl');
    expect(card.term).toBe('large language model');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('is unaffected by a <base href> pointing elsewhere', async () => {
    const path = `${DIR}/base-href.html?base=${encodeURIComponent(sweep.server.otherOrigin)}`;
    await passesCheck(path);
    const page = await openPainted(sweep, path, 3);
    const card = await hoverUntilCard(page, 'foundation model', '#first');
    expect(card.definition).toMatch(/^A very large, general-purpose AI model/);
    // Nothing was asked of the places the base URL points to.
    expect(sweep.server.requests.filter((r) => /nowhere|elsewhere/.test(r))).toEqual([]);
    await page.close();
  });

  it('marks nothing while the whole document is editable (designMode), and marks again after', async () => {
    const page = await openPainted(sweep, `${DIR}/quirks.html`, 3);
    const before = (await paintedTexts(page)).length;
    // The page becomes an editor and the user types in it (inserted text is what typing makes).
    await page.evaluate(`document.designMode = 'on'`);
    await page.evaluate(`document.body.insertAdjacentHTML('beforeend', '<p id="typed">Typed: an LLM and RLHF.</p>')`);
    await waitFor(page, `${PAINTED}.length === 0`, 10_000);
    await page.evaluate(`document.designMode = 'off'`);
    await page.evaluate(`document.getElementById('typed').append(' Done.')`);
    await waitFor(page, `${PAINTED}.length === ${before + 2}`, 10_000);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('explains terms on an XHTML page, and leaves an SVG image or an XML file opened on its own alone', async () => {
    // XHTML is HTML served as XML: marked, and its card shows.
    const xhtml = await openPainted(sweep, `${DIR}/page.xhtml`, 2);
    const card = await hoverUntilCard(xhtml, 'foundation model', '#first');
    expect(card.definition).toMatch(/^A very large, general-purpose AI model/);
    expect(xhtml.errors).toEqual([]);
    await xhtml.close();
    // An image or a data file has no place for a card: nothing is painted there, nor drawn.
    for (const file of ['terms.svg', 'feed.xml']) {
      const page = await sweep.withTermlight.newPage();
      await page.goto(`${sweep.server.origin}${DIR}/${file}`);
      await page.mouseMove(120, 52);
      await new Promise((ok) => setTimeout(ok, 1500));
      await page.mouseMove(150, 50);
      await new Promise((ok) => setTimeout(ok, 500));
      expect(await page.evaluate(`${PAINTED}.length`), file).toBe(0);
      expect(await page.evaluate(`document.querySelectorAll('termlight-host').length`), file).toBe(0);
      expect(page.errors, file).toEqual([]);
      await page.close();
    }
  });

  it('works on a page in quirks mode', async () => {
    await passesCheck(`${DIR}/quirks.html`);
    const page = await openPainted(sweep, `${DIR}/quirks.html`, 3);
    expect(await page.evaluate('document.compatMode')).toBe('BackCompat');
    const term = await pointAt(page, 'RLHF', '#first');
    const card = await hoverUntilCard(page, 'RLHF', '#first');
    expect(card.term).toBe('RLHF');
    // Placed next to the term and on screen, whichever element scrolls the page.
    const { width, height } = await page.evaluate<{ width: number; height: number }>('({ width: innerWidth, height: innerHeight })');
    expect(card.box.left).toBeGreaterThanOrEqual(0);
    expect(card.box.top + card.box.height).toBeLessThanOrEqual(height);
    expect(card.box.left + card.box.width).toBeLessThanOrEqual(width);
    expect(Math.min(Math.abs(card.box.top - term.y), Math.abs(card.box.top + card.box.height - term.y))).toBeLessThan(60);
    await page.close();
  });

  it('never goes through built-ins or globals the page redefined', async () => {
    await passesCheck(`${DIR}/redefined.html`);
    const page = await openPainted(sweep, `${DIR}/redefined.html`, 4);
    const calls = () => page.evaluate<Record<string, number>>('({ ...window.hostileCalls })');
    expect(await calls()).toEqual({});
    const card = await hoverUntilCard(page, 'foundation model', '#first');
    expect(card.definition).toMatch(/^A very large, general-purpose AI model/);
    await page.mouseMove(5, 5);
    await waitFor(page, `!document.querySelector('termlight-host')?.shadowRoot?.querySelector('.card')`);
    expect(await calls()).toEqual({});
    expect(page.errors).toEqual([]);
    await page.close();
  });

  /** Ids of the elements (of `selector`) holding a painted term. */
  const paintedIn = (page: DrivenPage, selector: string) =>
    page.evaluate<string[]>(unseen(`(() => {
      const found = [];
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('termlight-')) continue;
        for (const r of h) {
          const el = r.startContainer.parentElement && r.startContainer.parentElement.closest(${JSON.stringify(selector)});
          if (el) found.push(el.id);
        }
      }
      return found;
    })()`));

  it('never paints or changes form fields, editable regions, CodeMirror-like editors or <pre>', async () => {
    await passesCheck(`${DIR}/fields.html`);
    const page = await openPainted(sweep, `${DIR}/fields.html`, 2);
    const FIELDS = '#input, #textarea, #select, #editable, #plaintext, #cm6, #cm5, #pre, #code';
    const values = `[...document.querySelectorAll('input, textarea, select')].map((f) => f.value).join('|')`;
    expect(await paintedTexts(page)).toEqual(expect.arrayContaining(['foundation model', 'RLHF']));
    expect(await paintedIn(page, FIELDS)).toEqual([]);
    const before = await page.evaluate<string>(values);
    // Typing terms into an editable region and a textarea must not get them painted either.
    for (const id of ['editable', 'textarea']) {
      // The caret goes to the very end, as a reader clicking after the last word would put it.
      await page.evaluate(`(() => {
        const el = document.getElementById('${id}');
        el.focus();
        if (el.setSelectionRange) el.setSelectionRange(el.value.length, el.value.length);
        else getSelection().selectAllChildren(el), getSelection().collapseToEnd();
      })()`);
      await page.type(' More about RLHF and a foundation model.');
    }
    await new Promise((ok) => setTimeout(ok, 600));
    expect(await page.evaluate('document.getElementById("editable").textContent')).toContain('More about RLHF');
    expect(await paintedIn(page, FIELDS)).toEqual([]);
    expect(await page.evaluate(values)).toBe(before.replace('textarea', 'textarea More about RLHF and a foundation model.'));
    await page.close();
  });

  // Monaco and Ace draw their lines as plain <div>/<span> (the input is a hidden textarea).
  it('never paints code in Monaco- or Ace-like editors', async () => {
    const page = await openPainted(sweep, `${DIR}/fields.html`, 2);
    expect(await paintedIn(page, '#monaco, #ace')).toEqual([]);
    await page.close();
  });
});
