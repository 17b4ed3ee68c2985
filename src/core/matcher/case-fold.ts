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

/**
 * Code units that fold onto a letter of which they are neither the upper nor the lower case:
 * micro sign, dotless i, long s, titlecase digraphs, final sigma and the Greek symbol forms,
 * Greek capitals with prosgegrammeni, the Kelvin, ohm and ångström signs. A unit test holds
 * this list equal to a scan of Latin (with Extended-A/B), Greek, Cyrillic, Latin Extended
 * Additional, Greek Extended and the letterlike symbols, so `caseVariants` need not scan
 * thousands of characters on every page.
 */
export const ODD_FOLDS: readonly number[] = [
  0xb5, 0x131, 0x17f, 0x1c5, 0x1c8, 0x1cb, 0x1f2, 0x3c2, 0x3d0, 0x3d1, 0x3d5, 0x3d6, 0x3f0, 0x3f1,
  0x3f4, 0x3f5, 0x1e9b, 0x1e9e, 0x1f88, 0x1f89, 0x1f8a, 0x1f8b, 0x1f8c, 0x1f8d, 0x1f8e, 0x1f8f,
  0x1f98, 0x1f99, 0x1f9a, 0x1f9b, 0x1f9c, 0x1f9d, 0x1f9e, 0x1f9f, 0x1fa8, 0x1fa9, 0x1faa, 0x1fab,
  0x1fac, 0x1fad, 0x1fae, 0x1faf, 0x1fbc, 0x1fbe, 0x1fcc, 0x1ffc, 0x2126, 0x212a, 0x212b,
];

/** Every code unit that folds to `folded`, `folded` itself first. */
export function caseVariants(folded: number): readonly number[] {
  const variants = [folded];
  const char = String.fromCharCode(folded);
  for (const other of [char.toUpperCase(), char.toLowerCase()]) {
    const code = other.charCodeAt(0);
    if (other.length === 1 && !variants.includes(code) && foldCode(code) === folded) variants.push(code);
  }
  for (const code of ODD_FOLDS) if (!variants.includes(code) && foldCode(code) === folded) variants.push(code);
  return variants;
}
