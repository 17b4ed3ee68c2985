import type { EntryFact, FormFact } from './check-shape';
import type { PackPhrase, PackReport } from './pack-error';
import { pluralOf } from '../matcher/forms';
import { foldSurfaceForm } from './surface-form';

/**
 * Checks that need the whole pack: ids are unique, `related` points at real entries, and no
 * written form belongs to two entries (the matcher could not tell which card to show).
 */
export function checkLinks(facts: EntryFact[], report: PackReport): void {
  const owners = new Map<string, EntryFact>();
  for (const fact of facts) {
    if (fact.id === undefined || !fact.idNode) continue;
    const first = owners.get(fact.id);
    if (first) {
      report.error(fact.idNode, `${fact.path}.id`, { code: 'packIdTaken', params: [first.path] }, fact.id);
    } else {
      owners.set(fact.id, fact);
    }
  }

  for (const fact of facts) {
    const listed = new Set<string>();
    for (const link of fact.related) {
      if (link.id === fact.id) {
        report.warn(link.node, link.path, { code: 'packSelfLink', params: [] }, fact.id);
      } else if (listed.has(link.id)) {
        report.warn(link.node, link.path, { code: 'packLinkTwice', params: [link.id] }, fact.id);
      } else if (!owners.has(link.id)) {
        report.error(link.node, link.path, { code: 'packUnknownLink', params: [link.id] }, fact.id);
      }
      listed.add(link.id);
    }
  }

  checkForms(facts, report);
  for (const fact of facts) checkExceptions(fact, report);
}

/**
 * An exception phrase does its work when it holds a form of its own entry and is longer: one that
 * is a form loses to it, and one that holds none could only hide other entries' terms.
 */
function checkExceptions(fact: EntryFact, report: PackReport): void {
  const forms = fact.forms.map((form) => ({ text: form.text, folded: foldSurfaceForm(form.text), plural: form.plural }));
  // The plurals the matcher makes are forms too, and win over a phrase spelt the same.
  const plurals = fact.forms.flatMap((form) => {
    const plural = form.plural ? pluralOf(form.text) : null;
    return plural ? [{ text: plural.text, folded: foldSurfaceForm(plural.text) }] : [];
  });
  for (const exception of fact.exceptions) {
    const folded = foldSurfaceForm(exception.text);
    const same = forms.find((form) => form.folded === folded) ?? plurals.find((form) => form.folded === folded);
    if (same) {
      report.warn(exception.node, exception.path, { code: 'packExceptIsForm', params: [same.text] }, fact.id);
    } else if (!forms.some((form) => holdsWord(folded, form.folded, form.plural))) {
      report.warn(exception.node, exception.path, { code: 'packExceptMissesTerm', params: [] }, fact.id);
    }
  }
}

/** What may follow a form inside a phrase that holds it: a plural or possessive ending, then a word's end. */
const FORM_END = /^(?:s|es|'s|\u2019s)?(?: |$)/;
/** The same for a form that takes no plural. */
const SINGULAR_END = /^(?:'s|\u2019s)?(?: |$)/;

/** Whether `phrase` holds `words` (folded) as whole words, or (when it takes one) their plural. */
function holdsWord(phrase: string, words: string, plural: boolean): boolean {
  const spellings = plural && words.endsWith('y') ? [words, `${words.slice(0, -1)}ies`] : [words];
  const end = plural ? FORM_END : SINGULAR_END;
  return spellings.some((form) => {
    for (let at = phrase.indexOf(form); at !== -1; at = phrase.indexOf(form, at + 1)) {
      if ((at === 0 || phrase[at - 1] === ' ') && end.test(phrase.slice(at + form.length))) return true;
    }
    return false;
  });
}

function checkForms(facts: EntryFact[], report: PackReport): void {
  const claimed = new Map<string, EntryFact>();
  for (const fact of facts) {
    const own = new Map<string, FormFact>();
    for (const form of fact.forms) {
      const key = foldSurfaceForm(form.text);
      const earlier = own.get(key);
      if (earlier) {
        // Two case-sensitive spellings such as "LLaMA" and "Llama" are a deliberate pair.
        const distinct = earlier.caseSensitive && form.caseSensitive && earlier.text !== form.text;
        if (!distinct) {
          report.warn(form.node, form.path, { code: 'packFormTwice', params: [earlier.text] }, fact.id);
        }
        continue;
      }
      own.set(key, form);
      const other = claimed.get(key);
      if (other) {
        const { id, path } = other;
        const phrase: PackPhrase =
          id === undefined
            ? { code: 'packFormTaken', params: [form.text, path] }
            : { code: 'packFormTakenById', params: [form.text, path, id] };
        report.error(form.node, form.path, phrase, fact.id);
      } else {
        claimed.set(key, fact);
      }
    }
  }
}
