import type { DrivenPage } from './drive';
import type { ProbeResult } from './page-probe';

/** Where two serialisations of a page part ways, shown with a little context; null when equal. */
export function compareDom(reference: string, got: string): string | null {
  if (reference === got) return null;
  let i = 0;
  while (i < reference.length && reference[i] === got[i]) i++;
  const show = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 40), i + 60));
  return `at character ${i}: expected ${show(reference)}, got ${show(got)}`;
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
/** The favicon is the browser's own request, made or not depending on timing. */
const incidental = (s: string) => /\/favicon\.ico$/.test(s);

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
