import type { CompiledEntry, Matcher } from '../matcher';
import { aliasText, foldSurfaceForm } from './surface-form';

/**
 * The entry a piece of selected text names, when the whole selection is one glossary term. The
 * reader asked about this text: a term the page marks only in its own letter case ("RLHF") is
 * found in any case here ("rlhf"), as long as just one entry has that spelling.
 */
export function entryForText(matcher: Matcher, text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const [first] = matcher.scan(trimmed);
  if (first && first.start === 0 && first.end === trimmed.length) return first.entry;
  const folded = foldSurfaceForm(trimmed);
  const owners = new Set<number>();
  matcher.entries.forEach((item, index) => {
    if (formsOf(item).includes(folded)) owners.add(index);
  });
  return owners.size === 1 ? [...owners][0]! : null;
}

/**
 * Edit distance counting a swap of two neighbours as one edit ("RHLF" is one from "RLHF"), with an
 * early exit: only small distances matter for suggestions.
 */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

function formsOf(item: CompiledEntry): string[] {
  return [item.entry.term, ...(item.entry.aliases ?? []).map(aliasText)].map(foldSurfaceForm);
}

/**
 * Entries whose term or an alias is closest to `text`: those containing it or contained in it
 * first, then by edit distance. For "Look up in Termlight" on text that is no known term.
 */
export function closestEntries(entries: readonly CompiledEntry[], text: string, limit = 3): number[] {
  const query = foldSurfaceForm(text.trim());
  if (!query) return [];
  const maxDistance = Math.max(1, Math.floor(query.length / 3));
  const scored: Array<{ index: number; score: number }> = [];
  entries.forEach((item, index) => {
    let score = Infinity;
    for (const form of formsOf(item)) {
      if (form.includes(query) || (query.includes(form) && form.length >= 3)) score = Math.min(score, 0);
      else score = Math.min(score, distance(query, form, maxDistance));
    }
    if (score <= maxDistance) scored.push({ index, score });
  });
  return scored.sort((a, b) => a.score - b.score || a.index - b.index).slice(0, limit).map((s) => s.index);
}
