import type { Matcher } from '../../core/matcher';
import { ResumableScan } from '../../core/matcher/resumable-scan';
import type { Block, BlockMatch } from './blocks';

/**
 * Most characters one scan call settles: about a millisecond before the JIT has warmed up (0.3
 * to 0.4 µs a character then), so that the clock is read often enough for a slice to end near
 * its deadline, in the middle of a long run too.
 */
export const PIECE_CHARS = 3072;
/**
 * Runs are scanned in batches at run ends, one call for a batch of up to a piece (most runs are
 * short); inside a run only once it holds half as much again, so that the piece's end has room
 * to be settled.
 */
const BATCH_CHARS = PIECE_CHARS / 2;
const LONG_RUN_CHARS = PIECE_CHARS * 1.5;
/**
 * Scanned text is let go once this much has piled up: a run can be longer than a slice reads,
 * and every piece that reads a grown string first copies all of it into one flat string.
 */
const KEEP_CHARS = 4096;
/** Scanned characters kept in front of the next piece: a term's start is checked against them. */
const LOOK_BACK = 8;

/**
 * Runs of text collected by a walk and scanned together, in pieces: one matcher call per piece
 * rather than per run (most runs are short and hold no term, so per-call costs would dominate),
 * and a run longer than a piece is scanned as it is read. Runs are joined with U+0000, which no
 * glossary form contains and which is no word character, so a term never spans two runs and a
 * run's edge counts as a word edge. A run comes out as a block once its last term is settled.
 */
export class RunBatch {
  /** The batch's text from offset `base` on. */
  private text = '';
  private base = 0;
  private readonly scanner: ResumableScan;
  /** Whether the last run may still grow. */
  private open = false;
  private nodes: Text[] = [];
  /** Each node's length when read: the page may change a node before its run is scanned. */
  private lengths: number[] = [];
  /** For each run: its first node, its owner, and the batch offset of its first character. */
  private runNode: number[] = [];
  private runOwner: Node[] = [];
  private runStart: number[] = [];
  /**
   * No piece is tried before the text is this long: a piece that could not be settled is tried
   * again once the run has grown some, not after every node (each try reads a grown string,
   * which copies all of it first).
   */
  private retryAt = 0;
  /** A piece of a long run is due once the text is this long. */
  private dueAt = LONG_RUN_CHARS;
  /** The first run not handed out yet, and its matches settled so far. */
  private run = 0;
  private settled: BlockMatch[] = [];

  constructor(
    matcher: Matcher,
    /** Text read, for the engine's figures. */
    private readonly counts: { textChars: number; runs: number },
  ) {
    this.scanner = new ResumableScan(matcher);
  }

  /** Characters read and not scanned yet. */
  get unscanned(): number {
    return this.text.length - this.scanner.decided;
  }

  /** Whether every run read has been scanned and handed out. */
  get idle(): boolean {
    return this.runStart.length === 0;
  }

  startRun(owner: Node): void {
    this.text += '\u0000';
    this.runNode.push(this.nodes.length);
    this.runOwner.push(owner);
    this.runStart.push(this.base + this.text.length);
    this.open = true;
    this.counts.runs++;
  }

  /**
   * Adds a node's text to the run; true when a long run has a piece to scan. Kept to the least:
   * it runs for every text node of the page, most of it before the JIT has warmed up.
   */
  add(node: Text): boolean {
    const data = node.data;
    if (!data) return false;
    this.nodes.push(node);
    this.lengths.push(data.length);
    this.text += data;
    return this.text.length >= this.dueAt;
  }

  /** Ends the run; true when the batch is worth a scan. */
  endRun(): boolean {
    this.open = false;
    this.retryAt = 0;
    const start = this.runStart[this.runStart.length - 1] as number;
    this.counts.textChars += this.base + this.text.length - start;
    return this.text.length - this.scanner.decided >= BATCH_CHARS;
  }

  /** Owners of runs read but not handed out: a walk that starts again must read them anew. */
  pendingOwners(): Node[] {
    return this.runOwner.slice(this.run);
  }

  /**
   * Scans a piece of about `size` characters; returns the runs it finished that hold terms, or
   * null when nothing can be scanned until more text is read.
   */
  scanPiece(size = PIECE_CHARS): Block[] | null {
    if (this.text.length < this.retryAt) return null;
    const found = this.scanner.next(this.text, !this.open, size);
    if (!found) {
      this.retryAt = this.text.length + size / 4;
      return null;
    }
    this.retryAt = 0;
    const blocks: Block[] = [];
    for (const m of found) {
      const start = m.start + this.base;
      this.finishBefore(start, blocks);
      const offset = this.runStart[this.run] as number;
      const end = m.end + this.base;
      this.settled.push({ start: start - offset, end: end - offset, entry: m.entry, gated: m.gated, occurrence: null });
    }
    // A run is finished once scanning has passed its end: the U+0000 before the next run, or
    // the end of the text once the last run has ended.
    const decided = this.base + this.scanner.decided;
    this.finishBefore(decided + 1, blocks);
    if (!this.open && decided === this.base + this.text.length) this.finishBefore(Infinity, blocks);
    this.compact();
    this.dueAt = this.scanner.decided + LONG_RUN_CHARS;
    return blocks;
  }

  /**
   * Hands out the runs that end before batch offset `at`: those before the run holding it, or
   * every run with `at` Infinity (once the last has ended and is scanned).
   */
  private finishBefore(at: number, blocks: Block[]): void {
    const starts = this.runStart;
    const last = starts.length - 1;
    let r = this.run;
    if (r > last || (r < last ? (starts[r + 1] as number) > at : at !== Infinity)) return;
    if (this.settled.length) {
      blocks.push(this.makeBlock(r, this.settled));
      this.settled = [];
    }
    // Most runs hold no term: passed over in one tight loop.
    for (r++; r < last && (starts[r + 1] as number) <= at; ) r++;
    if (r === last && at === Infinity) r++;
    this.run = r;
  }

  /** Lets go of finished runs and of scanned text that no piece will read again. */
  private compact(): void {
    const cut = this.scanner.decided - LOOK_BACK;
    if (this.run === this.runStart.length && !this.open && this.scanner.decided === this.text.length) {
      this.text = '';
      this.base = 0;
      this.scanner.restart();
    } else if (cut >= KEEP_CHARS) {
      this.text = this.text.slice(cut);
      this.base += cut;
      this.scanner.restart(this.scanner.decided - cut);
    } else {
      return;
    }
    const firstNode = this.run < this.runNode.length ? (this.runNode[this.run] as number) : this.nodes.length;
    this.nodes = this.nodes.slice(firstNode);
    this.lengths = this.lengths.slice(firstNode);
    this.runNode = this.runNode.slice(this.run).map((n) => n - firstNode);
    this.runOwner = this.runOwner.slice(this.run);
    this.runStart = this.runStart.slice(this.run);
    this.run = 0;
  }

  private makeBlock(r: number, matches: BlockMatch[]): Block {
    const from = this.runNode[r] as number;
    const to = r + 1 < this.runNode.length ? (this.runNode[r + 1] as number) : this.nodes.length;
    const nodes = this.nodes.slice(from, to);
    // Offsets are worked out here, for the few runs with terms, rather than kept for every node.
    const starts: number[] = [];
    let offset = 0;
    for (let i = from; i < to; i++) {
      starts.push(offset);
      offset += this.lengths[i] as number;
    }
    return { owner: this.runOwner[r] as Node, nodes, starts, matches };
  }
}
