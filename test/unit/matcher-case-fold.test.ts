import { describe, expect, it } from 'vitest';
import { caseVariants, foldCode, ODD_FOLDS } from '../../src/core/matcher/case-fold';
import { compileMatcher } from '../../src/core/matcher';

/** The blocks whose letters have several case forms worth knowing (see case-fold.ts). */
const BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x41, 0x24f],
  [0x370, 0x52f],
  [0x1e00, 0x1fff],
  [0x2126, 0x212b],
];

/** Every code unit of the blocks that folds to `folded`, found the slow way. */
function scanned(folded: number): number[] {
  const found = new Set([folded]);
  for (const [from, to] of BLOCKS) for (let code = from; code <= to; code++) if (foldCode(code) === folded) found.add(code);
  const char = String.fromCharCode(folded);
  for (const other of [char.toUpperCase(), char.toLowerCase()]) {
    if (other.length === 1 && foldCode(other.charCodeAt(0)) === folded) found.add(other.charCodeAt(0));
  }
  return [...found].sort((a, b) => a - b);
}

describe('case variants', () => {
  it('lists every code unit of the case blocks that folds to a letter, without scanning them', () => {
    const wrong: string[] = [];
    for (const [from, to] of BLOCKS) {
      for (let code = from; code <= to; code++) {
        const folded = foldCode(code);
        const quick = [...caseVariants(folded)].sort((a, b) => a - b);
        const slow = scanned(folded);
        if (quick.join() !== slow.join()) wrong.push(`${String.fromCharCode(folded)}: ${quick.join()} ≠ ${slow.join()}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('needs every odd fold it lists', () => {
    for (const code of ODD_FOLDS) {
      const folded = foldCode(code);
      const char = String.fromCharCode(folded);
      expect(folded).not.toBe(code);
      expect([char.toUpperCase(), char.toLowerCase()]).not.toContain(String.fromCharCode(code));
    }
  });

  it('matches the odd forms of a letter in text', () => {
    const matcher = compileMatcher([{
      id: 'p', name: 'P', version: '1', language: 'en',
      entries: [{ id: 'k', term: 'kelvin scale', definition: 'A scale.', category: 'concept' },
        { id: 's', term: 'σίγμα', definition: 'A letter.', category: 'concept' }],
    }]);
    const found = (text: string) => matcher.scan(text).map((m) => text.slice(m.start, m.end));
    expect(found('the \u212Aelvin scale')).toEqual(['\u212Aelvin scale']);
    expect(found('ΣΊΓΜΑ and σίγμα')).toEqual(['ΣΊΓΜΑ', 'σίγμα']);
  });
});
