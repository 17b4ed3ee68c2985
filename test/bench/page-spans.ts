import { classify } from '../../src/content/engine/dom-rules';
import type { Matcher } from '../../src/core/matcher';
import type { Occurrence, TermEngine } from '../../src/content/engine';

/*
 * Where each approach marked terms, as offsets into the page's text (every text node of the
 * document, in order). mark.js splits text nodes but never changes the text, so offsets taken
 * in different loads of the same page compare directly.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
  /** The characters just outside the span, for explaining word-edge differences. */
  before: string;
  after: string;
  /** A few words around it, for the examples the report prints. */
  context: string;
  /** The term runs over more than one text node ("foundation <em>model</em>"). */
  split?: boolean;
  /** Inside something Termlight never reads (code, hidden, editable, ...). */
  skipped?: boolean;
  /** The matcher reads this text as a context-gated form. */
  gated?: boolean;
  /** Inside a phrase the glossary lists as an exception ("economies of scale"). */
  excepted?: boolean;
}

function textOffsets(doc: Document): { starts: Map<Node, number>; text: string } {
  const starts = new Map<Node, number>();
  const parts: string[] = [];
  let length = 0;
  const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    starts.set(node, length);
    parts.push((node as Text).data);
    length += (node as Text).data.length;
  }
  return { starts, text: parts.join('') };
}

function inSkippedRegion(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (classify(el, true) === 'skip') return true;
  }
  return false;
}

function span(text: string, start: number, end: number): Span {
  const context = text.slice(Math.max(0, start - 30), end + 30).replace(/\s+/g, ' ');
  return { start, end, text: text.slice(start, end), before: text.charAt(start - 1), after: text.charAt(end), context };
}

/** Spans of the terms Termlight painted (terms inside shadow roots have no offset and are left out). */
export function engineSpans(doc: Document, occurrences: readonly Occurrence[]): Span[] {
  const { starts, text } = textOffsets(doc);
  const spans: Span[] = [];
  for (const occ of occurrences) {
    const range = occ.range();
    const a = starts.get(range.startContainer);
    const b = starts.get(range.endContainer);
    if (a === undefined || b === undefined) continue;
    spans.push({ ...span(text, a + range.startOffset, b + range.endOffset), split: range.startContainer !== range.endContainer });
  }
  return spans;
}

/** Spans of mark.js's `<mark data-markjs>` elements, with what Termlight would make of each. */
export function markSpans(doc: Document, matcher: Matcher): Span[] {
  const { starts, text } = textOffsets(doc);
  const spans: Span[] = [];
  for (const mark of doc.querySelectorAll('mark[data-markjs]')) {
    const first = mark.firstChild;
    const at = first ? starts.get(first) : undefined;
    if (at === undefined) continue;
    const s = span(text, at, at + (mark.textContent ?? '').length);
    const found = matcher.scan(s.text);
    // Exception phrases are longer than the terms they hold: read a little around the mark.
    const from = Math.max(0, s.start - 60);
    const around = matcher.scanAll?.(text, from, Math.min(text.length, s.end + 60)) ?? [];
    const excepted = around.some((m) => m.except && m.start <= s.start && m.end >= s.end);
    spans.push({ ...s, skipped: inSkippedRegion(mark), gated: found.length === 1 && found[0]!.gated, excepted });
  }
  return spans;
}

type CaretDocument = Document & { caretPositionFromPoint?(x: number, y: number): unknown };

function caretAt(x: number, y: number): unknown {
  const doc = document as CaretDocument;
  return doc.caretPositionFromPoint ? doc.caretPositionFromPoint(x, y) : doc.caretRangeFromPoint(x, y);
}

/** Where the second visit asks, as fractions of the term's first box, left to right. */
const ACROSS = [0.35, 0.65];

const nextFrame = () => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok())));

export interface HitTimes {
  /**
   * Microseconds per `hitTest` call as the card makes it while the pointer moves: one a frame,
   * from the frame's callback, after the browser has found the element under the pointer for
   * the pointer's event. The figure the target is judged by.
   */
  us: number[];
  /** The first visit: calls back to back in one task, once per term, as earlier runs timed them. */
  firstUs: number[];
  /**
   * The browser's caret lookup alone, in a frame of its own, right after the browser's hit test for
   * the pointer's event: what any caret-based hit test pays.
   */
  caretUs: number[];
  /** The figure's call asked again at once: Termlight's own part, with the browser's answers at hand. */
  ownUs: number[];
  /** Calls that returned the occurrence aimed at. */
  hits: number;
}

/**
 * Times `engine.hitTest` over painted terms. Terms are visited in page order and the page
 * scrolls (a few times at most) to bring them on screen, as a reader's pointer would. The first
 * visit asks once per term at its centre, back to back (`firstUs`, reported beside the figure);
 * the second, the figure, as the card does (see `HitTimes.us`), at two points across each term.
 */
export async function timeHitTests(engine: TermEngine, samples: number, maxScrolls: number): Promise<HitTimes> {
  const all = engine.occurrences();
  const picked: Occurrence[] = [];
  for (let i = 0; i < samples && i < all.length; i++) picked.push(all[Math.floor((i * all.length) / Math.min(samples, all.length))]!);
  const result: HitTimes = { us: [], firstUs: [], caretUs: [], ownUs: [], hits: 0 };
  for (const pass of [result.firstUs, result.us]) {
    scrollTo(0, 0);
    await nextFrame();
    await visit(engine, picked, maxScrolls, pass, pass === result.us ? result : null);
  }
  return result;
}

async function visit(engine: TermEngine, picked: readonly Occurrence[], maxScrolls: number, us: number[], tally: HitTimes | null): Promise<void> {
  let scrolls = 0;
  for (const occ of picked) {
    let rect = occ.rects()[0];
    if (!rect) continue;
    if (rect.top < 0 || rect.bottom > innerHeight) {
      if (scrolls++ >= maxScrolls) break;
      scrollBy(0, rect.top - innerHeight / 2);
      await nextFrame();
      rect = occ.rects()[0];
      if (!rect) continue;
    }
    const x = (rect.left + rect.right) / 2;
    const y = (rect.top + rect.bottom) / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
    if (!tally) {
      // An untimed lookup at the term's left edge first brings the browser's layout and paint
      // state up to date after a scroll, and the call is timed back to back with it.
      caretAt(rect.left + 1, y);
      const t0 = performance.now();
      engine.hitTest(x, y);
      us.push((performance.now() - t0) * 1000);
      continue;
    }
    for (const at of ACROSS.map((f) => rect.left + f * (rect.right - rect.left))) {
      await nextFrame();
      // The browser's own hit test for the pointer's event, made whether Termlight runs or not.
      document.elementFromPoint(at, y);
      const t0 = performance.now();
      const hit = engine.hitTest(at, y);
      us.push((performance.now() - t0) * 1000);
      const t1 = performance.now();
      engine.hitTest(at, y);
      tally.ownUs.push((performance.now() - t1) * 1000);
      if (hit && hit.text === occ.text && hit.range().compareBoundaryPoints(Range.START_TO_START, occ.range()) === 0) tally.hits++;
    }
    // The browser's part: its caret lookup alone, in a frame of its own, after the event's hit
    // test at the same point, a point no caret lookup was asked about.
    await nextFrame();
    document.elementFromPoint(x, y + 1);
    const t2 = performance.now();
    caretAt(x, y + 1);
    tally.caretUs.push((performance.now() - t2) * 1000);
  }
}
