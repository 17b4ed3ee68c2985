/**
 * Engine errors never reach the page as uncaught errors (a page's error reporting would blame
 * the page), but they are not swallowed either: they go to the console, marked as ours. The
 * message goes in the text too: some consoles (and test drivers) show an error object only as
 * a placeholder.
 */
export function logError(err: unknown): void {
  console.error(`[Termlight] ${String(err)}`, err);
}

/** Runs `fn`, logging instead of throwing; returns `fallback` when it failed. */
export function guarded<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (err) {
    logError(err);
    return fallback;
  }
}
