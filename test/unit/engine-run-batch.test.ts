import { describe, expect, it } from 'vitest';
import { RunBatch } from '../../src/content/engine/run-batch';
import type { Block } from '../../src/content/engine/blocks';
import { matcherFor } from './fixtures-matcher/packs';
import { pick, randomEntries, randomText, seeded } from './fixtures-matcher/random';

/*
 * The batch of runs a page walk reads, scanned in pieces as it grows: whatever the node
 * boundaries and however the scans fall between reads, each run's terms come out as one scan
 * of that run's text finds them, at the same offsets, once.
 */

/** A stand-in for a page's text node: the batch reads only its `data`. */
const textNode = (data: string) => ({ data }) as unknown as Text;

/** Random text with words glued to terms and long indentation, cut into nodes at random. */
function randomRun(random: () => number, entries: Parameters<typeof randomText>[1]): string[] {
  const text = randomText(random, entries, Math.floor(random() * 120)).replace(/ /g, () =>
    pick(random, [' ', ' ', ' ', '', '(', '\n' + ' '.repeat(Math.floor(random() * 200))]),
  );
  const nodes: string[] = [];
  for (let i = 0; i < text.length; ) {
    const n = 1 + Math.floor(random() * 40);
    nodes.push(text.slice(i, i + n));
    i += n;
  }
  return nodes;
}

describe('a batch of runs scanned in pieces', () => {
  it('hands out each run with the terms one scan of its text finds', () => {
    const random = seeded(12);
    for (let round = 0; round < 40; round++) {
      const entries = randomEntries(random, 40);
      const matcher = matcherFor(entries);
      const runs = Array.from({ length: 1 + Math.floor(random() * 30) }, () => randomRun(random, entries));
      const owners = runs.map((_, i) => ({ run: i }) as unknown as Node);
      const counts = { textChars: 0, runs: 0 };
      const batch = new RunBatch(matcher, counts);
      const blocks: Block[] = [];
      const scanSome = () => {
        for (let n = Math.floor(random() * 3); n > 0; n--) blocks.push(...(batch.scanPiece(1 + Math.floor(random() * 300)) ?? []));
      };
      runs.forEach((nodes, i) => {
        batch.startRun(owners[i]!);
        for (const data of nodes) {
          batch.add(textNode(data));
          if (random() < 0.3) scanSome();
        }
        batch.endRun();
        if (random() < 0.5) scanSome();
      });
      for (let piece = batch.scanPiece(100); piece; piece = batch.scanPiece(100)) blocks.push(...piece);
      expect(batch.idle).toBe(true);

      const expected = runs.flatMap((nodes, i) => {
        const matches = matcher.scan(nodes.join('')).map(({ start, end, entry }) => ({ start, end, entry }));
        return matches.length ? [{ run: i, matches }] : [];
      });
      const got = blocks.map((b) => ({
        run: (b.owner as unknown as { run: number }).run,
        matches: b.matches.map(({ start, end, entry }) => ({ start, end, entry })),
      }));
      expect(got).toEqual(expected);
      // Each block's node offsets add up to its run's text.
      for (const b of blocks) {
        const nodes = runs[(b.owner as unknown as { run: number }).run]!.filter((d) => d !== '');
        expect(b.nodes.map((n) => n.data)).toEqual(nodes);
        expect(b.starts).toEqual(nodes.map((_, k) => nodes.slice(0, k).join('').length));
      }
      expect(counts).toEqual({ textChars: runs.flat().join('').length, runs: runs.length });
    }
  });

  it('checks the character before a term wherever a piece starts, after old text is let go', () => {
    const matcher = matcherFor([{ term: 'rlhf' }]);
    const random = seeded(3);
    // Only the standalone "rlhf" of each "arlhf rlhf" is a term: the other is part of a word.
    const nodes = Array.from({ length: 20000 }, () => pick(random, ['arlhf ', 'arl', 'hf ', 'rlhf ']));
    const batch = new RunBatch(matcher, { textChars: 0, runs: 0 });
    const owner = {} as Node;
    const blocks: Block[] = [];
    batch.startRun(owner);
    for (const data of nodes) {
      batch.add(textNode(data));
      blocks.push(...(batch.scanPiece(1 + Math.floor(random() * 50)) ?? []));
    }
    batch.endRun();
    for (let piece = batch.scanPiece(100); piece; piece = batch.scanPiece(100)) blocks.push(...piece);
    const text = nodes.join('');
    expect(blocks.flatMap((b) => b.matches.map((m) => m.start))).toEqual(matcher.scan(text).map((m) => m.start));
  });
});
