import type { GlossaryPack } from '../../src/core/glossary/types';
import { collectForms } from '../../src/core/matcher/forms';

/*
 * mark.js is given exactly the written forms the matcher compiles (terms, aliases and the
 * plurals it generates), in its best configuration for Termlight's rules. Exception phrases
 * ("Meta-learning") are left out: they mark nothing, which mark.js cannot be told.
 */

export interface KeywordSets {
  /** mark.js takes one case rule per call, so the forms are split by theirs. */
  anyCase: string[];
  exactCase: string[];
}

export function keywordSets(packs: readonly GlossaryPack[]): KeywordSets {
  const anyCase = new Set<string>();
  const exactCase = new Set<string>();
  for (const form of collectForms(packs).forms) if (!form.except) (form.caseSensitive ? exactCase : anyCase).add(form.text);
  return { anyCase: [...anyCase], exactCase: [...exactCase] };
}

/**
 * Characters mark.js's "exactly" accuracy may find next to a keyword besides white space:
 * punctuation, so that "LLM," "(RLHF)" and "LLM's" count as whole words, as they do for
 * Termlight.
 */
export const LIMITERS = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~¡¿‘’‚“”„«»‹›–—―‐‑‒…·•†‡§¶′″'];

// The separators the matcher folds (white space, hyphens, dashes, minus), and the characters
// that belong to a word for its whole-word rule; written out so the regex is plain to read.
const SEP = '[\\t-\\r \\-\\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2010-\\u2015\\u2028\\u2029\\u202f\\u205f\\u2212\\u3000\\ufe58\\ufe63\\uff0d]+';
const WORD = '[\\p{L}\\p{N}\\p{M}_\\u00ad\\u200c\\u200d\\u2060]';
const APOSTROPHE = "['\\u2019\\u02bc]";
// Marks that join two digits into one number ("4.5"): a form does not end or start inside one.
const JOINS_DIGITS = "[',.;\\u037e\\u0589\\u060c\\u060d\\u066c\\u07f8\\u2018\\u2019\\u2024\\u2044\\ufe10\\ufe14\\ufe50\\ufe52\\ufe54\\uff07\\uff0c\\uff0e\\uff1b]";
const NUMBER_BEFORE = `(?<![0-9]${JOINS_DIGITS}(?=[0-9]))`;
const NUMBER_AFTER = `(?!(?<=[0-9])${JOINS_DIGITS}[0-9])`;

function literal(text: string): string {
  return text
    .split(/[\s\-\u2010-\u2015\u2212]+/)
    .map((part) => part.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&').replace(/['\u2019\u02bc]/g, APOSTROPHE))
    .join(SEP);
}

/**
 * The source and flags of one regular expression for every form: longest first, so that at
 * each position the longest form wins as with the matcher; Unicode word edges, not inside a
 * number ("GPT-4" in "GPT-4.5"); the matcher's
 * separator folding; and the case rule of each form through `(?i:…)` groups (a case-sensitive
 * form's plural ending is free, as in the matcher).
 */
export function oneRegExp(packs: readonly GlossaryPack[]): { source: string; flags: string } {
  const seen = new Set<string>();
  const forms = collectForms(packs).forms.filter((f) => {
    if (f.except) return false;
    const key = `${f.caseSensitive ? 'c' : 'i'}${f.text}`;
    return !seen.has(key) && seen.add(key);
  });
  forms.sort((a, b) => b.text.length - a.text.length);
  const alternatives = forms.map((f) => {
    if (!f.caseSensitive) return `(?i:${literal(f.text)})`;
    const exact = literal(f.text.slice(0, f.exactChars));
    const free = f.text.slice(f.exactChars);
    return free ? `${exact}(?i:${literal(free)})` : exact;
  });
  return { source: `(?<!${WORD})${NUMBER_BEFORE}(?:${alternatives.join('|')})(?!${WORD})${NUMBER_AFTER}`, flags: 'gu' };
}
