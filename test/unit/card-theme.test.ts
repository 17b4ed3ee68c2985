import { describe, expect, it } from 'vitest';
import { resolveTheme } from '../../src/content/card/theme';

/** A page as the card's theme sees it: its backgrounds, its colour schemes, the system's. */
function page(opts: { background?: string; colorScheme?: string; meta?: string; systemDark: boolean }): Document {
  const root = { localName: 'html' };
  const body = { localName: 'body' };
  const view = {
    getComputedStyle: (el: object) => ({
      backgroundColor: el === body ? (opts.background ?? 'rgba(0, 0, 0, 0)') : 'rgba(0, 0, 0, 0)',
      colorScheme: el === root ? (opts.colorScheme ?? 'normal') : 'normal',
    }),
    matchMedia: (query: string) => ({ matches: query === '(prefers-color-scheme: dark)' && opts.systemDark }),
  };
  const meta = opts.meta === undefined ? null : { getAttribute: () => opts.meta };
  // The one query the theme makes of the page: its color-scheme meta tag, named in any case.
  const querySelector = (selector: string) => (/^meta\[name="color-scheme" i\]$/.test(selector) ? meta : null);
  return { defaultView: view, documentElement: root, body, querySelector } as unknown as Document;
}

describe('the card theme "auto"', () => {
  it('follows a background the page paints itself, whatever the system', () => {
    expect(resolveTheme('auto', page({ background: 'rgb(20, 20, 24)', systemDark: false }))).toBe('dark');
    expect(resolveTheme('auto', page({ background: 'rgb(255, 255, 255)', systemDark: true }))).toBe('light');
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
