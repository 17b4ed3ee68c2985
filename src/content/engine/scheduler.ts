/**
 * Work in slices: each slice runs until its time budget is spent, then yields to the page so
 * input and rendering go first. `scheduler.yield()` resumes ahead of other queued tasks where
 * the browser has it; otherwise a MessageChannel post, which (unlike `setTimeout(0)`) is not
 * clamped to 4 ms once nested.
 */

interface YieldingScheduler {
  yield(): Promise<void>;
}

function nativeYield(): (() => Promise<void>) | null {
  const s = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  return s && typeof s.yield === 'function' ? () => (s as YieldingScheduler).yield() : null;
}

export function createYield(signal: AbortSignal): () => Promise<void> {
  const native = nativeYield();
  if (native) return native;
  if (typeof MessageChannel !== 'function') return () => new Promise((ok) => setTimeout(ok, 0));
  const channel = new MessageChannel();
  const waiting: Array<() => void> = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  signal.addEventListener('abort', () => channel.port1.close(), { once: true });
  return () =>
    new Promise<void>((ok) => {
      waiting.push(ok);
      channel.port2.postMessage(null);
    });
}

export interface SliceStats {
  slices: number;
  longestSliceMs: number;
  busyMs: number;
}

/**
 * Runs `step(deadline)` in slices until it returns true. Each slice is timed; `budgetMs` of
 * Infinity runs everything in one go (the benchmark's synchronous mode). Stops quietly when
 * `signal` aborts; returns false then.
 */
export async function runSliced(
  step: (deadline: number) => boolean,
  budgetMs: number,
  yieldToPage: () => Promise<void>,
  signal: AbortSignal,
  stats: SliceStats,
  /**
   * When the task the first slice runs in began, if earlier: what that task did before (loading
   * the glossary) counts against the first slice's budget, and in its time.
   */
  taskStart?: number,
): Promise<boolean> {
  for (let first = true; ; first = false) {
    if (signal.aborted) return false;
    const began = first && taskStart !== undefined ? Math.min(taskStart, performance.now()) : performance.now();
    const finished = step(began + budgetMs);
    const took = performance.now() - began;
    stats.slices++;
    stats.busyMs += took;
    if (took > stats.longestSliceMs) stats.longestSliceMs = took;
    if (finished) return true;
    await yieldToPage();
  }
}
