import { CATEGORY_LABEL_KEYS } from '../../core/glossary/categories';
import type { Category } from '../../core/glossary/types';

/**
 * Every word the card shows or announces. The English here is the fallback when the browser has
 * no translation (or in tests, where there is no `browser.i18n`); each key is also a key of
 * `_locales/<lang>/messages.json`, where `$1`, `$2` become that format's placeholders. The
 * category names are the glossary page's own keys, so both say the same.
 */
export const CARD_MESSAGES = {
  cardMore: 'More',
  cardLess: 'Less',
  cardAlso: 'Also: $1',
  cardRelated: 'Related',
  cardFrom: 'From $1',
  /** Above a card's notes; `$1` is the title of the article (or other source) they come from. */
  cardNotesFrom: 'Notes from “$1”',
  cardOpenGlossary: 'Open in glossary',
  /** What screen readers hear when keyboard navigation opens a card: term, then definition. */
  cardAnnounce: '$1. $2',
  /** The same, where the page writes the term otherwise: `$1` the page's words, `$2` the term. */
  cardAnnounceAs: '“$1”: $2. $3',
  cardNoTerms: 'No terms are marked on this page.',
  /** Terms are marked, but every one is hidden from view (a closed menu, screen-reader-only text). */
  cardNoneToShow: 'No term marked on this page can be shown on screen.',
  /** The next few terms the key tried are all hidden from view; others may follow. */
  cardNextNotShown: 'The next terms cannot be shown on screen.',
  /** A looked-up selection that names no entry; `$1` is the selection, shortened. */
  cardNoEntry: 'No glossary entry for “$1”',
  cardClosest: 'Closest matches',
  cardNoneClose: 'No similar terms in your glossaries.',
  cardOpenGlossaryAll: 'Browse the glossary',
  /**
   * The language of these words and the way they run, for the card's `lang` and `dir`: a card on
   * a right-to-left page, or a page in another language, is still read and laid out as these.
   */
  cardLanguage: 'en',
  cardDirection: 'ltr',
  glossaryCategoryConcept: 'Concept',
  glossaryCategoryTechnique: 'Technique',
  glossaryCategoryModel: 'Model',
  glossaryCategoryModelFamily: 'Model family',
  glossaryCategoryOrganisation: 'Organisation',
  glossaryCategoryResource: 'Resource',
  glossaryCategorySafety: 'Safety',
  glossaryCategoryBenchmark: 'Benchmark',
} as const;

export type CardMessageKey = keyof typeof CARD_MESSAGES;

/** `browser.i18n.getMessage`'s shape: returns '' for a key it does not know. */
export type GetMessage = (key: string, substitutions?: string[]) => string;

export interface CardStrings {
  text(key: CardMessageKey, ...substitutions: string[]): string;
  category(category: Category): string;
}

export function createCardStrings(getMessage?: GetMessage): CardStrings {
  const text = (key: CardMessageKey, ...substitutions: string[]): string => {
    let translated = '';
    try {
      translated = getMessage?.(key, substitutions) ?? '';
    } catch {
      // An extension context that was reloaded under the page throws here; English still works.
    }
    if (translated) return translated;
    return CARD_MESSAGES[key].replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  };
  return {
    text,
    category: (category) => text(CATEGORY_LABEL_KEYS[category] ?? 'glossaryCategoryConcept'),
  };
}
