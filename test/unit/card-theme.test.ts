import { describe, expect, it } from 'vitest';
import { resolveTheme } from '../../src/content/card/theme';

/** A page as the card's theme sees it: its backgrounds, its colour schemes, the system's. */
function page(opts: { background?: string; colorScheme?: string; meta?: string; systemDark: boolean; wrapper?: string }): Document {
  const root = { localName: 'html', nodeType: 1, parentNode: null };
  const body = { localName: 'body', nodeType: 1, parentNode: root };
  // A wrapper in the body, and a paragraph in it: where a term would be.
  const wrapper = { localName: 'div', nodeType: 1, parentNode: body };
  const paragraph = { localName: 'p', nodeType: 1, parentNode: wrapper, isConnected: true };
  const view = {
    getComputedStyle: (el: object) => ({
      backgroundColor:
        el === body ? (opts.background ?? 'rgba(0, 0, 0, 0)') : el === wrapper ? (opts.wrapper ?? 'rgba(0, 0, 0, 0)') : 'rgba(0, 0, 0, 0)',
      colorScheme: el === root ? (opts.colorScheme ?? 'normal') : 'normal',
    }),
    matchMedia: (query: string) => ({ matches: query === '(prefers-color-scheme: dark)' && opts.systemDark }),
  };
  const meta = opts.meta === undefined ? null : { getAttribute: () => opts.meta };
  // The one query the theme makes of the page: its color-scheme meta tag, named in any case.
  const querySelector = (selector: string) => (/^meta\[name="color-scheme" i\]$/.test(selector) ? meta : null);
  return { defaultView: view, documentElement: root, body, querySelector, paragraph } as unknown as Document;
}

/** The paragraph inside the page's wrapper, where a term would be. */
const termIn = (doc: Document) => (doc as unknown as { paragraph: Node }).paragraph;

describe('the card theme "auto"', () => {
  it('follows a background the page paints itself, whatever the system', () => {
    expect(resolveTheme('auto', page({ background: 'rgb(20, 20, 24)', systemDark: false }))).toBe('dark');
    expect(resolveTheme('auto', page({ background: 'rgb(255, 255, 255)', systemDark: true }))).toBe('light');
  });

  it('follows the background behind the term: a dark wrapper on a page whose body paints none', () => {
    const dark = page({ wrapper: 'rgb(18, 18, 18)', systemDark: false });
    expect(resolveTheme('auto', dark, termIn(dark))).toBe('dark');
    // A light panel on a dark page: light behind the term, whatever the body.
    const panel = page({ background: 'rgb(20, 20, 24)', wrapper: 'rgb(250, 250, 250)', systemDark: true });
    expect(resolveTheme('auto', panel, termIn(panel))).toBe('light');
    // Without a term to go by, the body decides.
    expect(resolveTheme('auto', panel)).toBe('dark');
  });

  it('is light on a page that leaves its background to a browser it never told it can be dark', () => {
    // The browser paints such a page white, dark system or not.
    expect(resolveTheme('auto', page({ systemDark: true }))).toBe('light');
    expect(resolveTheme('auto', page({ colorScheme: 'only light', systemDark: true }))).toBe('light');
  });

  it('follows the system on a page that supports both schemes, by CSS or by its meta tag', () => {
    expect(resolveTheme('auto', page({ colorScheme: 'light dark', systemDark: true }))).toBe('dark');
    expect(resolveTheme('auto', page({ colorScheme: 'light dark', systemDark: false }))).toBe('light');
    expect(resolveTheme('auto', page({ meta: 'dark light', systemDark: true }))).toBe('dark');
    expect(resolveTheme('auto', page({ colorScheme: 'dark', systemDark: false }))).toBe('dark');
  });

  it('leaves a chosen theme as chosen', () => {
    expect(resolveTheme('dark', page({ background: 'rgb(255, 255, 255)', systemDark: false }))).toBe('dark');
  });
});
