/** A small seeded generator (mulberry32), so a failing random case can be replayed. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

const SYLLABLES = 'ka lo mi ne ru ta vo ze pri str an el ox qu ish'.split(' ');

/** A pronounceable made-up word of `min` to `min + 2` syllables. */
export function randomWord(random: () => number, min = 2): string {
  let word = '';
  const count = min + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) word += pick(random, SYLLABLES);
  return word;
}
