/**
 * Site rules: which pages Termlight runs on.
 *
 * A pattern names a host, and matches that host and all its subdomains: `example.com` covers
 * `example.com` and `docs.example.com`. `*` stands for one or more characters, dots included,
 * so `*.example.com` covers the subdomains but not `example.com` itself, and `news.*.com` covers
 * `news.google.com` and `news.eu.site.com`. Case, ports, paths and schemes pasted along with a
 * host do not count. Internationalised names may be written either way (`bücher.de` or
 * `xn--bcher-kva.de`); patterns keep the form the user typed and are compared in ASCII.
 */

import type { Settings } from './defaults';
import { settingsEnglish } from './problem-text';
import type { SiteError, SiteReason } from './problem-text';

export type SiteRules = Settings['siteRules'];

/** What of a pasted address a pattern leaves out: a rule is for a whole site. */
export type LeftOut = 'path' | 'port';

export type PatternResult = { ok: true; pattern: string; leftOut: LeftOut[] } | { ok: false; error: SiteError };

function refuse(reason: SiteReason): PatternResult {
  return { ok: false, error: { ...reason, message: settingsEnglish(reason) } };
}

const ASCII_PATTERN = /^[a-z0-9_*-]+(?:\.[a-z0-9_*-]+)*$/;
const IPV6_PATTERN = /^\[[0-9a-f:.*]+\]$/;
const IP_HOST = /^(?:[\d.*]+|\[.*\])$/;

/** Turns what a user typed or pasted into a stored pattern, or says why it cannot be one. */
export function normalizeSitePattern(input: string): PatternResult {
  let text = input.trim();
  if (text === '') return refuse({ code: 'siteEmpty', params: [] });
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    if (name !== 'http' && name !== 'https') return refuse({ code: 'siteScheme', params: [name] });
    text = text.slice(scheme[0].length);
  }
  const leftOut: LeftOut[] = [];
  text = text.replace(/^\/\//, '');
  const cut = text.search(/[/?#]/);
  if (cut >= 0) {
    // "example.com/" (or "/?", "#") names nothing more.
    if (/[^/?#]/.test(text.slice(cut))) leftOut.push('path');
    text = text.slice(0, cut);
  }
  text = text.slice(text.lastIndexOf('@') + 1);
  if ((text.startsWith('[') ? /\]:\d+$/ : /:\d+$/).test(text)) leftOut.push('port');
  text = text.startsWith('[') ? text.replace(/(\]):\d*$/, '$1') : text.replace(/:\d*$/, '');
  // A leading dot (`.example.com`, as cookies write a domain and its subdomains) says what any
  // pattern here means anyway.
  text = text.replace(/^\.+|\.+$/g, '').replace(/\*+/g, '*').toLowerCase().normalize('NFC');
  if (text === '') return refuse({ code: 'siteEmpty', params: [] });

  const ascii = toAsciiHost(text);
  // Looked at in ASCII, where a full-width dot has become a dot.
  if (ascii?.includes('..')) return refuse({ code: 'siteEmptyLabel', params: [] });
  if (ascii === null || !(ASCII_PATTERN.test(ascii) || IPV6_PATTERN.test(ascii))) {
    return refuse({ code: 'siteBadCharacters', params: [] });
  }
  // A pattern of wildcards alone would match every site.
  if (!/[a-z0-9]/.test(ascii)) return refuse({ code: 'siteTooBroad', params: [] });
  const labelProblem = IPV6_PATTERN.test(ascii) ? null : badLabel(ascii);
  if (labelProblem) return refuse(labelProblem);
  return { ok: true, pattern: text, leftOut };
}

/**
 * The ending every site a pattern covers shares, for a pattern that covers a whole top-level
 * domain (`*.com` → `.com`); null for any other.
 */
export function wholeDomainOf(pattern: string): string | null {
  const match = /^\*\.([^.*]+)$/.exec(pattern);
  return match ? `.${match[1]}` : null;
}

/** The longest label DNS allows, in ASCII (punycode) characters. */
const MAX_LABEL = 63;

/**
 * Browsers' URL parsers accept labels longer than any name can resolve, so such a pattern could
 * never match: it is refused while the user can still fix it. A hyphen at a label's end is left
 * alone: browsers load such hosts (`foo-.tumblr.com`), and the popup stores them as they are.
 */
function badLabel(ascii: string): SiteReason | null {
  for (const label of ascii.split('.')) {
    // A wildcard stands for at least one character of its own, so it does not count.
    const length = label.replaceAll('*', '').length;
    if (length > MAX_LABEL) return { code: 'siteLabelTooLong', params: [MAX_LABEL, length] };
  }
  return null;
}

/**
 * The form patterns are compared in, so `bücher.de` and `xn--bcher-kva.de` count as one site
 * while each stays listed as the user wrote it.
 */
export function patternKey(pattern: string): string {
  const text = pattern.trim().replace(/\.+$/, '').toLowerCase().normalize('NFC');
  return toAsciiHost(text) ?? text;
}

/** How `patterns` already holds `pattern`, in whichever form it was written there; null if not. */
export function listedForm(patterns: readonly string[], pattern: string): string | null {
  const key = patternKey(pattern);
  return patterns.find((listed) => patternKey(listed) === key) ?? null;
}

/**
 * A listed pattern that already covers every page of `pattern` (`example.com` covers
 * `docs.example.com`), so that adding it would change nothing; null if none does. Only a plain
 * host is looked at: a pattern with wildcards is left to the user.
 */
export function coveringPattern(patterns: readonly string[], pattern: string): string | null {
  if (pattern.includes('*')) return null;
  const key = patternKey(pattern);
  return patterns.find((listed) => patternKey(listed) !== key && patternMatches(listed, pattern)) ?? null;
}

export function patternMatches(pattern: string, hostname: string): boolean {
  const host = toAsciiHost(hostname.replace(/\.+$/, '').toLowerCase());
  const glob = toAsciiHost(pattern.trim().replace(/\.+$/, '').toLowerCase());
  if (host === null || glob === null || host === '' || glob === '') return false;
  if (globMatches(glob, host)) return true;
  // Subdomains make no sense for IP addresses: pattern 0.0.1 must not match host 10.0.0.1.
  if (IP_HOST.test(host)) return false;
  for (let dot = host.indexOf('.'); dot > 0; dot = host.indexOf('.', dot + 1)) {
    if (globMatches(glob, host.slice(dot + 1))) return true;
  }
  return false;
}

/**
 * The host the popup's "on this site" switch adds as a pattern: the page's hostname without a
 * leading `www.`, so the rule covers the whole site. Null where Termlight cannot run.
 */
export function siteKeyOf(url: string): string | null {
  const host = hostnameOf(url);
  if (host === null) return null;
  const bare = host.replace(/^www\./, '');
  return bare.includes('.') ? bare : host;
}

export function isSiteEnabled(url: string, rules: SiteRules): boolean {
  const host = hostnameOf(url);
  if (host === null) return false;
  const listed = rules.patterns.some((pattern) => patternMatches(pattern, host));
  return rules.mode === 'only' ? listed : !listed;
}

export interface SiteSwitch {
  rules: SiteRules;
  /** The pattern added, if one was. */
  added: string | null;
  /** Patterns removed; may include broad ones such as `*.com`, which the popup should name. */
  removed: string[];
}

/** The rules changed as little as possible so that `url` is on (or off). */
export function setSiteEnabled(rules: SiteRules, url: string, enabled: boolean): SiteSwitch {
  const host = hostnameOf(url);
  const key = siteKeyOf(url);
  if (host === null || key === null || isSiteEnabled(url, rules) === enabled) {
    return { rules, added: null, removed: [] };
  }
  const shouldBeListed = (rules.mode === 'only') === enabled;
  if (shouldBeListed) {
    return { rules: { ...rules, patterns: [...rules.patterns, key] }, added: key, removed: [] };
  }
  const removed = rules.patterns.filter((pattern) => patternMatches(pattern, host));
  const patterns = rules.patterns.filter((pattern) => !removed.includes(pattern));
  return { rules: { ...rules, patterns }, added: null, removed };
}

function hostnameOf(url: string): string | null {
  const parsed = parseUrl(url);
  if (parsed === null || !['http:', 'https:'].includes(parsed.protocol)) return null;
  return parsed.hostname.replace(/\.+$/, '') || null;
}

/**
 * ASCII (punycode) form of a host or pattern. Browsers' URL parsers refuse (Firefox) or escape
 * (Chromium: `%2A`) a `*` in a host, so a pattern is converted label by label, and labels with a
 * wildcard are kept as written.
 */
function toAsciiHost(host: string): string | null {
  if (host === '' || /[\s/?#@:\\]/.test(host.replace(/^\[.*\]$/, ''))) return null;
  if (!host.includes('*')) return parseUrl(`http://${host}`)?.hostname ?? null;
  const labels = host.split('.').map((label) => {
    if (label === '' || label.includes('*')) return label;
    // A bare number would parse as an IPv4 address; a suffix keeps it a name.
    const parsed = parseUrl(`http://${label}.invalid`)?.hostname;
    return parsed?.endsWith('.invalid') ? parsed.slice(0, -'.invalid'.length) : null;
  });
  return labels.includes(null) ? null : labels.join('.');
}

// Not URL.canParse: Chrome gained it only in version 120.
function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * `*` matches one or more characters. Two pointers with one backtrack point rather than a
 * regular expression: with `.+` per star, `a*a*a*a*a*b` against a long host takes a second.
 */
function globMatches(glob: string, text: string): boolean {
  // `?` (never in a host or pattern) stands for exactly one character, so `*` becomes `?` + a
  // zero-or-more star.
  const tokens = glob.replaceAll('*', '?*');
  let g = 0;
  let t = 0;
  let star = -1;
  let starText = 0;
  while (t < text.length) {
    if (tokens[g] === '?' || (tokens[g] !== '*' && tokens[g] === text[t])) {
      g++;
      t++;
    } else if (tokens[g] === '*') {
      star = g++;
      starText = t;
    } else if (star >= 0) {
      g = star + 1;
      t = ++starText;
    } else {
      return false;
    }
  }
  while (tokens[g] === '*') g++;
  return g === tokens.length;
}
