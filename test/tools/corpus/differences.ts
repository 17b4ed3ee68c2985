import type { DrivenPage } from './drive';
import type { ProbeResult } from './page-probe';

/** Where two serialisations of a page part ways, shown with a little context; null when equal. */
export function compareDom(reference: string, got: string): string | null {
  if (reference === got || movedByPage(reference, got) || movedByPage(got, reference)) return null;
  const i = firstDifference(reference, got);
  const show = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 40), i + 60));
  return `at character ${i}: expected ${show(reference)}, got ${show(got)}`;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Whether `b` is `a` with one empty element somewhere else. A page script that appends to
 * <body> while the page is still being parsed (a consent tool's hidden locator frame, on a 5 ms
 * timer) puts its element wherever the parser has got to, which moves with the timing of
 * anything else running, an extension included. Termlight itself never adds or moves an
 * element of the page.
 */
function movedByPage(a: string, b: string): boolean {
  // The two may share the start of the element's tag ("<" of "<p" and "<iframe").
  const i = b.lastIndexOf('<', firstDifference(a, b));
  if (i < 0) return false;
  const open = /^<([a-z][a-z0-9-]*)\b[^>]*>/.exec(b.slice(i));
  if (!open) return false;
  const element = `${open[0]}</${open[1]}>`;
  if (!b.startsWith(element, i)) return false;
  const elsewhere = a.indexOf(element, i);
  if (elsewhere < 0) return false;
  return a.slice(0, elsewhere) + a.slice(elsewhere + element.length) === b.slice(0, i) + b.slice(i + element.length);
}

/** The first sampled element whose box moved or changed size; null when none did. */
export function compareLayout(reference: ProbeResult, got: ProbeResult): string | null {
  if (reference.elements !== got.elements) return `${got.elements} elements instead of ${reference.elements}`;
  for (let i = 0; i < reference.layout.length; i += 4) {
    const a = reference.layout.slice(i, i + 4);
    const b = got.layout.slice(i, i + 4);
    if (a.some((v, k) => v !== b[k])) return `sampled element ${i / 4} of ${reference.sampled} at [${b.join(', ')}] instead of [${a.join(', ')}]`;
  }
  return null;
}

const firstLine = (s: string) => s.split('\n')[0] ?? s;
/**
 * The favicon is the browser's own request, made or not depending on timing; a page may name its
 * own, with a version in the query ("/graphics/favicon.ico?v=5").
 */
const incidental = (s: string) => /\/favicon\.ico(?:\?[^#]*)?$/.test(s);

/** Items of `got` beyond those in `reference` (as multisets, by first line). */
export function onlyIn(got: readonly string[], reference: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const r of reference) left.set(firstLine(r), (left.get(firstLine(r)) ?? 0) + 1);
  const extra: string[] = [];
  for (const g of got) {
    const key = firstLine(g);
    if (incidental(key)) continue;
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else extra.push(key);
  }
  return extra;
}

/**
 * Errors that are Termlight's own: thrown from its script (the stack names the extension) or
 * logged by it (engine errors are caught and logged with a `[Termlight]` prefix). Only this
 * extension's origin counts: a saved page can point at another extension's files itself.
 * An error with no stack at all (Firefox reports rejections so) is told apart by comparison.
 */
export function termlightErrors(page: DrivenPage, extensionOrigin: string): string[] {
  const ours = (s: string) => !!extensionOrigin && s.includes(extensionOrigin);
  return [
    ...page.errors.filter(ours).map((e) => `uncaught: ${firstLine(e)}`),
    ...page.consoleErrors
      .filter((c) => (ours(c.url) && !c.text.startsWith('Failed to load resource')) || c.text.includes('[Termlight]'))
      .map((c) => `logged: ${firstLine(c.text)}`),
  ];
}

/** Page errors that are not Termlight's. */
export function pageOwnErrors(page: DrivenPage, extensionOrigin: string): string[] {
  return page.errors.filter((e) => !extensionOrigin || !e.includes(extensionOrigin));
}
