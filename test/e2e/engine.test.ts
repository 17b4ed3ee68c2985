import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bluePixels,
  engineFixture as fixture,
  extensionPainted,
  markup,
  names,
  openHarness as openOn,
  painted,
  openServed,
  setEnabled,
  type WithHarness as W,
} from '../fixtures/engine/e2e-driver';
import { corpusDir, hasCorpus } from './support/paths';
import { BROWSERS, useBrowser } from './support/suite';

/*
 * Two halves. The engine alone, in the page's main world on about:blank (no content script
 * runs there), where the test can call it: painting, DOM untouched, hit test, teardown. Then
 * the built extension on served pages, as a reader gets it.
 */

type Env = ReturnType<typeof useBrowser>;

const openHarness = (env: Env, html: string) => openOn(env.browser, html);

describe.each(BROWSERS)('%s', (name) => {
  // One browser per file and browser: launching is the slow part.
  const env = useBrowser(name);

  describe('the term engine in a real page', () => {
    it.skipIf(!hasCorpus)('paints the terms of a corpus page, leaves its DOM as it was, and unpaints on abort', async () => {
      const page = await openHarness(env, await readFile(join(corpusDir, 'ai/peg-gpt-4.html'), 'utf8'));
      const before = await markup(page);
      const stats = await page.evaluate(() => (window as unknown as W).termlight.start());
      const texts = await painted(page);
      expect(stats.painted).toBeGreaterThan(20);
      expect(texts).toHaveLength(stats.painted);
      expect(texts).toContain('GPT-4');
      expect(await markup(page)).toBe(before);
      expect(await bluePixels(page)).toBeGreaterThan(200);

      await page.evaluate(() => (window as unknown as W).termlight.stop());
      expect(await names(page)).toEqual([]);
      expect(await bluePixels(page)).toBe(0);
      expect(await markup(page)).toBe(before);
      expect(page.errors).toEqual([]);
      await page.close();
    });

    it('finds a term split across <em>, with one range over both nodes', async () => {
      const page = await openHarness(env, await fixture('terms.html'));
      await page.evaluate(() => (window as unknown as W).termlight.start());
      const split = await page.evaluate(() => {
        const occ = (window as unknown as W).termlight.engine().occurrences().find((o) => o.text === 'foundation model');
        const r = occ?.range();
        return r && { text: r.toString(), crosses: r.startContainer !== r.endContainer };
      });
      expect(split).toEqual({ text: 'foundation model', crosses: true });
      // The list items "foundation" and "model" are separate blocks: no term across them.
      // The last "RLHF" sits in a form whose inputs shadow its DOM properties. "fine-tuning" is
      // gated (an everyday word too): painted once the page shows it is about AI, in a paint of
      // its own, so the order is not the page's.
    expect((await painted(page)).sort()).toEqual([
      'RLHF', 'foundation model', 'large language model', 'pre-training', 'fine-tuning', 'GPT-4', 'OpenAI', 'RLHF',
    ].sort());
      await page.close();
    });

    it('leaves a textarea and a contenteditable region alone, even while the user types', async () => {
      const page = await openHarness(env, await fixture('terms.html'));
      await page.evaluate(() => (window as unknown as W).termlight.start({}, { debounceMs: 20, minIntervalMs: 40 }));
      const inEditable = () =>
        page.evaluate(() =>
          (window as unknown as W).termlight.engine().occurrences().filter((o) => {
            const el = o.range().startContainer.parentElement;
            return !!el?.closest('textarea, [contenteditable]');
          }).length,
        );
      expect(await inEditable()).toBe(0);
      const box = await page.evaluate(() => {
        const r = document.getElementById('editor')!.getBoundingClientRect();
        return { x: r.right - 5, y: r.top + r.height / 2 };
      });
      await page.click(box.x, box.y);
      await page.press('End');
      await page.type(' More about LLM and fine-tuning.');
      await page.evaluate(() => new Promise((ok) => setTimeout(ok, 200)));
      expect(await page.evaluate(() => document.getElementById('editor')!.textContent)).toContain('More about LLM');
      expect(await inEditable()).toBe(0);
      expect(await page.evaluate(() => (document.getElementById('field') as HTMLTextAreaElement).value)).toBe(
        'An LLM in a text field stays plain.',
      );
      await page.close();
    });

    it('paints text the page adds after the first pass', async () => {
      const page = await openHarness(env, await fixture('terms.html'));
      await page.evaluate(() => (window as unknown as W).termlight.start({}, { debounceMs: 20, minIntervalMs: 40 }));
      await page.evaluate(() => {
        document.getElementById('later')!.innerHTML = '<p>Later: <b>reinforcement learning</b> from human feedback.</p>';
      });
      await page.waitFor(() => (window as unknown as W).termlight.paintedTexts().includes('reinforcement learning from human feedback'));
      await page.close();
    });

    it("puts its paint back after the page clears every highlight, as a page's own search does", async () => {
      const page = await openHarness(env, await fixture('terms.html'));
      await page.evaluate(() => (window as unknown as W).termlight.start({}, { debounceMs: 20, minIntervalMs: 40 }));
      const count = (await painted(page)).length;
      expect(count).toBeGreaterThan(2);
      await page.evaluate(() => CSS.highlights.clear());
      expect(await bluePixels(page)).toBe(0);
      // The reader's pointer over the page brings it back; so does the next change the page makes.
      await page.evaluate(() => (window as unknown as W).termlight.engine().hitTest(1, 1));
      expect(await bluePixels(page)).toBeGreaterThan(200);
      await page.evaluate(() => CSS.highlights.clear());
      await page.evaluate(() => {
        document.getElementById('later')!.innerHTML = '<p>Later: a foundation model.</p>';
      });
      // Registered again at once, the new term painted when its rescan is done.
      await page.waitFor((n) => (window as unknown as W).termlight.paintedTexts().length === n, count + 1);
      expect(await names(page)).not.toEqual([]);
      expect(await bluePixels(page)).toBeGreaterThan(200);
      await page.close();
    });

    // Firefox's driver cannot render a page for print.
    it.skipIf(name === 'firefox')('draws nothing on paper: a printed page shows no marks', async () => {
      const page = await openHarness(env, await fixture('terms.html'));
      await page.evaluate(() => (window as unknown as W).termlight.start());
      expect(await bluePixels(page)).toBeGreaterThan(200);
      await page.emulateMedia!('print');
      expect(await bluePixels(page)).toBe(0);
      await page.emulateMedia!('screen');
      expect(await bluePixels(page)).toBeGreaterThan(200);
      await page.close();
    });

    it('reads open shadow roots and hit-tests inside them', async () => {
      const page = await openHarness(env, await fixture('shadow.html'));
      await page.evaluate(() => {
        document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Inside a shadow root: a foundation model.</p>';
      });
      await page.evaluate(() => (window as unknown as W).termlight.start());
      // Painted in the order read (the shadow root after the page around it); listed in page order.
      expect((await painted(page)).sort()).toEqual(['GPT-4', 'RLHF', 'foundation model']);
      expect(await page.evaluate(() => (window as unknown as W).termlight.engine().occurrences().map((o) => o.text))).toEqual(['RLHF', 'foundation model', 'GPT-4']);
      const hit = await page.evaluate(() => {
        const engine = (window as unknown as W).termlight.engine();
        const occ = engine.occurrences()[1]!;
        const r = occ.rects()[0]!;
        return engine.hitTest(r.left + r.width / 2, r.top + r.height / 2)?.text ?? null;
      });
      expect(hit).toBe('foundation model');
      await page.close();
    });

    it('hit-tests the term under a point, and nothing next to it, quickly', async () => {
      const page = await openHarness(env, await fixture('terms.html'));
      await page.evaluate(() => (window as unknown as W).termlight.start());
      const result = await page.evaluate(() => {
        const engine = (window as unknown as W).termlight.engine();
        const rows: Array<{ text: string; centre: string | null; same: boolean; beside: string | null; above: string | null }> = [];
        for (const occ of engine.occurrences()) {
          const r = occ.rects()[0]!;
          const hit = engine.hitTest(r.left + r.width / 2, r.top + r.height / 2);
          rows.push({
            text: occ.text,
            centre: hit?.text ?? null,
            same: hit === occ,
            // Blank space to the left of a paragraph and the gap above a line's box.
            beside: engine.hitTest(r.left - 12, r.top + r.height / 2)?.text ?? null,
            above: engine.hitTest(r.left + r.width / 2, r.top - 6)?.text ?? null,
          });
        }
        return { rows };
      });
      expect(result.rows.length).toBeGreaterThan(5);
      for (const row of result.rows) {
        expect(row).toMatchObject({ centre: row.text, same: true, beside: null });
        expect(row.above === row.text).toBe(false);
      }
      await page.close();
    });

    it('changes the look live, and keeps hover-only terms hit-testable with style none', async () => {
      const page = await openHarness(env, await fixture('terms.html'));
      await page.evaluate(() => (window as unknown as W).termlight.start());
      expect((await names(page)).sort()).toEqual(['termlight-current-blue-light', 'termlight-dotted-blue-light']);
      await page.evaluate(() => (window as unknown as W).termlight.engine().update({ appearance: { style: 'tint', color: 'rose' } }));
      expect((await names(page)).sort()).toEqual(['termlight-current-rose-light', 'termlight-tint-rose-light']);
      expect(await bluePixels(page)).toBe(0);
      await page.evaluate(() => (window as unknown as W).termlight.engine().update({ appearance: { style: 'none', color: 'blue' } }));
      expect(await names(page)).toEqual(['termlight-current-blue-light']);
      const hit = await page.evaluate(() => {
        const engine = (window as unknown as W).termlight.engine();
        const r = engine.occurrences()[0]!.rects()[0]!;
        return engine.hitTest(r.left + r.width / 2, r.top + r.height / 2)?.text ?? null;
      });
      expect(hit).toBe('RLHF');
      await page.close();
    });

    it('uses the light shade of the colour on a dark page', async () => {
      const page = await openHarness(env, await fixture('dark.html'));
      await page.evaluate(() => (window as unknown as W).termlight.start());
      expect(await names(page)).toContain('termlight-dotted-blue-dark');
      await page.close();
    });

    it('uses the light shade on a dark wrapper, though the page itself paints no background', async () => {
      const page = await openHarness(env, await fixture('dark-wrapper.html'));
      await page.evaluate(() => (window as unknown as W).termlight.start());
      expect(await names(page)).toContain('termlight-dotted-blue-dark');
      await page.close();
    });

    it.skipIf(!hasCorpus)('keeps every corpus page byte-identical, run after run', async () => {
      const pages: string[] = [];
      for (const folder of ['ai', 'readability']) {
        for (const file of (await readdir(join(corpusDir, folder))).sort()) if (file.endsWith('.html')) pages.push(`${folder}/${file}`);
      }
      const page = await openHarness(env, '<p>start</p>');
      const changed: string[] = [];
      let painted = 0;
      for (const path of pages) {
        await page.evaluate((h) => (window as unknown as W).termlight.load(h), await readFile(join(corpusDir, path), 'utf8'));
        const before = await markup(page);
        // Twice: a second start after a stop must find the page as the first one left it.
        for (let run = 0; run < 2; run++) {
          const stats = await page.evaluate(() => (window as unknown as W).termlight.start());
          if ((await markup(page)) !== before && !changed.includes(path)) changed.push(path);
          if (run === 0) painted += stats.painted;
          await page.evaluate(() => (window as unknown as W).termlight.stop());
        }
      }
      expect(changed).toEqual([]);
      expect(page.errors).toEqual([]);
      // The run really painted: every page of ai/ alone holds dozens of terms.
      expect(painted).toBeGreaterThan(pages.length * 10);
      await page.close();
    }, 240_000);
  });

  describe('the built extension', () => {
    extensionTests(env);
  });
});

function extensionTests(env: Env): void {
  it("marks frames that take the page's origin: srcdoc, and about:blank written by the page", async () => {
    const page = await openServed(env, '/fixtures/engine/local-frames.html');
    const inFrame = (id: string) =>
      page.waitFor((frameId) => {
        const win = (document.getElementById(frameId) as HTMLIFrameElement).contentWindow as (Window & typeof globalThis) | null;
        const texts: string[] = [];
        win?.CSS.highlights.forEach((highlight, name) => {
          if (!name.startsWith('termlight-') || name.startsWith('termlight-current')) return;
          for (const r of highlight) texts.push(r.startContainer.textContent!.slice(r.startOffset, r.endOffset));
        });
        return texts.length ? texts : null;
      }, id, 10_000);
    expect(await inFrame('srcdoc')).toEqual(['foundation model']);
    expect(await inFrame('blank')).toEqual(['pre-training']);
    expect(await extensionPainted(page)).toEqual(['RLHF']);
    await page.close();
  });

  it.skipIf(!hasCorpus)('marks a corpus page and leaves its markup exactly as the page served it', async () => {
    const page = await openServed(env, '/corpus/ai/peg-gpt-4.html');
    expect(await extensionPainted(page)).toContain('GPT-4');
    const same = await page.evaluate(async () => {
      const served = await (await fetch(location.href)).text();
      const parsed = new DOMParser().parseFromString(served, 'text/html').documentElement.outerHTML;
      const live = document.documentElement.cloneNode(true) as Element;
      // The card's host is Termlight's own element, not part of the page.
      live.querySelectorAll('termlight-host').forEach((h) => h.remove());
      return live.outerHTML === parsed;
    });
    expect(same).toBe(true);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('marks a split term, skips editable text, follows added text and shadow roots', async () => {
    const page = await openServed(env, '/fixtures/engine/terms.html');
    const texts = await extensionPainted(page);
    expect(texts).toContain('foundation model');
    expect(texts).not.toContain('LLM');
    const inEditor = await page.evaluate(() => {
      let n = 0;
      for (const [, h] of CSS.highlights) for (const r of h) if (r.startContainer.parentElement?.closest('#editor, #field')) n++;
      return n;
    });
    expect(inEditor).toBe(0);
    await page.evaluate(() => {
      document.getElementById('later')!.innerHTML = '<p>Later: <b>reinforcement learning</b> from human feedback.</p>';
    });
    await page.waitFor(() => {
      for (const [, h] of CSS.highlights) {
        for (const r of h) if (r.startContainer.parentElement?.closest('#later')) return true;
      }
      return false;
    });
    await page.close();

    const shadow = await openServed(env, '/fixtures/engine/shadow.html');
    await shadow.waitFor(() => {
      for (const [, h] of CSS.highlights) for (const r of h) if (r.startContainer.getRootNode() instanceof ShadowRoot) return true;
      return false;
    });
    await shadow.close();
  });

  it('removes all paint when Termlight is turned off, and paints again when turned on', async () => {
    const page = await openServed(env, '/fixtures/engine/terms.html');
    await setEnabled(env, false);
    await page.waitFor(() => ![...CSS.highlights.keys()].some((n) => n.startsWith('termlight-')));
    await setEnabled(env, true);
    await page.waitFor(() => [...CSS.highlights.values()].some((h) => h.size > 0));
    await page.close();
  });
}
