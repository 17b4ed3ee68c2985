/**
 * Simple one-to-one case folding per UTF-16 code unit, good for Latin, Greek and Cyrillic.
 * Folding goes through upper case first so that final sigma ς, long s ſ, the Kelvin sign and
 * their kin land on the same letter as their ordinary forms.
 */

// 0 = not yet computed (U+0000 folds to itself anyway).
const foldCache = new Uint16Array(65536);

export function foldCode(code: number): number {
  const cached = foldCache[code]!;
  if (cached !== 0) return cached;
  const char = String.fromCharCode(code);
  const upper = char.toUpperCase();
  const lower = (upper.length === 1 ? upper : char).toLowerCase();
  let folded = code;
  if (lower.length === 1) folded = lower.charCodeAt(0);
  else if (char.toLowerCase().length === 1) folded = char.toLowerCase().charCodeAt(0);
  foldCache[code] = folded;
  return folded;
}

// The blocks where one letter has several case forms worth knowing: Latin (with Extended-A/B),
// Greek, Cyrillic, Latin Extended Additional, Greek Extended, and the letterlike symbols
// (Ω ohm, K kelvin, Å angstrom).
const CASE_RANGES: readonly (readonly [number, number])[] = [
  [0x41, 0x24f],
  [0x370, 0x52f],
  [0x1e00, 0x1fff],
  [0x2126, 0x212b],
];

let groups: Map<number, number[]> | undefined;

function caseGroups(): Map<number, number[]> {
  if (groups) return groups;
  groups = new Map();
  for (const [from, to] of CASE_RANGES) {
    for (let code = from; code <= to; code++) {
      const folded = foldCode(code);
      if (folded === code) continue;
      const group = groups.get(folded);
      if (group) group.push(code);
      else groups.set(folded, [folded, code]);
    }
  }
  return groups;
}

/** Every code unit that folds to `folded`, `folded` itself first. */
export function caseVariants(folded: number): readonly number[] {
  const known = caseGroups().get(folded);
  if (known) return known;
  // Outside the blocks above, trust the plain upper/lower mapping.
  const variants = [folded];
  const char = String.fromCharCode(folded);
  for (const other of [char.toUpperCase(), char.toLowerCase()]) {
    const code = other.charCodeAt(0);
    if (other.length === 1 && code !== folded && foldCode(code) === folded) variants.push(code);
  }
  return variants;
}
