/**
 * Why the browser would not store a change, for the end of a sentence: its storage quota is the
 * likely cause (a long site list in synced storage, a large glossary), named plainly; anything
 * else in the browser's own words.
 */
export function saveProblemText(t: (key: string, substitutions?: string | string[]) => string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return /quota/i.test(message) ? t('optSaveNoRoom') : t('optSaveRefused', message);
}
