import { caseVariants, foldCode } from './case-fold';
import { APOSTROPHES, baseClasses, FIRST_SYMBOL, isApostrophe, NONE } from './chars';

/**
 * The symbol classes of one matcher. Every case variant of a letter the forms use shares the
 * letter's class, so the scan never lowercases; characters no form uses stay NONE.
 */
export class Alphabet {
  readonly classOf: Uint16Array = baseClasses();
  size = FIRST_SYMBOL;
  /** Every character given a class here, so the classes can be stored without the whole table. */
  private readonly assigned: number[] = [];

  /** Pairs of (code unit, class) for every character given a class beyond the base ones. */
  letters(): number[] {
    const pairs: number[] = [];
    for (const code of this.assigned) pairs.push(code, this.classOf[code]!);
    return pairs;
  }

  /** The class of a character used in a form, created on first use. */
  symbolOf(code: number): number {
    const known = this.classOf[code]!;
    if (known !== NONE) return known;
    const symbol = this.size++;
    if (isApostrophe(code)) {
      for (const apostrophe of APOSTROPHES) this.assign(apostrophe, symbol);
      return symbol;
    }
    const folded = foldCode(code);
    const shared = this.classOf[folded]!;
    if (shared !== NONE) {
      // A variant the case tables did not list; give it the letter's class.
      this.size--;
      this.assign(code, shared);
      return shared;
    }
    for (const variant of caseVariants(folded)) {
      if (this.classOf[variant] === NONE) this.assign(variant, symbol);
    }
    if (this.classOf[code] === NONE) this.assign(code, symbol);
    return symbol;
  }

  private assign(code: number, symbol: number): void {
    this.classOf[code] = symbol;
    this.assigned.push(code);
  }
}
