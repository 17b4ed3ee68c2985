/*
 * Runs in a swept page's main world before any of the page's own scripts, in the run with
 * Termlight and in the run without it alike. Passed to the browser as source text, so it must
 * not refer to anything outside itself.
 */

export const QUIET_KEY = '__termlightSweepQuiet';

/**
 * Makes the page repeatable, so the two runs can be compared: saved pages put the time or a
 * random number into their markup (cache busters, ad slots). The clock starts at a fixed date
 * and moves on one millisecond per reading, so loops that wait on it still end. Termlight's own
 * world has its own `Date` and `Math` and is not affected.
 *
 * Also counts the page's DOM changes and notes when Termlight started, so the sweep can wait
 * until the page and Termlight have gone quiet.
 */
export function pageInit(): void {
  const key = '__termlightSweepQuiet';
  if (Object.prototype.hasOwnProperty.call(window, key)) return;
  let seed = 0x2f6b1d3a;
  Math.random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const RealDate = Date;
  let tick = RealDate.UTC(2024, 0, 15, 12);
  const now = () => tick++;
  class SteadyDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [string]));
    }
    static override now(): number {
      return now();
    }
  }
  // `Date()` called without `new` returns a string.
  const PageDate = new Proxy(SteadyDate, { apply: () => new RealDate(now()).toString() });
  Object.defineProperty(window, 'Date', { value: PageDate, writable: true, configurable: true });

  // `last`: when the page last changed its DOM; `started`: when Termlight announced itself.
  const state = { last: performance.now(), changes: 0, started: -1 };
  // Taken now, before the page's scripts run: a page may redefine these and count callers.
  const closest = Element.prototype.closest;
  const localName = Object.getOwnPropertyDescriptor(Element.prototype, 'localName')?.get;
  const isHost = (n: Node) => n.nodeType === 1 && localName?.call(n) === 'termlight-host';
  // Every instance announces itself with this DOM event, which reaches every world.
  document.addEventListener('termlight:takeover', () => (state.started = performance.now()));
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isHost)) continue;
      if (r.target.nodeType === 1 && closest.call(r.target as Element, 'termlight-host')) continue;
      state.changes++;
      state.last = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  Object.defineProperty(window, key, { value: state });
}

/** The init script as source text for `addInitScript` / `evaluateOnNewDocument`. */
export const pageInitSource = `(${pageInit.toString()})();`;
