import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  coveringPattern,
  listedForm,
  isSiteEnabled,
  normalizeSitePattern,
  patternMatches,
  setSiteEnabled,
  siteKeyOf,
  wholeDomainOf,
} from '../../src/core/settings';
import type { SiteRules } from '../../src/core/settings';

describe('normalizeSitePattern', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM  ', 'example.com'],
    ['https://www.example.com/blog/post?id=1#top', 'www.example.com'],
    ['http://user:secret@example.com:8080/', 'example.com'],
    ['example.com:3000/path', 'example.com'],
    ['example.com.', 'example.com'],
    ['*.Example.com', '*.example.com'],
    ['news.**.com', 'news.*.com'],
    ['BÜCHER.de', 'bücher.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['localhost', 'localhost'],
    ['192.168.1.20:8000', '192.168.1.20'],
    ['[::1]:8080', '[::1]'],
    ['my-site.example-host.com', 'my-site.example-host.com'],
    [`${'a'.repeat(63)}.com`, `${'a'.repeat(63)}.com`],
    ['*-cdn.example.com', '*-cdn.example.com'],
    // Hosts browsers load though no registry would hand them out: the popup stores them as they are.
    ['foo-.tumblr.com', 'foo-.tumblr.com'],
    ['https://-foo.blogspot.com/', '-foo.blogspot.com'],
    // A domain written as cookies write it: it and its subdomains, which any pattern means.
    ['.example.com', 'example.com'],
  ])('%j is stored as %j', (input, pattern) => {
    expect(normalizeSitePattern(input)).toMatchObject({ ok: true, pattern });
  });

  it.each([
    ['example.com', []],
    ['https://example.com/', []],
    ['example.com:', []],
    ['example.com/?#', []],
    ['https://www.example.com/blog/post?id=1#top', ['path']],
    ['example.com?q=1', ['path']],
    ['http://user:secret@example.com:8080/', ['port']],
    ['example.com:3000/path', ['path', 'port']],
    ['[::1]:8080', ['port']],
  ])('says what of %j it leaves out: %j', (input, leftOut) => {
    expect(normalizeSitePattern(input)).toMatchObject({ ok: true, leftOut });
  });

  it.each([
    ['', 'siteEmpty', [], 'Enter a site'],
    ['   ', 'siteEmpty', [], 'Enter a site'],
    ['ftp://files.example.com', 'siteScheme', ['ftp'], 'not on ftp: ones'],
    ['chrome://extensions', 'siteScheme', ['chrome'], 'not on chrome: ones'],
    ['exa mple.com', 'siteBadCharacters', [], 'letters, digits'],
    ['example..com', 'siteEmptyLabel', [], 'empty part between two dots'],
    ['a..b', 'siteEmptyLabel', [], 'empty part between two dots'],
    ['a.\uFF0Eb', 'siteEmptyLabel', [], 'empty part between two dots'],
    ['.', 'siteEmpty', [], 'Enter a site'],
    ['..', 'siteEmpty', [], 'Enter a site'],
    ['example.com:abc', 'siteBadCharacters', [], 'letters, digits'],
    ['example.com,arxiv.org', 'siteBadCharacters', [], 'letters, digits'],
    ['*', 'siteTooBroad', [], 'main switch'],
    ['*.*', 'siteTooBroad', [], 'main switch'],
    [`${'a'.repeat(300)}.com`, 'siteLabelTooLong', [63, 300], 'at most 63 characters long, not 300'],
    [`docs.${'b'.repeat(64)}*.org`, 'siteLabelTooLong', [63, 64], 'at most 63 characters'],
  ])('refuses %j, saying why', (input, code, params, words) => {
    const result = normalizeSitePattern(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual({ code, params, message: expect.stringContaining(words) });
  });
});

describe('coveringPattern', () => {
  it('finds a listed site that already covers a new one', () => {
    expect(coveringPattern(['arxiv.org', 'example.com'], 'docs.example.com')).toBe('example.com');
    expect(coveringPattern(['*.example.com'], 'a.b.example.com')).toBe('*.example.com');
    expect(coveringPattern(['bücher.de'], 'shop.xn--bcher-kva.de')).toBe('bücher.de');
  });

  it('finds none for a site that adds something', () => {
    // A subdomain does not cover its parent, nor a wildcard the bare host.
    expect(coveringPattern(['docs.example.com'], 'example.com')).toBeNull();
    expect(coveringPattern(['*.example.com'], 'example.com')).toBeNull();
    // The same site is a duplicate, which listedForm says; a pattern with wildcards is left alone.
    expect(coveringPattern(['example.com'], 'EXAMPLE.com')).toBeNull();
    expect(coveringPattern(['example.com'], '*.example.com')).toBeNull();
    expect(coveringPattern(['notexample.com'], 'example.com')).toBeNull();
  });
});

describe('listedForm', () => {
  it('finds a host listed in its other form, Unicode or ASCII, and gives the form listed', () => {
    expect(listedForm(['a.org', 'bücher.de'], 'xn--bcher-kva.de')).toBe('bücher.de');
    expect(listedForm(['xn--bcher-kva.de'], 'bücher.de')).toBe('xn--bcher-kva.de');
    expect(listedForm(['*.bücher.de'], '*.xn--bcher-kva.de')).toBe('*.bücher.de');
    expect(listedForm(['example.com'], 'example.com')).toBe('example.com');
  });

  it('tells different patterns apart', () => {
    expect(listedForm(['bücher.de'], 'bucher.de')).toBeNull();
    expect(listedForm(['*.example.com'], 'example.com')).toBeNull();
    expect(listedForm([], 'example.com')).toBeNull();
  });
});

describe('patternMatches', () => {
  it('matches a host and all its subdomains, nothing that merely ends alike', () => {
    expect(patternMatches('example.com', 'example.com')).toBe(true);
    expect(patternMatches('example.com', 'docs.example.com')).toBe(true);
    expect(patternMatches('example.com', 'a.b.example.com')).toBe(true);
    expect(patternMatches('example.com', 'badexample.com')).toBe(false);
    expect(patternMatches('example.com', 'example.com.evil.net')).toBe(false);
    expect(patternMatches('docs.example.com', 'example.com')).toBe(false);
  });

  it('reads *. at the start as subdomains only', () => {
    expect(patternMatches('*.example.com', 'docs.example.com')).toBe(true);
    expect(patternMatches('*.example.com', 'a.b.example.com')).toBe(true);
    expect(patternMatches('*.example.com', 'example.com')).toBe(false);
  });

  it('lets * stand for one or more characters anywhere', () => {
    expect(patternMatches('news.*.com', 'news.google.com')).toBe(true);
    expect(patternMatches('news.*.com', 'news.eu.site.com')).toBe(true);
    expect(patternMatches('news.*.com', 'news.com')).toBe(false);
    expect(patternMatches('example.*', 'example.co.uk')).toBe(true);
    expect(patternMatches('example.*', 'example')).toBe(false);
    expect(patternMatches('wiki*.org', 'wikipedia.org')).toBe(true);
    expect(patternMatches('wiki*.org', 'en.wikibooks.org')).toBe(true);
  });

  it('stays quick on patterns with many wildcards', () => {
    const host = `${'a'.repeat(200)}.com`;
    expect(patternMatches('a*a*a*a*a*a*a*a*a*a*b', host)).toBe(false);
    expect(patternMatches('a*a*a*a*a*a*a*a*a*a*m', host)).toBe(true);
  });

  it('ignores case and trailing dots on either side, and treats dots literally', () => {
    expect(patternMatches('Example.COM', 'DOCS.example.com.')).toBe(true);
    expect(patternMatches('a.b', 'axb')).toBe(false);
  });

  it('compares internationalised names in either spelling', () => {
    expect(patternMatches('bücher.de', 'xn--bcher-kva.de')).toBe(true);
    expect(patternMatches('bücher.de', 'shop.bücher.de')).toBe(true);
    expect(patternMatches('xn--bcher-kva.de', 'Bücher.de')).toBe(true);
    expect(patternMatches('bücher.de', 'bucher.de')).toBe(false);
  });

  it('matches IP addresses exactly, or by wildcard, never as "subdomains"', () => {
    expect(patternMatches('10.0.0.1', '10.0.0.1')).toBe(true);
    expect(patternMatches('0.0.1', '10.0.0.1')).toBe(false);
    expect(patternMatches('192.168.*', '192.168.1.20')).toBe(true);
  });
});

describe('siteKeyOf', () => {
  it('gives the hostname of web pages, without a leading www.', () => {
    expect(siteKeyOf('https://www.example.com/a?b')).toBe('example.com');
    expect(siteKeyOf('http://docs.example.com:8080/')).toBe('docs.example.com');
    expect(siteKeyOf('https://www.com/')).toBe('www.com');
    expect(siteKeyOf('http://localhost:3000/')).toBe('localhost');
    expect(siteKeyOf('https://bücher.de/')).toBe('xn--bcher-kva.de');
  });

  it('is null where Termlight cannot run', () => {
    const urls = ['chrome://extensions', 'about:blank', 'file:///x.html', 'moz-extension://id/p', '', 'x'];
    for (const url of urls) expect(siteKeyOf(url)).toBeNull();
  });
});

describe('isSiteEnabled', () => {
  const except: SiteRules = { mode: 'all-except', patterns: ['example.com', '*.internal.net'] };
  const only: SiteRules = { mode: 'only', patterns: ['arxiv.org'] };

  it('in all-except mode, runs everywhere but the listed sites', () => {
    expect(isSiteEnabled('https://arxiv.org/abs/1706.03762', except)).toBe(true);
    expect(isSiteEnabled('https://www.example.com/', except)).toBe(false);
    expect(isSiteEnabled('https://wiki.internal.net/', except)).toBe(false);
    expect(isSiteEnabled('https://internal.net/', except)).toBe(true);
  });

  it('in only mode, runs just on the listed sites', () => {
    expect(isSiteEnabled('https://arxiv.org/abs/1706.03762', only)).toBe(true);
    expect(isSiteEnabled('https://example.com/', only)).toBe(false);
    expect(isSiteEnabled('https://x.com/', { mode: 'only', patterns: [] })).toBe(false);
  });

  it('never runs on pages that are not http or https', () => {
    expect(isSiteEnabled('file:///tmp/page.html', { mode: 'all-except', patterns: [] })).toBe(false);
  });
});

describe('setSiteEnabled', () => {
  it('turns a site off by adding its key', () => {
    const rules: SiteRules = { mode: 'all-except', patterns: ['arxiv.org'] };
    const result = setSiteEnabled(rules, 'https://www.example.com/page', false);
    expect(result).toEqual({
      rules: { mode: 'all-except', patterns: ['arxiv.org', 'example.com'] },
      added: 'example.com',
      removed: [],
    });
    expect(isSiteEnabled('https://www.example.com/page', result.rules)).toBe(false);
  });

  it('turns a site back on by removing every pattern that covers it', () => {
    const rules: SiteRules = { mode: 'all-except', patterns: ['*.com', 'arxiv.org', 'example.com'] };
    const result = setSiteEnabled(rules, 'https://docs.example.com/', true);
    expect(result.rules.patterns).toEqual(['arxiv.org']);
    expect(result.removed).toEqual(['*.com', 'example.com']);
    expect(isSiteEnabled('https://docs.example.com/', result.rules)).toBe(true);
  });

  it('works the other way round in only mode', () => {
    const rules: SiteRules = { mode: 'only', patterns: [] };
    const on = setSiteEnabled(rules, 'https://arxiv.org/', true);
    expect(on.rules.patterns).toEqual(['arxiv.org']);
    expect(setSiteEnabled(on.rules, 'https://arxiv.org/list', false).rules.patterns).toEqual([]);
  });

  it('changes nothing when the site is already as asked, or cannot run Termlight', () => {
    const rules: SiteRules = { mode: 'all-except', patterns: [] };
    expect(setSiteEnabled(rules, 'https://example.com/', true).rules).toBe(rules);
    expect(setSiteEnabled(rules, 'about:blank', false)).toEqual({ rules, added: null, removed: [] });
  });
});

describe('wildcards under browser URL parsers', () => {
  // Node's URL accepts `*` in a host; Firefox's throws and Chromium's escapes it to %2A.
  class StrictURL extends URL {
    constructor(url: string | URL, base?: string | URL) {
      if (/^https?:\/\/[^/]*\*/.test(String(url))) throw new TypeError('Invalid URL');
      super(url, base);
    }
  }
  beforeEach(() => void vi.stubGlobal('URL', StrictURL));
  afterEach(() => void vi.unstubAllGlobals());

  it('keeps wildcard patterns valid and matching', () => {
    expect(normalizeSitePattern('*.example.org')).toEqual({ ok: true, pattern: '*.example.org', leftOut: [] });
    expect(patternMatches('*.example.org', 'docs.example.org')).toBe(true);
    expect(patternMatches('*.example.org', 'example.org')).toBe(false);
    expect(patternMatches('news.*.com', 'news.google.com')).toBe(true);
    expect(patternMatches('*.bücher.de', 'shop.xn--bcher-kva.de')).toBe(true);
  });
});

describe('wholeDomainOf', () => {
  it.each([
    ['*.com', '.com'],
    ['*.uk', '.uk'],
    ['*.example.com', null],
    ['example.com', null],
    ['news.*.com', null],
    ['*.*', null],
  ])('%j covers a whole top-level domain: %j', (pattern, ending) => {
    expect(wholeDomainOf(pattern)).toBe(ending);
  });
});
