// A 5,000-term glossary made from the corpus itself, so that its terms really occur on the
// pages: the most frequent longer words and word pairs. Deterministic: same corpus, same pack.
import { readFile } from 'node:fs/promises';

const SIZE = 5000;
const PAIRS = 2000;
/** The most frequent words are function words ("the", "which"): no glossary holds those. */
const COMMON = 300;

/** Visible-ish text of a saved page: scripts, styles and markup dropped, a few entities decoded. */
function pageText(html) {
  return html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;|&rsquo;/g, '’');
}

/** Latin-script words; runs of other scripts (no spaces between words) would make poor terms. */
const WORD = /\p{Script=Latin}[\p{Script=Latin}\p{M}]*/gu;
/** Two words with only spaces between them, as a term would be written. */
const GAP = /^[ \t\n\r]+$/;

function tally(texts) {
  const words = new Map();
  const pairs = new Map();
  const bump = (map, key, spelling) => {
    let item = map.get(key);
    if (!item) map.set(key, (item = { key, count: 0, spellings: new Map() }));
    item.count++;
    item.spellings.set(spelling, (item.spellings.get(spelling) ?? 0) + 1);
  };
  for (const text of texts) {
    let prev = null;
    for (const m of text.matchAll(WORD)) {
      const word = m[0];
      bump(words, word.toLowerCase(), word);
      if (prev && GAP.test(text.slice(prev.index + prev[0].length, m.index))) {
        const pair = `${prev[0]} ${word}`;
        bump(pairs, pair.toLowerCase(), pair);
      }
      prev = m;
    }
  }
  return { words, pairs };
}

const byCount = (a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The spelling the corpus uses most; ties go to the lower-case one. */
function commonSpelling(item) {
  let best = item.key;
  let bestCount = -1;
  for (const [spelling, count] of [...item.spellings].sort()) {
    if (count > bestCount || (count === bestCount && spelling === item.key)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Builds the pack from the given HTML files (read in the order given). Words mostly written
 * with a capital ("Obama", "London") become case-sensitive terms, as names are in real packs.
 */
export async function largeGlossary(files) {
  const texts = [];
  for (const file of files) texts.push(pageText(await readFile(file, 'utf8')));
  const { words, pairs } = tally(texts);
  const ranked = [...words.values()].sort(byCount);
  const common = new Set(ranked.slice(0, COMMON).map((w) => w.key));
  const chosenPairs = [...pairs.values()]
    .filter((p) => p.count >= 2 && p.key.split(' ').every((w) => w.length >= 3 && !common.has(w)))
    .sort(byCount)
    .slice(0, PAIRS);
  const chosenWords = ranked
    .filter((w) => w.key.length >= 5 && !common.has(w.key))
    .slice(0, SIZE - chosenPairs.length);
  const entries = [...chosenPairs, ...chosenWords].map((item, i) => {
    const term = commonSpelling(item);
    const caseSensitive = term !== term.toLowerCase();
    return {
      id: `term-${i + 1}`,
      term,
      definition: `Generated term ${i + 1} (${item.count} uses in the corpus).`,
      category: 'concept',
      match: { caseSensitive },
    };
  });
  if (entries.length < SIZE) throw new Error(`the corpus gave only ${entries.length} terms, not ${SIZE}`);
  return { id: 'bench-5000', name: 'Benchmark: 5,000 corpus terms', version: '1.0.0', language: 'en', entries };
}
