import type { PackError } from '../core/glossary/pack-error';
import type { CodedPhrase } from '../core/phrase';
import type { UiApi } from './api';

type Translate = UiApi['t'];

/**
 * The phrase in the reader's language. A param from the input (a value, a pattern) is passed on
 * as written, and the pages show the result as text, never as HTML.
 */
export function localize(t: Translate, phrase: CodedPhrase): string {
  const params = phrase.params.map((param) => (typeof param === 'object' ? localize(t, param) : String(param)));
  return t(phrase.code, params);
}

/** A glossary problem with where to find it: `Line 12, field entries[3].term (entry “rlhf”): …`. */
export function packProblemText(t: Translate, error: PackError): string {
  const problem = localize(t, error);
  const line = String(error.line);
  if (error.path === '') return t('optPackProblemAt', [line, String(error.column), problem]);
  if (error.entryId === undefined) return t('optPackProblemInField', [line, error.path, problem]);
  return t('optPackProblemInEntry', [line, error.path, error.entryId, problem]);
}
