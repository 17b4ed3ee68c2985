/**
 * Why the browser would not store a change, for the end of a sentence. Synced storage has two
 * kinds of limit, both reported as a quota: room (8 KB an item, 100 KB in all) and how often it
 * may be written (a few hundred times an hour). Each is named plainly; anything else is given in
 * the browser's own words.
 */
export function saveProblemText(t: (key: string, substitutions?: string | string[]) => string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/WRITE_OPERATIONS/i.test(message)) return t('optSaveTooOften');
  return /quota/i.test(message) ? t('optSaveNoRoom') : t('optSaveRefused', message);
}
