import type { Block } from './blocks';
import type { EngineOptions } from './types';

export type SelectionOptions = Pick<EngineOptions, 'occurrences' | 'contextThreshold'>;

/**
 * Which matches of each block to paint. A gated match shows once the page holds
 * `contextThreshold` distinct ungated entries, or when its own entry is also found ungated on
 * the page (the same rules as `applyContextGate`, over a running tally instead of one list).
 * With `first`, only the first eligible match of each entry in page order shows.
 */
export function selectMatches(
  blocks: readonly Block[],
  options: SelectionOptions,
  ungated: ReadonlyMap<number, number>,
): boolean[][] {
  const open = ungated.size >= options.contextThreshold;
  const seen = options.occurrences === 'first' ? new Set<number>() : null;
  return blocks.map((block) =>
    block.matches.map((m) => {
      if (m.gated && !open && !ungated.has(m.entry)) return false;
      if (!seen) return true;
      if (seen.has(m.entry)) return false;
      seen.add(m.entry);
      return true;
    }),
  );
}

/** Whether painting `want` would change what the block shows now, from match `from` to `to`. */
export function differs(block: Block, want: readonly boolean[], from = 0, to = block.matches.length): boolean {
  for (let i = from; i < to; i++) if (!!block.matches[i]?.occurrence !== !!want[i]) return true;
  return false;
}

/** `selectMatches` for one block on its own: right for `all`, where blocks do not affect each other. */
export function selectInBlock(block: Block, options: SelectionOptions, ungated: ReadonlyMap<number, number>): boolean[] {
  const open = ungated.size >= options.contextThreshold;
  return block.matches.map((m) => !m.gated || open || ungated.has(m.entry));
}
