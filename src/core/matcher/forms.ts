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
  /**
   * How many leading characters of `text` keep their case when `caseSensitive`. A generated
   * plural keeps its base's case rule but not for the ending: "LLMs" and "LLMS" both count.
   */
  exactChars: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ACRONYM = /^[\p{Lu}\p{N}]*\p{Lu}[\p{Lu}\p{N}]*$/u;
const SIBILANT = /(?:s|x|z|ch|sh)$/;
const CONSONANT_Y = /[^aeiou]y$/;

/**
 * The regular English plural of a form, changing its last word only: "foundation model" →
 * "foundation models", "LLM" → "LLMs", "bias" → "biases", "ontology" → "ontologies".
 * `keep` is how much of the form survives unchanged in front of the new ending.
 */
export function pluralOf(form: string): { text: string; keep: number } | null {
  let end = form.length;
  while (end > 0 && isSkipCode(form.charCodeAt(end - 1))) end--;
  const base = form.slice(0, end);
  if (!LETTER_OR_DIGIT.test(base.slice(-1))) return null;
  let wordStart = end;
  while (wordStart > 0 && !isSeparatorCode(base.charCodeAt(wordStart - 1))) wordStart--;
  const word = base.slice(wordStart);
  if (ACRONYM.test(word)) return { text: `${base}s`, keep: end };
  const lower = word.toLowerCase();
  if (SIBILANT.test(lower)) return { text: `${base}es`, keep: end };
  if (CONSONANT_Y.test(lower)) return { text: `${base.slice(0, -1)}ies`, keep: end - 1 };
  return { text: `${base}s`, keep: end };
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
  for (const pack of packs) {
    for (const entry of pack.entries) {
      const index = entries.push({ packId: pack.id, entry }) - 1;
      const plurals = entry.match?.plural !== false;
      for (const surface of surfaceForms(entry)) {
        const text = surface.text.trim();
        if (text === '') continue;
        const rules = { entry: index, caseSensitive: surface.caseSensitive, gated: surface.contextGated };
        forms.push({ text, exactChars: text.length, ...rules });
        const plural = plurals ? pluralOf(text) : null;
        if (plural) forms.push({ text: plural.text, exactChars: plural.keep, ...rules });
      }
    }
  }
  return { entries, forms };
}
