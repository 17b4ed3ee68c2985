import { isSeparatorCode, isSkipCode } from './chars';
import { termsOnly } from './verify';
import type { Match, Matcher } from './types';

/*
 * A scan of a long text in pieces, so that no one call runs long, handing out exactly the
 * matches that `matcher.scan` finds in one pass over the whole text.
 *
 * Each piece is an ordinary `matcher.scan(text, from, to)`. Its matches are final except those
 * a term crossing `to` could contest: leftmost-longest prefers a longer term that starts at
 * the same place or earlier. Such a term covers at most `reach` characters that are neither
 * separators nor invisible (only those can run on without limit), so it starts after the
 * `reach`-th such character back from `to`. A piece aims to settle `size` characters: it reads
 * on past that goal until `reach` counted characters, and hands out the matches starting up to
 * the first of them. The next piece starts after the last match handed out, or just after that
 * first character if it is later (no term starts in between: the piece would have found it),
 * and finds the rest again.
 */

/** Counted characters: those a term reads one for one (separator runs and invisibles vary). */
function counted(code: number): boolean {
  return !isSeparatorCode(code) && !isSkipCode(code);
}

/**
 * At least as many counted characters as any term of `matcher` covers: its longest form in
 * symbols, where a separator run is one symbol and each other symbol one counted character.
 */
export function termReach(matcher: Matcher): number {
  return matcher.stats.longestForm;
}

export class ResumableScan {
  /**
   * Matches starting before this offset have all been handed out; the next piece starts here.
   * Read only: `restart` moves it. (A plain field: it is read for every node of a page.)
   */
  decided = 0;
  /** Counting ahead from a piece's goal, kept when the text ran out so that a retry goes on. */
  private ahead = { goal: -1, at: 0, counted: 0, first: 0 };
  /** The reach the pieces are cut for; -1 until the first piece asks. */
  private reach = -1;

  constructor(
    private readonly matcher: Matcher,
    /**
     * The matcher's `termReach` is used unless a test gives another. It is asked for on the first
     * piece, not here: the figure needs a loaded matcher ready, and a walk of a page with nothing
     * to scan must not get it ready.
     */
    private readonly givenReach = -1,
  ) {}

  /** Starts over on a new text, at `decided`: the caller dropped what came before. */
  restart(decided = 0): void {
    this.decided = decided;
    this.ahead.goal = -1;
  }

  /**
   * Scans the next piece of `text`: the matches starting in about `size` characters from
   * `decided`, in order, settled for good; null when nothing can be settled until the text grows.
   *
   * The text may grow between calls, by appending only. While it may (`final` false) its last
   * two characters are left alone: a term's end is checked against the character after it,
   * which may be half of a surrogate pair. `final` says no term goes on past the text's end:
   * the text ends there, or whatever is appended next begins with a character that no term
   * contains and that is no word character (U+0000, say).
   */
  next(text: string, final: boolean, size: number): Match[] | null {
    const from = this.decided;
    const end = text.length;
    const goal = from + Math.max(1, size);
    // Read on past the goal until a term crossing the piece's end could only start after it.
    const to = goal < end ? this.past(text, goal, final ? end : end - 2) : Infinity;
    if (to === Infinity) {
      if (!final) return null;
      this.restart(end);
      return from < end ? termsOnly(this.scanAll(text, from, end)) : null;
    }
    const lo = this.ahead.first;
    this.ahead.goal = -1;
    const found = this.scanAll(text, from, to);
    // A matcher that found its stored glossary damaged while scanning compiles its own, whose
    // terms may run longer: this piece is cut again for them.
    if (this.givenReach < 0 && termReach(this.matcher) !== this.reach) {
      this.reach = -1;
      return this.next(text, final, size);
    }
    let kept = 0;
    let edge = from;
    for (; kept < found.length && found[kept]!.start <= lo; kept++) edge = found[kept]!.end;
    this.decided = Math.max(edge, lo + 1);
    return termsOnly(kept === found.length ? found : found.slice(0, kept));
  }

  /** Exception phrases included: the next piece must start after one, not inside it. */
  private scanAll(text: string, from: number, to: number): Match[] {
    const { matcher } = this;
    return matcher.scanAll ? matcher.scanAll(text, from, to) : matcher.scan(text, from, to);
  }

  /**
   * The end of the first `reach` counted characters from `goal` on (the first of them goes to
   * `ahead.first`), or Infinity if the text up to `limit` holds fewer. Text made mostly of
   * spaces (indentation between inline elements) may take many calls to get there.
   */
  private past(text: string, goal: number, limit: number): number {
    const ahead = this.ahead;
    if (ahead.goal !== goal) Object.assign(ahead, { goal, at: goal, counted: 0, first: goal });
    if (this.reach < 0) this.reach = this.givenReach >= 0 ? this.givenReach : termReach(this.matcher);
    // Not read when it cannot be enough: reading a string that grew copies all of it.
    if (limit - ahead.at < this.reach - ahead.counted) return Infinity;
    while (ahead.at < limit) {
      if (!counted(text.charCodeAt(ahead.at++))) continue;
      if (++ahead.counted === 1) ahead.first = ahead.at - 1;
      if (ahead.counted === this.reach) return ahead.at;
    }
    return Infinity;
  }
}
