import type { Matcher } from '../../core/matcher';
import { hasReadableText } from './dom-rules';
import { hitTest } from './hit-test';
import { LateShadows } from './late-shadows';
import { guarded, logError } from './log';
import type { TermOccurrence } from './occurrence';
import { watchPage } from './observer';
import { PageText } from './page-text';
import { PaintQueue } from './paint-queue';
import { createYield, runSliced, type SliceStats } from './scheduler';
import { ownersToRead } from './scope';
import { screenFirst, type FirstPass } from './screen-first';
import type { WalkHooks } from './text-model';
import type { EngineOptions, EngineStats, EngineTuning, TermEngine } from './types';
import { WalkQueue } from './walk-queue';

const DEFAULTS: Required<Omit<EngineTuning, 'painter' | 'taskStart'>> = {
  // A slice checks the clock between units of work, and V8 can stretch one unit by several
  // milliseconds: compiling a function the first time it runs, optimising or deoptimising one,
  // collecting garbage (traced at up to 4.5 ms inside one scan piece). 4 leaves room for that
  // under 10; with 6, one page in a full bench run went past it.
  sliceMs: 4,
  debounceMs: 80,
  minIntervalMs: 200,
  notifyMs: 50,
  // Lazily loaded component bundles mostly arrive within seconds of the first read.
  shadowChecksMs: [1000, 3000, 10_000, 30_000],
};

/**
 * Finds the glossary's terms in `doc` and paints them, then keeps up with the page. Aborting
 * `signal` removes every paint, observer, listener and timer it set up.
 */
export function createTermEngine(
  doc: Document,
  matcher: Matcher,
  options: EngineOptions,
  signal: AbortSignal,
  tuning: EngineTuning = {},
): TermEngine {
  const tune = { ...DEFAULTS, ...tuning };
  const opts: EngineOptions = { ...options, appearance: { ...options.appearance } };
  const page = new PageText();
  const shadowRoots: ShadowRoot[] = [];
  const listeners: Array<() => void> = [];
  const firstPass: SliceStats = { slices: 0, longestSliceMs: 0, busyMs: 0 };
  const counts = { textChars: 0, runs: 0, wallMs: 0 };
  let yieldToPage: (() => Promise<void>) | null = null;
  let list: TermOccurrence[] | null = null;
  let notifyTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped when everything is read anew: passes of an older generation stop. */
  let generation = 0;
  /** The queue of the pass running now; shadow roots found go there. */
  let queue: WalkQueue | null = null;
  /** Whether the matcher is ready: its table made (its rows are built as the text reaches them). */
  let matcherReady = false;

  const lateShadows = new LateShadows();
  /**
   * Whether the whole document was editable (`designMode`) when last looked at: nothing is
   * marked then. Switching it on or off makes no mutation of its own; the next one tells.
   */
  let designMode = false;

  const watcher = watchPage(signal, tune, (batch) => {
    // Roots of hosts the page dropped: each holds its subtree, and each is handed to every hit test.
    if (batch.removals) for (let i = shadowRoots.length; i-- > 0; ) if (!shadowRoots[i]!.isConnected) shadowRoots.splice(i, 1);
    if (editedWhole()) return Promise.resolve();
    const whole = designMode;
    designMode = false;
    return pass((q) => {
      if (whole) return void q.add(doc.documentElement);
      for (const root of lateShadows.take()) adopt(root, q);
      for (const owner of quietly(() => ownersToRead(batch, page, paints.current, opts.skipCode))) q.add(owner);
    });
  });
  const paints = new PaintQueue(doc, page, opts, tuning.painter, (p, fn) => (p.mutatesDom ? watcher.quiet(fn) : fn()));
  /** DOM work of our own (the fallback's wrappers) is not a page change to react to. */
  const quietly = <T>(fn: () => T): T => (paints.current?.mutatesDom ? watcher.quiet(fn) : fn());

  const hooks = (): WalkHooks => ({
    skipCode: opts.skipCode,
    isKnown: page.isKnown,
    matcher,
    counts,
    onBlock: (block) => page.addBlock(block),
    onOwner: (owner) => page.known.add(owner),
    onShadowRoot: (root) => adopt(root, queue),
    onShadowless: (host) => lateShadows.note(host),
  });

  /** Reads a shadow root found on the way (in `q`), and from then on watches it for changes. */
  function adopt(root: ShadowRoot, q: WalkQueue | null): void {
    if (page.isKnown(root)) return;
    if (!shadowRoots.includes(root)) {
      shadowRoots.push(root);
      watcher.observe(root);
    }
    q?.add(root);
  }

  /** While the document is in designMode, true, with all paint dropped (once) and nothing read. */
  function editedWhole(): boolean {
    if (doc.designMode !== 'on') return false;
    if (designMode) return true;
    designMode = true;
    generation++;
    guarded(() => quietly(() => page.reset(paints.current)), undefined);
    guarded(() => commit(true), undefined);
    return true;
  }

  /** Looks again at custom elements read without a shadow root; a rescan reads those that gained one. */
  const lookForLateShadows = () => guarded(() => lateShadows.look(), false) && watcher.poke();

  /** Paints (until `deadline`) what the blocks and options call for; true when all is painted. */
  function commit(all = false, deadline = Infinity): boolean {
    const { done, changed } = paints.commit(all, deadline);
    if (changed) {
      list = null;
      notify();
    }
    return done;
  }

  function notify(): void {
    if (notifyTimer !== undefined || signal.aborted) return;
    notifyTimer = setTimeout(() => {
      notifyTimer = undefined;
      for (const listener of [...listeners]) guarded(listener, undefined);
    }, tune.notifyMs);
  }

  /**
   * One pass: reads the queued roots in slices and paints after each. `prepare` fills the queue.
   * A failing slice is logged and ends the pass.
   */
  async function pass(prepare: (q: WalkQueue) => void, first?: FirstPass): Promise<void> {
    const mine = generation;
    const q = new WalkQueue(page, hooks, () => paints.current);
    let prepared = false;
    /** Whether the page holds any text to read, looked at once per pass while the matcher is not ready. */
    let worthReading: boolean | null = null;
    const step = (deadline: number): boolean => {
      if (mine !== generation || signal.aborted) return true;
      try {
        // A matcher loaded for this page gets ready (its table made) in the first slices, before
        // any text is read; but not in a frame with nothing to read (many ads and embeds),
        // which then never pays for it. Text added later gets it ready in a later pass the same
        // way; text only in shadow roots, by its first scan, at once.
        if (!matcherReady && (worthReading ??= hasReadableText(doc))) {
          matcherReady = matcher.prepare(deadline);
          if (!matcherReady) return false;
        }
        queue = q;
        paints.prepare();
        if (!prepared) {
          prepared = true;
          prepare(q);
        } else {
          first?.before(q, deadline);
        }
        // Reading can drop old paint: with wrappers, that changes the DOM.
        const read = quietly(() => q.run(deadline));
        if (!read && first?.holdPaint()) return false;
        return commit(false, deadline) && read;
      } catch (err) {
        logError(err);
        return true;
      }
    };
    const yieldNow = () => (yieldToPage ??= createYield(signal))();
    // Only the first pass runs in the task that made the engine.
    const stats = first?.stats ?? { slices: 0, longestSliceMs: 0, busyMs: 0 };
    await runSliced(step, tune.sliceMs, yieldNow, signal, stats, first ? tuning.taskStart : undefined);
  }

  /** The first pass: the whole page in order; if it takes more than a slice, what is on screen next. */
  async function readPage(): Promise<void> {
    const began = performance.now();
    const root = doc.documentElement;
    if (doc.designMode === 'on') designMode = true;
    if (!root || designMode) return;
    const first = screenFirst({
      doc,
      page,
      stats: firstPass,
      skipCode: () => opts.skipCode,
      hooks,
      prioritise: (blocks) => paints.prioritise(blocks),
    });
    await pass((q) => q.add(root), first);
    counts.wallMs = performance.now() - began;
  }

  function occurrences(): TermOccurrence[] {
    if (!list) {
      list = [];
      for (const block of page.ordered) for (const m of block.matches) if (m.occurrence) list.push(m.occurrence);
    }
    return list;
  }

  signal.addEventListener(
    'abort',
    () => {
      generation++;
      clearTimeout(notifyTimer);
      listeners.length = 0;
      guarded(() => paints.current?.clear(), undefined);
      page.known.clear();
      page.blocksOf.clear();
      page.ordered = [];
      list = [];
    },
    { once: true },
  );

  const ready = signal.aborted
    ? Promise.resolve()
    : (() => {
        watcher.observe(doc);
        return readPage()
          .catch(logError)
          .finally(() => {
            watcher.resume();
            if (signal.aborted) return;
            const timers = tune.shadowChecksMs.map((ms) => setTimeout(lookForLateShadows, ms));
            signal.addEventListener('abort', () => timers.forEach(clearTimeout), { once: true });
          });
      })();

  return {
    ready,
    occurrences: () => (signal.aborted ? [] : occurrences()),
    hitTest(x, y) {
      const p = paints.current;
      if (signal.aborted || !p) return null;
      // The pointer is where a reader would miss paint the page took away: it comes back here.
      guarded(() => p.keep?.(), undefined);
      return guarded(() => p.occurrenceAt?.(x, y) ?? hitTest(doc, x, y, shadowRoots, (o) => page.blocksOf.get(o)), null);
    },
    setCurrent(occurrence) {
      const p = paints.current;
      if (signal.aborted || !p) return;
      guarded(() => quietly(() => p.setCurrent(occurrence as TermOccurrence | null)), undefined);
    },
    update(patch) {
      if (signal.aborted) return;
      const skipChanged = patch.skipCode !== undefined && patch.skipCode !== opts.skipCode;
      Object.assign(opts, patch);
      if (patch.appearance) {
        opts.appearance = { ...patch.appearance };
        const p = paints.current;
        if (p) guarded(() => quietly(() => p.setAppearance(opts.appearance)), undefined);
      }
      if (skipChanged) {
        generation++;
        guarded(() => quietly(() => page.reset(paints.current)), undefined);
        // A document edited as a whole stays unmarked.
        if (!editedWhole()) {
          designMode = false;
          pass((q) => q.add(doc.documentElement)).catch(logError);
        }
      } else if (patch.occurrences !== undefined || patch.contextThreshold !== undefined) {
        guarded(() => commit(true), undefined);
      }
    },
    onChange(listener) {
      if (!signal.aborted) listeners.push(listener);
    },
    stats(): EngineStats {
      let matches = 0;
      for (const block of page.ordered) if (!block.dead) matches += block.matches.length;
      return {
        textChars: counts.textChars,
        blocks: counts.runs,
        matches,
        painted: occurrences().length,
        longestSliceMs: firstPass.longestSliceMs,
        totalMs: firstPass.busyMs,
        wallMs: counts.wallMs,
        slices: firstPass.slices,
      };
    },
  };
}
