import type { GlossaryPack } from '../core/glossary/types';
import { formatPackError, validatePack } from '../core/glossary/validate';

export type PackImport =
  | { ok: true; packs: GlossaryPack[]; pack: GlossaryPack; replaced: boolean; warnings: string[] }
  /** `errors`: one line each, with file, line, column, entry and field. */
  | { ok: false; reason: 'invalid'; errors: string[] }
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
  if (!result.ok) return { ok: false, reason: 'invalid', errors: result.errors.map((e) => formatPackError(e, fileName)) };
  const { pack, warnings } = result;
  if (bundledIds.includes(pack.id)) return { ok: false, reason: 'bundled-id', id: pack.id };
  const at = existing.findIndex((p) => p.id === pack.id);
  const packs = at < 0 ? [...existing, pack] : existing.map((p, i) => (i === at ? pack : p));
  return { ok: true, packs, pack, replaced: at >= 0, warnings };
}
