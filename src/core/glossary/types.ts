/**
 * The shape of a glossary pack: the bundled packs in `glossary/` and user glossaries share it.
 * `glossary/schema.json` describes the same shape for editors and other tools.
 */

export type Category =
  | 'concept'
  | 'technique'
  | 'model'
  | 'model-family'
  | 'organisation'
  | 'resource'
  | 'safety'
  | 'benchmark';

/** An alias written as an object can override the entry's match rules for that one form. */
export interface AliasRule {
  text: string;
  caseSensitive?: boolean;
  contextGated?: boolean;
  /** Whether this form's regular plural counts too: "LM" may take "LMs" but not "LMS". */
  plural?: boolean;
}

export type Alias = string | AliasRule;

export interface MatchRules {
  /** Match only with the exact letter case written (acronyms, names). Default false. */
  caseSensitive?: boolean;
  /**
   * A word too common to mark on its own ("alignment", "compute", "Gemini"): marked only when
   * the page holds enough unambiguous glossary terms to be about AI. Default false.
   */
  contextGated?: boolean;
  /** Also match regular plural forms ("models", "LLMs"). Default true. */
  plural?: boolean;
  /**
   * Longer phrases that hold the term but mean something else ("Meta-learning" for Meta, "on a
   * scale of" for scale): where the text reads one of them, none of it is marked. Matched in any
   * letter case, with the spacing and hyphen rules of terms, and without plurals.
   */
  except?: string[];
}

export interface GlossaryEntry {
  /** Stable kebab-case id, unique within the pack; used in links (`#term-id`). */
  id: string;
  /** The term as the glossary writes it. */
  term: string;
  /** Other names and variant spellings that mean this term. */
  aliases?: Alias[];
  /** One or two sentences. Plain text, never HTML. */
  definition: string;
  /** Longer plain-text notes: facts, figures, context. */
  notes?: string;
  category: Category;
  /** Ids of related entries in the same pack. */
  related?: string[];
  match?: MatchRules;
}

export interface GlossaryPack {
  $schema?: string;
  /** Stable kebab-case id of the pack. */
  id: string;
  name: string;
  version: string;
  language: string;
  description?: string;
  /** Where the pack's facts come from. */
  source?: { title: string; note?: string };
  entries: GlossaryEntry[];
}
