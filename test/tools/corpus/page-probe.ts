/*
 * Runs inside a swept page, in its main world (bundled by `probe-bundle.ts`). It reads what a
 * check needs after Termlight ran: the page's text cut into runs the way the text model is
 * documented to cut it, the ranges Termlight registered (seen through the shared
 * `CSS.highlights` registry), the page's markup and a sample of element positions.
 *
 * The runs are rebuilt here by a plain recursive walk over the same element rules
 * (`classify`): the engine's resumable walker, block bookkeeping, rescans and painter are what
 * the comparison checks, so none of them is reused.
 */
import { classify } from '../../../src/content/engine/dom-rules';

/** A registered range, as a run of `ProbeResult.runs` and offsets in it; run -1 when it lies in none. */
export interface PaintedRange {
  run: number;
  start: number;
  end: number;
  text: string;
}

export interface ProbeResult {
  runs: string[];
  /** Per run, the [start, end) spans of its text inside a link (which tells nothing of the page's subject). */
  links: Array<Array<[number, number]>>;
  painted: PaintedRange[];
  /** Highlight names Termlight registered. */
  names: string[];
  markup: string;
  /** x, y, width, height of each sampled element, flattened. */
  layout: number[];
  /** How many elements the page holds, and how many of them the layout sample took. */
  elements: number;
  sampled: number;
}

const HOST = 'termlight-host';

function isTermlightHighlight(name: string): boolean {
  return name.startsWith('termlight-') && !name.startsWith('termlight-current-');
}

/** Text runs in page order, where each text node starts in its run, and each run's link text. */
function readRuns(root: Element, skipCode: boolean): { runs: string[]; links: Array<Array<[number, number]>>; where: Map<Text, [number, number]> } {
  const runs: string[] = [];
  const links: Array<Array<[number, number]>> = [];
  const where = new Map<Text, [number, number]>();
  let nodes: Text[] = [];
  let text = '';
  let linked: Array<[number, number]> = [];
  /** How many `<a>` elements the walk is inside. */
  let inLinks = 0;
  const flush = () => {
    if (nodes.length) {
      const index = runs.push(text) - 1;
      links.push(linked);
      let at = 0;
      for (const n of nodes) {
        where.set(n, [index, at]);
        at += n.data.length;
      }
    }
    nodes = [];
    text = '';
    linked = [];
  };
  const walkChildren = (parent: Node) => {
    for (let n = parent.firstChild; n; n = n.nextSibling) visit(n);
  };
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const t = node as Text;
      if (t.data) {
        nodes.push(t);
        if (inLinks) linked.push([text.length, text.length + t.data.length]);
        text += t.data;
      }
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    const kind = classify(el, skipCode);
    if (kind === 'skip' || kind === 'break') {
      flush();
      return;
    }
    if (kind === 'container') flush();
    const link = el.localName === 'a' && el.hasAttribute('href');
    if (link) inLinks++;
    // A shadow tree is read first, as a run of its own; the host's light children follow.
    if (el.shadowRoot) {
      flush();
      walkChildren(el.shadowRoot);
      flush();
    }
    walkChildren(el);
    if (link) inLinks--;
    if (kind === 'container') flush();
  };
  walkChildren(root);
  flush();
  return { runs, links, where };
}

function paintedRanges(where: Map<Text, [number, number]>): { painted: PaintedRange[]; names: string[] } {
  const painted: PaintedRange[] = [];
  const names: string[] = [];
  if (!globalThis.CSS?.highlights) return { painted, names };
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('termlight-')) continue;
    names.push(name);
    if (!isTermlightHighlight(name)) continue;
    for (const r of highlight as Iterable<AbstractRange>) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const a = where.get(r.startContainer as Text);
      const b = where.get(r.endContainer as Text);
      const text = range.toString();
      if (!a || !b || a[0] !== b[0]) painted.push({ run: -1, start: 0, end: 0, text });
      else painted.push({ run: a[0], start: a[1] + r.startOffset, end: b[1] + r.endOffset, text });
    }
  }
  return { painted, names: names.sort() };
}

/** The page's markup, open shadow trees included, without Termlight's host. */
function pageMarkup(): string {
  const roots: ShadowRoot[] = [];
  for (const el of document.querySelectorAll('*')) {
    if (el.shadowRoot && el.localName !== HOST) roots.push(el.shadowRoot);
  }
  const root = document.documentElement;
  if (!root) return '';
  const html = typeof root.getHTML === 'function' ? root.getHTML({ shadowRoots: roots }) : root.innerHTML;
  const attrs = [...root.attributes].map((a) => ` ${a.name}="${a.value}"`).join('');
  const doctype = document.doctype ? `<!doctype ${document.doctype.name}>` : '';
  // The host is an empty element once its shadow root is left out.
  return `${doctype}<html${attrs}>${html.replace(/<termlight-host[^>]*><\/termlight-host>/g, '')}</html>`;
}

/** Positions of up to `max` elements spread evenly over the page. */
function layoutSample(max: number): { layout: number[]; elements: number; sampled: number } {
  const all = [...document.querySelectorAll('body *')].filter((el) => !el.closest(HOST));
  const step = Math.max(1, Math.ceil(all.length / max));
  const layout: number[] = [];
  let sampled = 0;
  for (let i = 0; i < all.length; i += step) {
    const r = (all[i] as Element).getBoundingClientRect();
    layout.push(r.x, r.y, r.width, r.height);
    sampled++;
  }
  return { layout, elements: all.length, sampled };
}

export function probe(options: { skipCode: boolean; layoutSample: number }): ProbeResult {
  const root = document.documentElement;
  const { runs, links, where } = root ? readRuns(root, options.skipCode) : { runs: [], links: [], where: new Map() };
  return { runs, links, ...paintedRanges(where), markup: pageMarkup(), ...layoutSample(options.layoutSample) };
}
