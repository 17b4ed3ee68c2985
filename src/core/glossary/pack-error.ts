import type { JsonNode, TextPosition } from '../json';

/** One problem in a glossary file, located well enough to fix it without hunting. */
export interface PackError {
  line: number;
  column: number;
  /** JSON path of the offending value, such as `entries[3].aliases[1]`; empty for the whole file. */
  path: string;
  /** The id of the entry the problem sits in, when that entry has a usable id. */
  entryId?: string;
  message: string;
}

/** Collects errors and warnings against one file's text positions. */
export class PackReport {
  readonly errors: PackError[] = [];
  readonly warnings: PackError[] = [];

  constructor(private readonly positionOf: (offset: number) => TextPosition) {}

  error(node: JsonNode, path: string, message: string, entryId?: string): void {
    this.errors.push(this.#make(node.offset, path, message, entryId));
  }

  warn(node: JsonNode, path: string, message: string, entryId?: string): void {
    this.warnings.push(this.#make(node.offset, path, message, entryId));
  }

  #make(offset: number, path: string, message: string, entryId?: string): PackError {
    const problem: PackError = { ...this.positionOf(offset), path, message };
    if (entryId !== undefined) problem.entryId = entryId;
    return problem;
  }
}

const ENTRY_PATH = /^(entries\[\d+\])(?:\.(.+))?$/;

/**
 * One line a person can act on, e.g.
 * `foundation-models.json:42:7 entries[3] (id "rlhf") field "definition": must be a non-empty string`.
 */
export function formatPackError(error: PackError, fileName = 'glossary.json'): string {
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
