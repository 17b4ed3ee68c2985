import { getNodeValue } from 'jsonc-parser';
import { fieldValue, parseJson, positionFinder } from '../json';
import { checkLinks } from './check-links';
import { checkPackShape } from './check-shape';
import { PackReport, formatPackError, packError, type PackError } from './pack-error';
import type { GlossaryPack } from './types';

export { PACK_ENGLISH, formatPackError, packEnglish } from './pack-error';
export type { PackCode, PackError, PackPhrase } from './pack-error';

export type PackValidation =
  /**
   * `warnings`: ready-made English lines for a terminal; `warningProblems`: the same warnings
   * located and coded, for the pages to say in the reader's language.
   */
  | { ok: true; pack: GlossaryPack; warnings: string[]; warningProblems: PackError[] }
  | { ok: false; errors: PackError[] };

/**
 * Reads a glossary pack from its file text and reports every problem with line, column, JSON
 * path and entry id. Bundled packs and user imports go through the same door, so it stays free
 * of DOM and Node APIs. Text that looks like HTML is allowed: cards render it as plain text.
 *
 * `fileName` only labels the English warning lines.
 */
export function validatePack(text: string, fileName = 'glossary.json'): PackValidation {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, detail } = parsed.error;
    return { ok: false, errors: [packError({ line, column }, '', { code: 'packJsonSyntax', params: [detail] })] };
  }

  // A settings backup chosen by mistake would otherwise get a line for each glossary field.
  const kind = parsed.root.type === 'object' ? fieldValue(parsed.root, 'termlight') : undefined;
  if (kind?.type === 'string' && kind.value === 'settings') {
    const { line, column } = positionFinder(text)(parsed.root.offset);
    return { ok: false, errors: [packError({ line, column }, '', { code: 'packIsSettingsFile', params: [] })] };
  }
  const report = new PackReport(positionFinder(text));
  checkLinks(checkPackShape(parsed.root, report), report);
  if (report.errors.length > 0) {
    return { ok: false, errors: sortByPosition(report.errors) };
  }
  const pack = getNodeValue(parsed.root) as GlossaryPack;
  const warningProblems = sortByPosition(report.warnings);
  const warnings = warningProblems.map((w) => formatPackError(w, fileName));
  return { ok: true, pack, warnings, warningProblems };
}

function sortByPosition(problems: PackError[]): PackError[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}
