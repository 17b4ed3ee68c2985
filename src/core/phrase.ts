/**
 * A sentence as a message key and the values for its `$1`, `$2`…: core says what went wrong
 * this way, and each page words it in the reader's language. A value may itself be a phrase.
 */
export interface CodedPhrase {
  code: string;
  params: readonly (string | number | CodedPhrase)[];
}

/** Fills a phrase from a table of texts (core's English, for logs, the build and tests). */
export function fillPhrase(texts: Readonly<Record<string, string>>, phrase: CodedPhrase): string {
  return (texts[phrase.code] ?? phrase.code).replace(/\$(\d)/g, (_, n: string) => {
    const param = phrase.params[Number(n) - 1] ?? '';
    return typeof param === 'object' ? fillPhrase(texts, param) : String(param);
  });
}
