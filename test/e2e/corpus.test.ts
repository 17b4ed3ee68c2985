import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPages, fastSample } from '../tools/corpus/pages';
import { openSweep, type Sweep } from '../tools/corpus/sweep';
import { hasCorpus } from './support/paths';
import { BROWSERS } from './support/suite';

/*
 * The fast form of `npm run test:corpus`: the built extension over a fixed sample of the saved
 * pages (all of `ai/`, a third of `readability/`, a different third per browser). Each page is
 * loaded with and without Termlight; it must raise no error of Termlight's, leave markup and
 * layout as they were, paint exactly what the pure matcher finds in the page's text, and make
 * no request. The full sweep over every page is `npm run test:corpus -- --full`.
 */

/**
 * Run in the page before Termlight, in the run with it only: each line fakes one way an
 * extension could break a page, so the sweep has to notice all four.
 */
const SABOTAGE = `
  // After Termlight has started (it clears every highlight of its name when it does) and the
  // page has loaded. Run from the page's own timer, so the error is the page's.
  let started = false;
  document.addEventListener('termlight:takeover', () => (started = true), { once: true });
  if (location.pathname.endsWith('.html')) addEventListener('load', function wait() {
    if (!started) return void setTimeout(wait, 20);
    document.body.setAttribute('data-sabotage', '');
    document.body.style.paddingTop = '3px';
    const text = document.querySelector('h1').firstChild;
    const range = new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 1 });
    CSS.highlights.set('termlight-solid-rose-light', new Highlight(range));
    throw new Error('sabotage');
  });
`;

describe.skipIf(!hasCorpus).each(BROWSERS)('%s: the page corpus', (name) => {
  const pages = fastSample(corpusPages(), name);
  let sweep: Sweep;
  beforeAll(async () => {
    sweep = await openSweep(name);
  });
  afterAll(async () => {
    await sweep?.close();
  });

  it.each(pages)('%s: no error, same markup and layout, the matcher\'s terms, no request', async (page) => {
    const report = await sweep.check(`/corpus/${page}`);
    expect(report.problems).toEqual([]);
    // Pages written about AI must really be marked, or agreeing with the matcher means little.
    if (page.startsWith('ai/')) expect(report.terms).toBeGreaterThan(50);
    // A page checked twice over (its reference loaded again, a late start looked at again) on a
    // busy machine can take several times its usual few seconds.
  }, 180_000);

  it('notices a page that was changed, shifted, wrongly painted or broken', async () => {
    const report = await sweep.check('/corpus/ai/peg-gpt-4.html', { init: SABOTAGE });
    const problems = report.problems.join('\n');
    expect(problems).toMatch(/DOM changed/);
    expect(problems).toMatch(/layout shifted/);
    expect(problems).toMatch(/term difference/);
    expect(problems).toMatch(/page error only with Termlight: .*sabotage/);
    // Its term difference is looked at again for ten seconds before it counts.
  }, 180_000);
});
