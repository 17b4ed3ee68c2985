import type { Category } from './types';

/**
 * Every category with the message key of its label, kept in step with the `Category` union by
 * the compiler. The one list serves the validator, the glossary page and the definition card.
 * Its order is the reading order: from the general to the particular, as a newcomer reads them.
 */
export const CATEGORY_LABEL_KEYS = {
  concept: 'glossaryCategoryConcept',
  technique: 'glossaryCategoryTechnique',
  safety: 'glossaryCategorySafety',
  model: 'glossaryCategoryModel',
  'model-family': 'glossaryCategoryModelFamily',
  organisation: 'glossaryCategoryOrganisation',
  benchmark: 'glossaryCategoryBenchmark',
  resource: 'glossaryCategoryResource',
} as const satisfies Record<Category, string>;

/** In reading order. */
export const CATEGORIES = Object.keys(CATEGORY_LABEL_KEYS) as Category[];

export function isCategory(value: string): value is Category {
  return Object.hasOwn(CATEGORY_LABEL_KEYS, value);
}
