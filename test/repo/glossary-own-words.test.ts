import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GlossaryPack } from '../../src/core/glossary/types';

/**
 * Definitions and notes must be written in our own words, not lifted from the source article.
 * A shared run of eight words is long enough to be copying and short enough to catch close
 * paraphrase; names such as "Center for Research on Foundation Models" stay under it.
 */
const RUN = 8;

const article = readFileSync(new URL('../fixtures/demo/foundation-models-article.txt', import.meta.url), 'utf8');
const pack = JSON.parse(
  readFileSync(new URL('../../glossary/foundation-models.json', import.meta.url), 'utf8'),
) as GlossaryPack;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}$%]+/u)
    .filter(Boolean);
}

function runs(text: string): string[] {
  const list = words(text);
  const found: string[] = [];
  for (let i = 0; i + RUN <= list.length; i++) found.push(list.slice(i, i + RUN).join(' '));
  return found;
}

const articleRuns = new Set(runs(article));

function copiedRuns(text: string | undefined): string[] {
  return text === undefined ? [] : runs(text).filter((run) => articleRuns.has(run));
}

describe('foundation-models.json is in its own words', () => {
  it('the guard itself catches a copied sentence and lets a rewrite through', () => {
    expect(copiedRuns('As the article puts it, specialization comes later through fine-tuning or prompting.'))
      .toEqual(['specialization comes later through fine tuning or prompting']);
    const rewrite = 'A general model is specialised afterwards, by fine-tuning it or by prompting it.';
    expect(copiedRuns(rewrite)).toEqual([]);
  });

  const entries = pack.entries.map((e) => [e.id, e] as const);
  it.each(entries)('%s shares no run of eight words with the article', (_, entry) => {
    expect(copiedRuns(entry.definition)).toEqual([]);
    expect(copiedRuns(entry.notes)).toEqual([]);
  });
});
