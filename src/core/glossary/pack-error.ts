import { JSON_ENGLISH, type JsonNode, type JsonPhrase, type TextPosition } from '../json';
import { fillPhrase } from '../phrase';

/**
 * Every problem a glossary file can have, as a code and its params. The code is also the key of
 * the sentence in `_locales/<lang>/messages.json`, where the pages find it in the reader's
 * language; the English here is the same text (a test holds the two equal), for the build's
 * terminal output and for tests. A param is text from the file, a number, or another phrase.
 */
interface PackParams {
  // A JSON value's kind, in words.
  packKindList: [];
  packKindObject: [];
  packKindText: [];
  packKindNumber: [];
  // What is wrong.
  packJsonSyntax: [detail: JsonPhrase];
  packFileNotObject: [actual: Kind];
  packIsSettingsFile: [];
  packNotObject: [actual: Kind];
  packFieldTwice: [];
  packUnknownField: [known: string];
  packMissingField: [];
  packEmptyText: [];
  packBlankText: [];
  packNotText: [actual: Kind];
  packNotOneLine: [];
  packNotKebabId: [];
  packNotLanguageTag: [];
  packNotTrueOrFalse: [actual: Kind];
  packNotList: [actual: Kind];
  packNotOneOf: [options: string];
  packNoEntries: [];
  packBadAlias: [];
  packLongDefinition: [length: number, limit: number];
  packIdTaken: [firstPath: string];
  packSelfLink: [];
  packLinkTwice: [id: string];
  packUnknownLink: [id: string];
  packFormTwice: [form: string];
  packFormTaken: [form: string, ownerPath: string];
  packFormTakenById: [form: string, ownerPath: string, ownerId: string];
  packExceptIsForm: [form: string];
  packExceptMissesTerm: [];
}

export type PackCode = keyof PackParams;

export type PackPhrase<C extends PackCode = PackCode> = { [K in C]: { code: K; params: PackParams[K] } }[C];

/** A JSON value as a message names it: its kind in words, or `true`, `false`, `null` as written. */
export type Kind = string | PackPhrase<'packKindList' | 'packKindObject' | 'packKindText' | 'packKindNumber'>;

export const PACK_ENGLISH: { readonly [C in PackCode]: string } = {
  packKindList: 'a list',
  packKindObject: 'an object',
  packKindText: 'text',
  packKindNumber: 'a number',
  packJsonSyntax: 'not valid JSON: $1',
  packFileNotObject: 'a glossary file must hold one JSON object {…}, not $1',
  packIsSettingsFile: 'this is a Termlight settings file, not a glossary: use Import settings instead',
  packNotObject: 'must be an object {…}, not $1',
  packFieldTwice: 'appears twice in the same object',
  packUnknownField: 'unknown field (known fields: $1)',
  packMissingField: 'is required but missing',
  packEmptyText: 'must be a non-empty string',
  packBlankText: 'holds only spaces or invisible characters: nothing a reader could see',
  packNotText: 'must be a non-empty string, not $1',
  packNotOneLine: 'must be one line with no spaces at either end',
  packNotKebabId: 'must be kebab-case: lowercase letters and digits joined by single hyphens, like "pre-training"',
  packNotLanguageTag: 'must be a language tag such as "en" or "en-GB"',
  packNotTrueOrFalse: 'must be true or false, not $1',
  packNotList: 'must be a list […], not $1',
  packNotOneOf: 'must be one of: $1',
  packNoEntries: 'must hold at least one entry',
  packBadAlias: 'must be a string or an object {"text": …} with match overrides',
  packLongDefinition: 'is $1 characters long; a card reads best under $2',
  packIdTaken: 'is already used by $1',
  packSelfLink: 'an entry need not list itself as related',
  packLinkTwice: 'lists "$1" twice',
  packUnknownLink: 'no entry in this pack has the id "$1"',
  packFormTwice: 'repeats "$1" from the same entry',
  packFormTaken: '"$1" is already a form of $2; a form can belong to one entry only',
  packFormTakenById: '"$1" is already a form of $2 (id "$3"); a form can belong to one entry only',
  packExceptIsForm: 'is "$1", a form of the term itself, so the term would still be marked there',
  packExceptMissesTerm: 'holds neither the term nor an alias of it, so it would only hide other terms',
};

const ENGLISH = { ...PACK_ENGLISH, ...JSON_ENGLISH };

/** The English of a phrase, nested phrases (a JSON syntax detail too) included. */
export function packEnglish(phrase: PackPhrase): string {
  return fillPhrase(ENGLISH, phrase);
}

/** One problem in a glossary file, located well enough to fix it without hunting. */
export type PackError = PackPhrase & {
  line: number;
  column: number;
  /** JSON path of the offending value, such as `entries[3].aliases[1]`; empty for the whole file. */
  path: string;
  /** The id of the entry the problem sits in, when that entry has a usable id. */
  entryId?: string;
  /** The problem in English: `must be a non-empty string, not a number`. */
  message: string;
};

export function packError(position: TextPosition, path: string, phrase: PackPhrase, entryId?: string): PackError {
  const problem: PackError = { ...position, path, ...phrase, message: packEnglish(phrase) };
  if (entryId !== undefined) problem.entryId = entryId;
  return problem;
}

/** Collects errors and warnings against one file's text positions. */
export class PackReport {
  readonly errors: PackError[] = [];
  readonly warnings: PackError[] = [];

  constructor(private readonly positionOf: (offset: number) => TextPosition) {}

  error(node: JsonNode, path: string, phrase: PackPhrase, entryId?: string): void {
    this.errors.push(packError(this.positionOf(node.offset), path, phrase, entryId));
  }

  warn(node: JsonNode, path: string, phrase: PackPhrase, entryId?: string): void {
    this.warnings.push(packError(this.positionOf(node.offset), path, phrase, entryId));
  }
}

const ENTRY_PATH = /^(entries\[\d+\])(?:\.(.+))?$/;

/**
 * One line for a terminal or a log, in English, e.g.
 * `foundation-models.json:42:7 entries[3] (id "rlhf") field "definition": must be a non-empty string`.
 */
export function formatPackError(
  error: Pick<PackError, 'line' | 'column' | 'path' | 'entryId' | 'message'>,
  fileName = 'glossary.json',
): string {
  const where = `${fileName}:${error.line}:${error.column}`;
  const entry = ENTRY_PATH.exec(error.path);
  if (entry) {
    const id = error.entryId === undefined ? '' : ` (id ${JSON.stringify(error.entryId)})`;
    const field = entry[2] === undefined ? '' : ` field ${JSON.stringify(entry[2])}`;
    return `${where} ${entry[1]}${id}${field}: ${error.message}`;
  }
  if (error.path === '') return `${where} ${error.message}`;
  return `${where} field ${JSON.stringify(error.path)}: ${error.message}`;
}
