import type { GlossaryPack } from '../core/glossary/types';
import { validatePack, type PackError } from '../core/glossary/validate';

/** Problems and warnings come located and coded: `packProblemText` words them for the page. */
export type PackImport =
  | { ok: true; packs: GlossaryPack[]; pack: GlossaryPack; replaced: boolean; warnings: PackError[] }
  | { ok: false; reason: 'invalid'; errors: PackError[] }
  | { ok: false; reason: 'bundled-id'; id: string };

/**
 * Reads a glossary file the user picked and works out the new list of user glossaries. A pack
 * with the id of one already imported replaces it (a newer version of the same glossary); the
 * id of a bundled pack is refused, as the two could not be told apart in settings and links.
 */
export function importUserPack(
  text: string,
  fileName: string,
  existing: readonly GlossaryPack[],
  bundledIds: readonly string[],
): PackImport {
  const result = validatePack(text, fileName);
  if (!result.ok) return { ok: false, reason: 'invalid', errors: result.errors };
  const { pack, warningProblems: warnings } = result;
  if (bundledIds.includes(pack.id)) return { ok: false, reason: 'bundled-id', id: pack.id };
  const at = existing.findIndex((p) => p.id === pack.id);
  const packs = at < 0 ? [...existing, pack] : existing.map((p, i) => (i === at ? pack : p));
  return { ok: true, packs, pack, replaced: at >= 0, warnings };
}

/**
 * A stored glossary as a file that imports again. A glossary stored by an older release may
 * lack fields an import now requires (its version): the file gets the first version and the
 * bundled glossaries' language, rather than be refused by the import it is made for.
 */
export function packFileText(pack: GlossaryPack): string {
  const file: GlossaryPack = { ...pack, version: pack.version || '1.0.0', language: pack.language || 'en' };
  return `${JSON.stringify(file, null, 2)}\n`;
}
