import { fieldValue, type JsonNode } from '../json';
import { CATEGORIES } from './categories';
import type { PackPhrase, PackReport } from './pack-error';
import { LANGUAGE_TAG } from './language-tag';
import { KEBAB_ID, fieldPath, shapeChecks, type Check } from './shape-checks';

/** A card is a glance, not an article: longer definitions get a warning, never a rejection. */
export const DEFINITION_SOFT_LIMIT = 300;

/** A term or alias as written, with the letter-case and plural rules that apply to it. */
export interface FormFact {
  text: string;
  caseSensitive: boolean;
  /** Whether the matcher adds its plural (`plural` of the alias, else of `match`; on unless false). */
  plural: boolean;
  node: JsonNode;
  path: string;
}

/** What the cross-entry checks need from an entry whose own fields may still be broken. */
export interface EntryFact {
  path: string;
  id?: string;
  idNode?: JsonNode;
  forms: FormFact[];
  /** Its exception phrases (`match.except`). */
  exceptions: FormFact[];
  related: { id: string; node: JsonNode; path: string }[];
}

export function checkPackShape(root: JsonNode, report: PackReport): EntryFact[] {
  const c = shapeChecks(report);
  const facts: EntryFact[] = [];
  const entries: Check = (node, path) => {
    c.list((entry, entryPath) => facts.push(checkEntry(entry, entryPath, report)))(node, path);
    if (node.type === 'array' && (node.children ?? []).length === 0) {
      c.fail(node, path, { code: 'packNoEntries', params: [] });
    }
  };
  c.object(root, '', {
    $schema: { check: c.text() },
    id: { required: true, check: c.id },
    name: { required: true, check: c.text({ oneLine: true }) },
    version: { required: true, check: c.text({ oneLine: true }) },
    language: {
      required: true,
      check: c.text({ format: { pattern: LANGUAGE_TAG, problem: { code: 'packNotLanguageTag', params: [] } } }),
    },
    description: { check: c.text() },
    source: {
      check: (node, path) =>
        c.object(node, path, {
          title: { required: true, check: c.text({ oneLine: true }) },
          note: { check: c.text() },
        }),
    },
    entries: { required: true, check: entries },
  });
  return facts;
}

function checkEntry(node: JsonNode, path: string, report: PackReport): EntryFact {
  const idNode = fieldValue(node, 'id');
  const rawId = idNode?.type === 'string' ? String(idNode.value) : '';
  const id = KEBAB_ID.test(rawId) ? rawId : undefined;
  const c = shapeChecks(report, id);
  const form = c.text({ oneLine: true });
  const matchFlags = { caseSensitive: { check: c.flag }, contextGated: { check: c.flag } };
  const alias: Check = (aliasNode, aliasPath) => {
    if (aliasNode.type === 'object') {
      c.object(aliasNode, aliasPath, { text: { required: true, check: form }, ...matchFlags, plural: { check: c.flag } });
    } else if (aliasNode.type === 'string') {
      form(aliasNode, aliasPath);
    } else {
      c.fail(aliasNode, aliasPath, { code: 'packBadAlias', params: [] });
    }
  };
  const fields = c.object(node, path, {
    id: { required: true, check: c.id },
    term: { required: true, check: form },
    aliases: { check: c.list(alias) },
    definition: { required: true, check: c.text() },
    notes: { check: c.text() },
    category: { required: true, check: c.oneOf(CATEGORIES) },
    related: { check: c.list(c.id) },
    match: {
      check: (matchNode, matchPath) =>
        c.object(matchNode, matchPath, { ...matchFlags, plural: { check: c.flag }, except: { check: c.list(form) } }),
    },
  });

  const definition = fields.get('definition');
  if (definition?.type === 'string' && String(definition.value).length > DEFINITION_SOFT_LIMIT) {
    const length = String(definition.value).length;
    const phrase: PackPhrase = { code: 'packLongDefinition', params: [length, DEFINITION_SOFT_LIMIT] };
    report.warn(definition, fieldPath(path, 'definition'), phrase, id);
  }
  const fact: EntryFact = {
    path,
    forms: collectForms(fields, path),
    exceptions: collectExceptions(fields.get('match'), path),
    related: collectRelated(fields.get('related'), path),
  };
  if (id !== undefined && idNode) {
    fact.id = id;
    fact.idNode = idNode;
  }
  return fact;
}

function collectForms(fields: Map<string, JsonNode>, path: string): FormFact[] {
  const match = fields.get('match');
  const entryCase = match?.type === 'object' && fieldValue(match, 'caseSensitive')?.value === true;
  const entryPlural = !(match?.type === 'object' && fieldValue(match, 'plural')?.value === false);
  const forms: FormFact[] = [];
  const term = fields.get('term');
  if (term?.type === 'string' && term.value !== '') {
    const text = String(term.value);
    forms.push({ text, caseSensitive: entryCase, plural: entryPlural, node: term, path: fieldPath(path, 'term') });
  }
  const aliases = fields.get('aliases');
  (aliases?.type === 'array' ? aliases.children ?? [] : []).forEach((alias, i) => {
    const textNode = alias.type === 'object' ? fieldValue(alias, 'text') : alias;
    if (textNode?.type !== 'string' || textNode.value === '') return;
    const flag = (name: string, otherwise: boolean) => {
      const override = alias.type === 'object' ? fieldValue(alias, name) : undefined;
      return override?.type === 'boolean' ? override.value === true : otherwise;
    };
    const text = String(textNode.value);
    forms.push({
      text,
      caseSensitive: flag('caseSensitive', entryCase),
      plural: flag('plural', entryPlural),
      node: textNode,
      path: `${path}.aliases[${i}]`,
    });
  });
  return forms;
}

function collectExceptions(match: JsonNode | undefined, path: string): FormFact[] {
  const list = match?.type === 'object' ? fieldValue(match, 'except') : undefined;
  if (list?.type !== 'array') return [];
  return (list.children ?? []).flatMap((item, i) =>
    item.type === 'string' && item.value !== ''
      ? [{ text: String(item.value), caseSensitive: false, plural: false, node: item, path: `${path}.match.except[${i}]` }]
      : [],
  );
}

function collectRelated(node: JsonNode | undefined, path: string): EntryFact['related'] {
  if (node?.type !== 'array') return [];
  return (node.children ?? []).flatMap((item, i) =>
    // Malformed ids are already reported by the shape check; linking them would repeat it.
    item.type === 'string' && KEBAB_ID.test(String(item.value))
      ? [{ id: String(item.value), node: item, path: `${path}.related[${i}]` }]
      : [],
  );
}
