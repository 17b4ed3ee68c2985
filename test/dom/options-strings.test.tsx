import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import messages from '../../src/_locales/en/messages.json';
import { GlossaryPage } from '../../src/glossary-page/GlossaryPage';
import { Options } from '../../src/options/Options';
import { Popup } from '../../src/popup/Popup';
import { ApiContext } from '../../src/ui/api';
import { createMemoryApi } from '../../src/ui/memory-api';

const src = join(import.meta.dirname, '../../src');
const KEY = /'((?:popup|opt|glossary|look|style|color|key|unit)[A-Z]\w*)'/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the pages’ strings', () => {
  it('every message key the pages name is in _locales/en/messages.json', () => {
    const files = ['popup', 'options', 'glossary-page', 'ui'].flatMap((dir) => sources(join(src, dir)));
    const named = new Set(files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(KEY)].map((m) => m[1]!)));
    expect(named.size).toBeGreaterThan(100);
    expect([...named].filter((key) => !Object.hasOwn(messages, key))).toEqual([]);
  });

  it.each([
    ['popup', () => <Popup />],
    ['options page', () => <Options />],
    ['glossary page', () => <GlossaryPage />],
  ])('the %s shows no raw key and no unfilled placeholder', async (_, page) => {
    const api = createMemoryApi({ commands: [{ name: '_execute_action', description: '', shortcut: '' }] });
    const root = document.body.appendChild(document.createElement('div'));
    await act(() => render(<ApiContext.Provider value={api}>{page()}</ApiContext.Provider>, root));
    for (let i = 0; i < 4; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
    // Each text node and label on its own: a raw key is a whole string, never part of one.
    const strings: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) strings.push((n.nodeValue ?? '').trim());
    for (const el of root.querySelectorAll('[aria-label],[placeholder],[title]')) {
      for (const name of ['aria-label', 'placeholder', 'title']) strings.push(el.getAttribute(name) ?? '');
    }
    expect(strings.join(' ').length).toBeGreaterThan(100);
    expect(strings.filter((s) => /^(?:extName|(?:popup|opt|glossary|look|style|color|key|unit)[A-Z]\w+)$/.test(s))).toEqual([]);
    expect(strings.filter((s) => /\$[A-Z_]+\$/.test(s))).toEqual([]);
    render(null, root);
    root.remove();
  });
});

describe('the search boxes', () => {
  // A voice-control user says what they see: the name read out holds the words shown (WCAG 2.5.3).
  it.each([
    ['popupSearchLabel', 'popupSearchPlaceholder'],
    ['glossarySearchLabel', 'glossarySearchPlaceholder'],
  ])('are named with the words their placeholder shows (%s)', (label, placeholder) => {
    const text = (key: string) => (messages as Record<string, { message: string }>)[key]!.message.toLowerCase();
    expect(text(label)).toContain(text(placeholder));
  });
});
