import { aliasText } from '../core/glossary/surface-form';
import type { GlossaryEntry, GlossaryPack } from '../core/glossary/types';
import { qualifiedAnchor } from '../core/glossary/anchor';

export interface RelatedLink {
  anchor: string;
  term: string;
}

export interface IndexedEntry {
  pack: GlossaryPack;
  entry: GlossaryEntry;
  /** The entry's element id on the glossary page, so `glossary.html#<anchor>` opens it. */
  anchor: string;
  aliases: string[];
  /** Related entries that exist in the same pack, resolved to their anchors. */
  related: RelatedLink[];
  folded: { term: string; aliases: string[]; definition: string };
}

/** Case, accents and hyphen-or-space differences don't count when searching. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-‐‑‒–—_]+/g, ' ')
    .trim();
}

/**
 * Entry ids are unique within a pack, not across packs. The entry id is the anchor (the card
 * links by it); a later pack's entry whose id is taken gets `<pack>--<entry>`, which no id can
 * be, because ids never hold two hyphens in a row.
 */
export function indexEntries(packs: readonly GlossaryPack[]): IndexedEntry[] {
  const taken = new Set<string>();
  const anchors = new Map<string, string>();
  const keyOf = (packId: string, entryId: string) => `${packId}\u0000${entryId}`;
  for (const pack of packs) {
    for (const entry of pack.entries) {
      const anchor = taken.has(entry.id) ? qualifiedAnchor(pack.id, entry.id) : entry.id;
      taken.add(anchor);
      anchors.set(keyOf(pack.id, entry.id), anchor);
    }
  }
  return packs.flatMap((pack) => {
    const terms = new Map(pack.entries.map((e) => [e.id, e.term]));
    return pack.entries.map((entry) => {
      const aliases = (entry.aliases ?? []).map(aliasText);
      const related = (entry.related ?? []).flatMap((id) => {
        const anchor = anchors.get(keyOf(pack.id, id));
        const term = terms.get(id);
        return anchor && term ? [{ anchor, term }] : [];
      });
      return {
        pack,
        entry,
        anchor: anchors.get(keyOf(pack.id, entry.id))!,
        aliases,
        related,
        folded: { term: fold(entry.term), aliases: aliases.map(fold), definition: fold(entry.definition) },
      };
    });
  });
}

/** Scripts written without spaces between words: any character there may start one. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Whether `query` starts a word of `text`: "rl" starts "RL" and "(rlhf", not "world". */
function startsWord(text: string, query: string): boolean {
  if (UNSPACED.test(query.charAt(0))) return text.includes(query);
  for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(text.charAt(at - 1))) return true;
  }
  return false;
}

/**
 * What a query in the plural or possessive may stand for ("LLMs", "models", "ontologies",
 * "GPT's"): readers type what they read, and the page marks those forms too.
 */
function singularsOf(q: string): string[] {
  const possessive = /['\u2019]s?$/.exec(q);
  if (possessive) return [q.slice(0, possessive.index)];
  const found: string[] = [];
  if (q.endsWith('ies') && q.length > 4) found.push(`${q.slice(0, -3)}y`);
  if (q.endsWith('es') && q.length > 3) found.push(q.slice(0, -2));
  if (q.endsWith('s') && q.length > 2) found.push(q.slice(0, -1));
  return found;
}

/**
 * How well an entry answers a query: lower is better, null is no match. `inDefinitions`:
 * letters anywhere in a definition count too, last (where the whole definition is shown).
 */
export function matchRank(item: IndexedEntry, query: string, inDefinitions = false): number | null {
  const q = fold(query);
  const rank = rankFolded(item, q, inDefinitions);
  if (rank !== null) return rank;
  for (const singular of singularsOf(q)) {
    const found = rankFolded(item, singular, inDefinitions);
    if (found !== null) return found;
  }
  return null;
}

function rankFolded(item: IndexedEntry, q: string, inDefinitions: boolean): number | null {
  if (q === '') return 0;
  const { term, aliases, definition } = item.folded;
  if (term === q) return 0;
  if (aliases.includes(q)) return 1;
  if (term.startsWith(q)) return 2;
  if (startsWord(term, q)) return 3;
  if (aliases.some((a) => startsWord(a, q))) return 4;
  if (term.includes(q) || aliases.some((a) => a.includes(q))) return 5;
  // The popup shows two lines of a definition: letters inside a word there ("rl" in "world")
  // would match for no reason a reader can see, so only a word start counts.
  if (startsWord(definition, q)) return 6;
  // Several words need not be side by side: "human feedback learning" still finds RLHF.
  const all = [term, ...aliases, definition].join(' ');
  const words = q.split(' ');
  if (words.length > 1 && words.every((w) => startsWord(all, w))) return 7;
  // The glossary page shows the whole definition: there the inside of a word ("Lernen" in
  // "Verstärkungslernen") is in plain sight.
  return inDefinitions && definition.includes(q) ? 8 : null;
}

/** Best matches first, then A–Z: for a short list of suggestions. */
export function searchEntries(index: readonly IndexedEntry[], query: string, limit = Infinity): IndexedEntry[] {
  return index
    .map((item) => ({ item, rank: matchRank(item, query) }))
    .filter((r): r is { item: IndexedEntry; rank: number } => r.rank !== null)
    .sort((a, b) => a.rank - b.rank || compareTerms(a.item, b.item))
    .slice(0, limit)
    .map((r) => r.item);
}

/** Every match, in the order given: for filtering a list in place, whole definitions in sight. */
export function filterEntries(index: readonly IndexedEntry[], query: string): IndexedEntry[] {
  return fold(query) === '' ? [...index] : index.filter((item) => matchRank(item, query, true) !== null);
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function compareTerms(a: IndexedEntry, b: IndexedEntry): number {
  return collator.compare(a.entry.term, b.entry.term);
}
