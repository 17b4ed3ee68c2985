import type { GlossaryPack } from '../glossary/types';
import { surfaceForms } from '../glossary/surface-form';
import { isSeparatorCode, isSkipCode } from './chars';
import type { CompiledEntry } from './types';

/** One written form to compile, with the rules it matches under. */
export interface FormSpec {
  text: string;
  entry: number;
  caseSensitive: boolean;
  gated: boolean;
  /** An exception phrase of the entry ("Meta-learning" for Meta): found, but never marked. */
  except?: boolean;
  /**
   * How many leading characters of `text` keep their case when `caseSensitive`. A generated
   * plural keeps its base's case rule but not for the ending: "LLMs" and "LLMS" both count.
   */
  exactChars: number;
  /**
   * How many leading characters it shares with the form before it: a plural comes right after
   * its base, which lets the trie read their common start once.
   */
  shared: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ACRONYM = /^[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*$/u;
const SIBILANT = /(?:s|x|z|ch|sh)$/;
const CONSONANT_Y = /[^aeiou]y$/;

// The regular expressions above hold the rules for any script. Glossaries are mostly ASCII, and
// this runs for every form of every entry at each compile, while the code is cold: plain
// character tests answer for ASCII, and anything else goes to the expressions.
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isUpper = (code: number) => code >= 0x41 && code <= 0x5a;
const isLower = (code: number) => code >= 0x61 && code <= 0x7a;
const lowerAscii = (code: number) => (isUpper(code) ? code + 0x20 : code);

function endsInLetterOrDigit(base: string): boolean {
  const last = base.charCodeAt(base.length - 1);
  return last < 0x80 ? isDigit(last) || isUpper(last) || isLower(last) : LETTER_OR_DIGIT.test(base.slice(-1));
}

function isAcronym(word: string): boolean {
  let upper = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x80) return ACRONYM.test(word);
    if (isUpper(code)) upper = true;
    else if (!isDigit(code)) return false;
  }
  return upper;
}

/** The ending the plural takes after the last word: 's', 'es', or 'ies' in place of its 'y'. */
function endingOf(word: string): 's' | 'es' | 'ies' {
  const n = word.length;
  const last = word.charCodeAt(n - 1);
  const before = n > 1 ? word.charCodeAt(n - 2) : -1;
  if (last >= 0x80 || before >= 0x80) {
    const lower = word.toLowerCase();
    return SIBILANT.test(lower) ? 'es' : CONSONANT_Y.test(lower) ? 'ies' : 's';
  }
  return asciiEnding(lowerAscii(last), lowerAscii(before));
}

/** `endingOf` for a word ending in two ASCII characters, lower-cased (`b` -1: a one-letter word). */
function asciiEnding(l: number, b: number): 's' | 'es' | 'ies' {
  if (l === 0x73 || l === 0x78 || l === 0x7a || (l === 0x68 && (b === 0x63 || b === 0x73))) return 'es';
  const vowel = b === 0x61 || b === 0x65 || b === 0x69 || b === 0x6f || b === 0x75;
  return l === 0x79 && b !== -1 && !vowel ? 'ies' : 's';
}

function withEnding(base: string, end: number, ending: 's' | 'es' | 'ies'): { text: string; keep: number } {
  if (ending === 'ies') return { text: `${base.slice(0, -1)}ies`, keep: end - 1 };
  return { text: base + ending, keep: end };
}

/**
 * The regular English plural of a form, changing its last word only: "foundation model" →
 * "foundation models", "LLM" → "LLMs", "bias" → "biases", "ontology" → "ontologies".
 * `keep` is how much of the form survives unchanged in front of the new ending.
 */
export function pluralOf(form: string): { text: string; keep: number } | null {
  let end = form.length;
  while (end > 0 && isSkipCode(form.charCodeAt(end - 1))) end--;
  if (end === 0) return null;
  const base = end === form.length ? form : form.slice(0, end);
  const last = base.charCodeAt(end - 1);
  if (isLower(last)) {
    // Most forms end in a lower-case ASCII letter: then the last word is no acronym, and its
    // ending depends on the letter before (none if that is a separator: a one-letter word).
    const before = end > 1 ? base.charCodeAt(end - 2) : -1;
    if (before < 0x80) return withEnding(base, end, asciiEnding(last, before === -1 || isSeparatorCode(before) ? -1 : lowerAscii(before)));
  }
  if (!endsInLetterOrDigit(base)) return null;
  let wordStart = end;
  while (wordStart > 0 && !isSeparatorCode(base.charCodeAt(wordStart - 1))) wordStart--;
  const word = base.slice(wordStart);
  if (isAcronym(word)) return { text: `${base}s`, keep: end };
  return withEnding(base, end, endingOf(word));
}

/** The entries of the given packs, in pack and entry order: what a match's `entry` indexes. */
export function entriesOf(packs: readonly GlossaryPack[]): CompiledEntry[] {
  const entries: CompiledEntry[] = [];
  for (const pack of packs) for (const entry of pack.entries) entries.push({ packId: pack.id, entry });
  return entries;
}

/** Every form of every entry of the given packs, in pack and entry order. */
export function collectForms(packs: readonly GlossaryPack[]): {
  entries: CompiledEntry[];
  forms: FormSpec[];
} {
  const entries: CompiledEntry[] = [];
  const forms: FormSpec[] = [];
  // Counted loops: this runs for every entry and form at each compile, mostly unoptimised, where
  // a for-of loop's iterator costs more than the body.
  for (const pack of packs) {
    const list = pack.entries;
    for (let e = 0; e < list.length; e++) {
      const entry = list[e]!;
      const index = entries.push({ packId: pack.id, entry }) - 1;
      const surfaces = surfaceForms(entry);
      for (let s = 0; s < surfaces.length; s++) {
        const surface = surfaces[s]!;
        const text = surface.text.trim();
        if (text === '') continue;
        const { caseSensitive, contextGated: gated } = surface;
        forms.push({ text, entry: index, caseSensitive, gated, exactChars: text.length, shared: 0 });
        const plural = surface.plural ? pluralOf(text) : null;
        if (plural) forms.push({ text: plural.text, entry: index, caseSensitive, gated, exactChars: plural.keep, shared: plural.keep });
      }
      // In any letter case: "Meta-Learning" in a title is no more the company than "Meta-learning".
      const exceptions = entry.match?.except ?? [];
      for (let x = 0; x < exceptions.length; x++) {
        const text = exceptions[x]!.trim();
        if (text !== '') forms.push({ text, entry: index, caseSensitive: false, gated: false, except: true, exactChars: 0, shared: 0 });
      }
    }
  }
  return { entries, forms };
}
