import type { Match } from '../../core/matcher';
import type { Block } from './blocks';

/**
 * Runs of text collected by a walk and scanned together: one matcher call per batch instead of
 * one per run (most runs are short and hold no term, so per-call costs would dominate). Runs are
 * joined with U+0000, which no glossary form contains and which is no word character, so a term
 * never spans two runs and a run's edge counts as a word edge.
 */
export class RunBatch {
  private text = '';
  private readonly nodes: Text[] = [];
  /** For each run: its first node, its owner, and the offset of its first character. */
  private readonly runNode: number[] = [];
  private readonly runOwner: Node[] = [];
  private readonly runStart: number[] = [];

  get chars(): number {
    return this.text.length;
  }

  startRun(owner: Node): void {
    this.text += '\u0000';
    this.runNode.push(this.nodes.length);
    this.runOwner.push(owner);
    this.runStart.push(this.text.length);
  }

  add(node: Text): void {
    const data = node.data;
    if (!data) return;
    this.nodes.push(node);
    this.text += data;
  }

  /** Scans what was collected and empties the batch; returns the runs that hold terms. */
  scan(scanText: (text: string, runs: number) => readonly Match[]): Block[] {
    const runs = this.runNode.length;
    if (!runs) return [];
    const found = scanText(this.text, runs);
    const blocks: Block[] = [];
    let r = 0;
    let block: Block | null = null;
    for (const m of found) {
      while (r + 1 < runs && (this.runStart[r + 1] as number) <= m.start) {
        r++;
        block = null;
      }
      const base = this.runStart[r] as number;
      if (!block) {
        block = this.makeBlock(r);
        blocks.push(block);
      }
      block.matches.push({ start: m.start - base, end: m.end - base, entry: m.entry, gated: m.gated, occurrence: null });
    }
    this.text = '';
    this.nodes.length = 0;
    this.runNode.length = 0;
    this.runOwner.length = 0;
    this.runStart.length = 0;
    return blocks;
  }

  private makeBlock(r: number): Block {
    const from = this.runNode[r] as number;
    const to = r + 1 < this.runNode.length ? (this.runNode[r + 1] as number) : this.nodes.length;
    const nodes = this.nodes.slice(from, to);
    // Offsets are worked out here, for the few runs with terms, rather than kept for every node.
    const starts: number[] = [];
    let offset = 0;
    for (const node of nodes) {
      starts.push(offset);
      offset += node.data.length;
    }
    return { owner: this.runOwner[r] as Node, nodes, starts, matches: [] };
  }
}
