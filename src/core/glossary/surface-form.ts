import type { Alias, GlossaryEntry } from './types';

/** Hyphens and dashes that writers use interchangeably with a space inside a term. */
const JOINERS = /[\s\-\u2010\u2011\u2012\u2013\u2014]+/g;

/**
 * The form two spellings share when they should count as the same term:
 * "Pre-training", "pre training" and "PRE–TRAINING" all fold to "pre training".
 * Closed forms ("pretraining") stay distinct, so glossaries list them as aliases.
 */
export function foldSurfaceForm(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(JOINERS, ' ').trim();
}

export function aliasText(alias: Alias): string {
  return typeof alias === 'string' ? alias : alias.text;
}

/** A written form of an entry with the rules that apply to it after alias overrides. */
export interface SurfaceForm {
  text: string;
  caseSensitive: boolean;
  contextGated: boolean;
  /** Whether the matcher adds its regular plural. */
  plural: boolean;
}

/** The term and every alias of an entry, each with its effective match rules. */
export function surfaceForms(entry: GlossaryEntry): SurfaceForm[] {
  const caseSensitive = entry.match?.caseSensitive ?? false;
  const contextGated = entry.match?.contextGated ?? false;
  const plural = entry.match?.plural ?? true;
  const forms: SurfaceForm[] = [{ text: entry.term, caseSensitive, contextGated, plural }];
  for (const alias of entry.aliases ?? []) {
    if (typeof alias === 'string') {
      forms.push({ text: alias, caseSensitive, contextGated, plural });
    } else {
      forms.push({
        text: alias.text,
        caseSensitive: alias.caseSensitive ?? caseSensitive,
        contextGated: alias.contextGated ?? contextGated,
        plural: alias.plural ?? plural,
      });
    }
  }
  return forms;
}
