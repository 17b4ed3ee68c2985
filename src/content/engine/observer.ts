import { isOwnHost } from './dom-rules';
import { logError } from './log';

/** What changed on the page since the last rescan. */
export interface MutationBatch {
  /** Nodes whose text or children changed: their owners are read again. */
  targets: Set<Node>;
  /** Elements whose hidden / aria-hidden / contenteditable changed: their subtree is read anew. */
  toggled: Set<Element>;
  /** Whether anything was removed: blocks of removed containers are then dropped. */
  removals: boolean;
  /**
   * Elements that may have gone into a link or out of one: taken out of a parent (those still on
   * the page were moved, wrapped in a link, say), or a link whose `href` came or went. Whether
   * the text read in them is link text is worked out again; nothing is read again for it.
   */
  relinked: Set<Element>;
}

export interface WatchTiming {
  /** Wait after the first change of a batch, so a burst of changes is handled once. */
  debounceMs: number;
  /** Least time from the end of one rescan to the start of the next. */
  minIntervalMs: number;
}

export interface PageWatcher {
  observe(root: Document | ShadowRoot): void;
  /** Runs `fn`, which changes the DOM itself, and forgets the mutations it caused. */
  quiet<T>(fn: () => T): T;
  /** Rescans wait until the first pass is painted; this lets them start. */
  resume(): void;
  /** Asks for a rescan with no page change to report: the engine has other work for it. */
  poke(): void;
}

const OPTIONS: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  attributes: true,
  // `href` decides whether text is link text, which the context gate leaves out.
  attributeFilter: ['hidden', 'aria-hidden', 'contenteditable', 'href'],
};


/**
 * Watches the page for changes and hands them over in batches. A page that changes its text
 * every frame costs at most one rescan per `minIntervalMs`: the timer is not pushed back by
 * further changes, so it always fires.
 */
export function watchPage(
  signal: AbortSignal,
  timing: WatchTiming,
  flush: (batch: MutationBatch) => Promise<void>,
): PageWatcher {
  let batch: MutationBatch = { targets: new Set(), toggled: new Set(), removals: false, relinked: new Set() };
  let pending = false;
  let paused = true;
  let running = false;
  let lastEnd = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function collect(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'attributes') {
        if (r.attributeName === 'href') batch.relinked.add(r.target as Element);
        else batch.toggled.add(r.target as Element);
      } else if (r.type === 'characterData') {
        batch.targets.add(r.target);
      } else {
        const changed = [...r.addedNodes, ...r.removedNodes];
        // The card's host coming and going is Termlight's own doing.
        if (changed.length && changed.every(isOwnHost)) continue;
        batch.targets.add(r.target);
        if (r.removedNodes.length) batch.removals = true;
        for (const node of r.removedNodes) if (node.nodeType === 1) batch.relinked.add(node as Element);
      }
      pending = true;
    }
    schedule();
  }

  function schedule(): void {
    if (!pending || paused || running || timer !== undefined || signal.aborted) return;
    const wait = Math.max(timing.debounceMs, lastEnd + timing.minIntervalMs - performance.now());
    timer = setTimeout(run, wait);
  }

  async function run(): Promise<void> {
    timer = undefined;
    running = true;
    const taken = batch;
    batch = { targets: new Set(), toggled: new Set(), removals: false, relinked: new Set() };
    pending = false;
    try {
      await flush(taken);
    } catch (err) {
      logError(err);
    }
    running = false;
    lastEnd = performance.now();
    schedule();
  }

  const observer = new MutationObserver((records) => {
    try {
      collect(records);
    } catch (err) {
      logError(err);
    }
  });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );

  return {
    observe(root) {
      if (!signal.aborted) observer.observe(root, OPTIONS);
    },
    quiet(fn) {
      // Changes the page made before ours are still the page's: keep them.
      const before = observer.takeRecords();
      if (before.length) collect(before);
      try {
        return fn();
      } finally {
        observer.takeRecords();
      }
    },
    resume() {
      paused = false;
      schedule();
    },
    poke() {
      pending = true;
      schedule();
    },
  };
}
