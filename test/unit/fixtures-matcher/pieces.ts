import { expect } from 'vitest';
import type { Match, Matcher } from '../../../src/core/matcher';
import { ResumableScan } from '../../../src/core/matcher/resumable-scan';

/**
 * Hands `text` to a resumable scan the way the page reader does: growing by appending, cut at
 * the given points, pieces of `size` characters, and final once it is all there.
 */
export function inPieces(matcher: Matcher, text: string, cuts: readonly number[], size: number, reach?: number): Match[] {
  const scan = new ResumableScan(matcher, reach);
  const found: Match[] = [];
  for (const cut of [...cuts, text.length]) {
    const final = cut === text.length;
    for (let piece = scan.next(text.slice(0, cut), final, size); piece; piece = scan.next(text.slice(0, cut), final, size)) {
      found.push(...piece);
    }
  }
  expect(scan.decided).toBe(text.length);
  return found;
}
