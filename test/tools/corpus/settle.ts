import type { DrivenPage } from './drive';
import { QUIET_KEY } from './page-init';

/**
 * Quiet long enough for Termlight to have caught up with the page's last change: it waits
 * 80 ms after a change and at most one rescan starts every 200 ms (the engine's defaults).
 */
const QUIET_MS = 400;
/**
 * From Termlight's start to its first pass: two storage reads and the glossary's compilation,
 * during which the page may look idle. The pass itself never looks idle: it yields to the page
 * with queued tasks, which keep idle callbacks waiting.
 */
const STARTUP_MS = 300;
// Long enough for the ticker fixture, which changes its text for ten seconds.
const LIMIT_MS = 20_000;

interface Reading {
  quietMs: number;
  startedMs: number | null;
  count: number;
  idle: boolean;
}

/** Reads the page's state once its event loop has nothing queued (or after a second). */
const READ = `new Promise((done) => {
  const read = (deadline) => {
    const q = window[${JSON.stringify(QUIET_KEY)}];
    let count = 0;
    for (const [name, h] of (globalThis.CSS && CSS.highlights) || []) {
      if (name.startsWith('termlight-') && !name.startsWith('termlight-current-')) count += h.size;
    }
    done({
      quietMs: q ? performance.now() - q.last : Infinity,
      startedMs: q && q.started >= 0 ? performance.now() - q.started : null,
      count,
      idle: !!deadline && !deadline.didTimeout,
    });
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(read, { timeout: 1000 });
  else setTimeout(() => read({ didTimeout: false }), 50);
})`;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Waits until the page has stopped changing its DOM, Termlight (when `withTermlight`) has
 * started and is idle, and the paint did not change between two idle readings. `atLeastMs`
 * makes a run without Termlight wait as long as the run with it, so late page timers fire in
 * both or in neither. Returns false if that never happened within `LIMIT_MS`.
 */
export async function settle(page: DrivenPage, options: { withTermlight: boolean; atLeastMs?: number }): Promise<boolean> {
  const began = Date.now();
  let count = -1;
  while (Date.now() - began < LIMIT_MS) {
    const now: Reading = await page.evaluate(READ);
    const started = !options.withTermlight || (now.startedMs !== null && now.startedMs >= STARTUP_MS);
    const same = now.count === count;
    count = now.count;
    if (now.idle && started && same && now.quietMs >= QUIET_MS && Date.now() - began >= (options.atLeastMs ?? 0)) return true;
    await sleep(50);
  }
  return false;
}
