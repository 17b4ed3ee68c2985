/**
 * A link to a glossary entry that names its pack: `<pack>--<entry>`. Entry ids are unique within
 * a pack, not across packs, and never hold two hyphens in a row, so this names one entry. The
 * glossary page uses it as the anchor of an entry whose id an earlier pack has taken, and
 * follows it for any entry.
 */
export function qualifiedAnchor(packId: string, entryId: string): string {
  return `${packId}--${entryId}`;
}
