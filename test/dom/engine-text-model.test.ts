import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTermEngine } from '../../src/content/engine';
import { baseOptions, startEngine, testMatcher, type Started } from '../fixtures/engine/test-pack';

let started: Started | null = null;
let errors: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  errors = vi.spyOn(console, 'error');
});

afterEach(() => {
  started?.controller.abort();
  started = null;
  // Engine errors are logged, not thrown: a test that passed while logging one did not pass.
  expect(errors).not.toHaveBeenCalled();
  errors.mockRestore();
});

async function texts(html: string, options = {}): Promise<string[]> {
  started = await startEngine(html, options);
  return started.texts();
}

describe('blocks: what reads as one piece of text', () => {
  it('finds a term split across inline elements', async () => {
    expect(await texts('<p>A foundation <em>model</em> is big.</p>')).toEqual(['foundation model']);
    expect(await texts('<p>A <a href="#">foun<b>dation</b></a> <span><i>model</i></span>.</p>')).toEqual([
      'foundation model',
    ]);
  });

  it('never matches across a block boundary', async () => {
    // Each pair would read "foundation model" if the boundary were ignored.
    expect(await texts('<p>foundation </p><p>model</p>')).toEqual([]);
    expect(await texts('<div>foundation <div>model</div></div>')).toEqual([]);
    expect(await texts('<p>foundation <br>model</p>')).toEqual([]);
    expect(await texts('<ul><li>foundation </li><li>model</li></ul>')).toEqual([]);
    expect(await texts('<table><tr><td>foundation </td><td>model</td></tr></table>')).toEqual([]);
    expect(await texts('<p>foundation <img alt="">model</p>')).toEqual([]);
    expect(await texts('<p>foundation <code>x</code>model</p>')).toEqual([]);
  });

  it('keeps text before and after a nested block in separate runs', async () => {
    expect(await texts('<div>RLHF and foundation <p>x</p> model LLM</div>')).toEqual(['RLHF', 'LLM']);
  });

  it('reads text directly in body and in custom elements as blocks of their own', async () => {
    expect(await texts('RLHF text foundation <x-card>model</x-card>')).toEqual(['RLHF']);
  });

  it('lists occurrences in page order, open shadow roots included', async () => {
    document.body.innerHTML = '<p>LLM first</p><div id="host"></div><p>RLHF last</p>';
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>a foundation model inside</p>';
    host.append('pre-training in light DOM');
    const controller = new AbortController();
    const engine = createTermEngine(document, testMatcher, baseOptions, controller.signal);
    await engine.ready;
    expect(engine.occurrences().map((o) => o.text)).toEqual(['LLM', 'foundation model', 'pre-training', 'RLHF']);
    controller.abort();
  });
});

describe('shadow roots, run edges and invisible characters', () => {
  it('finds terms in open shadow roots of a page whose own text has none', async () => {
    document.body.innerHTML = '<p>plain words</p><div id="host"></div><div hidden><div id="hidden-host"></div></div>';
    const attach = (id: string, html: string) => {
      (document.getElementById(id) as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = html;
    };
    attach('host', '<p>a foundation model inside</p>');
    attach('hidden-host', '<p>RLHF under a hidden block</p>');
    const controller = new AbortController();
    const engine = createTermEngine(document, testMatcher, baseOptions, controller.signal);
    await engine.ready;
    expect(engine.occurrences().map((o) => o.text)).toEqual(['foundation model']);
    controller.abort();
  });

  it('finds a term only where its words are in one run, whatever the text around it', async () => {
    expect(await texts('<p>foundation</p><p>model RLHF</p><p>xRLHF <b>LLM</b>s</p>')).toEqual(['RLHF', 'LLMs']);
  });

  it('reads text with soft hyphens and zero-width spaces as before', async () => {
    expect(await texts('<p>a foun\u00ADdation model</p><p>zero\u200Bwidth and RLHF</p>')).toEqual([
      'foun\u00ADdation model',
      'RLHF',
    ]);
  });
});

describe('skipped text', () => {
  it('leaves scripts, styles, form fields and editable regions alone', async () => {
    const html = [
      '<script>var s = "foundation model";</script>',
      '<style>/* foundation model */</style>',
      '<noscript>foundation model</noscript>',
      '<template><p>foundation model</p></template>',
      '<textarea>foundation model</textarea>',
      '<select><option>foundation model</option></select>',
      '<div contenteditable="true">foundation model <p>RLHF</p></div>',
      '<div contenteditable="plaintext-only">foundation model</div>',
      '<p>kept: RLHF</p>',
    ].join('');
    expect(await texts(html)).toEqual(['RLHF']);
  });

  it('leaves code editors alone, however they draw their lines', async () => {
    const html = [
      '<div class="monaco-editor vs"><div class="view-line"><span>RLHF</span></div></div>',
      '<div class="ace_editor"><div class="ace_line">LLM</div></div>',
      '<div class="cm-editor"><div class="cm-line">pre-training</div></div>',
      '<div role="code"><div>foundation model</div></div>',
      '<div role="textbox"><div>RLHF</div></div>',
      '<p class="not-an-editor-monaco-editorial">kept: LLM</p>',
    ].join('');
    expect(await texts(html)).toEqual(['LLM']);
  });

  it('reads contenteditable="false" like any text', async () => {
    expect(await texts('<div contenteditable="false">RLHF</div>')).toEqual(['RLHF']);
  });

  it('skips hidden and aria-hidden subtrees', async () => {
    expect(await texts('<p hidden>RLHF</p><div aria-hidden="true"><p>LLM</p></div><p aria-hidden="false">pre-training</p>')).toEqual([
      'pre-training',
    ]);
  });

  it('skips code and pre unless told otherwise', async () => {
    const html = '<p>Run <code>LLM</code> now</p><pre>RLHF</pre><p><kbd>LLM</kbd></p>';
    expect(await texts(html)).toEqual([]);
    started?.controller.abort();
    expect(await texts(html, { skipCode: false })).toEqual(['LLM', 'RLHF', 'LLM']);
  });

  it('skips what Termlight itself drew', async () => {
    const html = '<termlight-host>RLHF</termlight-host><div data-termlight-host>LLM</div><p>pre-training</p>';
    expect(await texts(html)).toEqual(['pre-training']);
  });
});
