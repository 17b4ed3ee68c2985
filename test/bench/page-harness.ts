/*
 * The in-page side of `npm run bench`, bundled into one script that each freshly loaded page
 * runs as a classic script, as it would a content script. It runs the very modules the content script runs (matcher, term engine,
 * content CSS) and times one approach per page load with `performance.now()`.
 */
import Mark from 'mark.js';
import { contentCss } from '../../src/content/content-css';
import { createTermEngine, type EngineOptions } from '../../src/content/engine';
import type { GlossaryPack } from '../../src/core/glossary/types';
import { compileImage, compileMatcher, loadMatcher } from '../../src/core/matcher';
import { defaults } from '../../src/core/settings/defaults';
import { keywordSets, LIMITERS, oneRegExp } from './page-forms';
import { engineSpans, markSpans, timeHitTests, type HitTimes, type Span } from './page-spans';

export type Approach = 'floor' | 'chars' | 'termlight' | 'mark' | 'regexp' | 'compile';

export interface RunRequest {
  approach: Approach;
  glossary: string;
  /** Also return where terms were marked (untimed, after the run). */
  collect: boolean;
  /** Termlight only: how many hit tests to time afterwards (0 = none). */
  hitSamples: number;
  /** mark.js keyword API: stop after this long (default 2 s). */
  capMs?: number;
}

export interface RunResult {
  ok: boolean;
  error?: string;
  ms: number;
  /** Stopped at the cap: `ms` is a lower bound. */
  capped?: boolean;
  /** Work done once per glossary, outside the timed region: compiling the glossary. */
  prepMs?: number;
  /**
   * Termlight: taking up the stored compiled glossary before the engine starts, as each page
   * does (its shape is checked; the rest of the check and the table are done in the engine's
   * slices). Part of `ms`.
   */
  loadMs?: number;
  /** Termlight: compiling the same glossary a second time in the page. */
  warmPrepMs?: number;
  /** Termlight: the same run again in the same page, its code now warm (for comparison only). */
  warmMs?: number;
  textChars: number;
  marked: number;
  /** Termlight: terms found, painted or not (context-gated ones on a page not about AI). */
  found?: number;
  longestSliceMs?: number;
  busyMs?: number;
  slices?: number;
  longTasksMs?: number[];
  spans?: Span[];
  hits?: HitTimes;
}

/** A new user's settings, in the engine's terms. */
const OPTIONS: EngineOptions = {
  occurrences: defaults.occurrences,
  contextThreshold: defaults.contextGate.enabled ? defaults.contextGate.threshold : 0,
  skipCode: defaults.skipCode,
  appearance: { style: defaults.highlightStyle, color: defaults.highlightColor },
};

const MARK_OPTIONS = {
  separateWordSearch: false,
  diacritics: false,
  accuracy: { value: 'exactly' as const, limiters: LIMITERS },
  // Keywords run longest first; skipping text already marked keeps marks from nesting, so
  // "reinforcement learning from human feedback" is not marked again as "human feedback".
  // A filter costs a call per match; `exclude` would cost a selector match per text node per
  // keyword (twice the time on news pages).
  filter: (node: Text) => !(node.parentNode as Element | null)?.hasAttribute?.('data-markjs'),
};

/**
 * mark.js's keyword API takes many seconds on long pages. It is stopped after this long and its
 * time reported as "at least": a lower bound, which can only understate how much slower it is.
 */
const MARK_CAP_MS = 2000;

class Stopped extends Error {}

const packs = new Map<string, GlossaryPack>();
let styled = false;
const nextTask = () => new Promise<void>((ok) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => ok();
  channel.port2.postMessage(null);
});

/** Every approach starts from the same quiet page: styles and layout done, garbage collected, a frame drawn. */
async function settle(): Promise<void> {
  if (!styled) {
    // The content script's stylesheet, as the manifest would add it, for every approach alike.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(contentCss());
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    styled = true;
  }
  document.documentElement.getBoundingClientRect();
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((ok) => requestAnimationFrame(ok));
  await nextTask();
}

function floor(): { ms: number; textChars: number } {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let textChars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) textChars += (node as Text).data.length;
  return { ms: performance.now() - t0, textChars };
}

/**
 * The floor's walk, also reading every character of every text node in script (its code,
 * nothing else). Not a way to find terms: a reference for what a matcher that looks at every
 * character pays on top of the floor, before it does anything with what it reads.
 */
function chars(): { ms: number; textChars: number } {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  let textChars = 0;
  let sum = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    for (let i = 0; i < data.length; i++) sum += data.charCodeAt(i);
    textChars += data.length;
  }
  const ms = performance.now() - t0;
  // Used, so that no part of the loop can be left out.
  if (sum < 0) throw new Error('unreachable');
  return { ms, textChars };
}

async function termlight(pack: GlossaryPack, req: RunRequest): Promise<RunResult> {
  // Once per glossary change, as the background does: forms collected, trie built. From a
  // quiet page like every timed step, so that collecting the page load's garbage is not counted.
  await settle();
  const c0 = performance.now();
  const image = compileImage([pack]);
  const prepMs = performance.now() - c0;
  // What storage hands each page; the page turns it into the matcher (the transition table).
  const stored: unknown = JSON.parse(JSON.stringify(image));
  await settle();
  const longTasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  // As in the content script: the page has the stored glossary in hand; it loads the matcher
  // (its lists copied; its table's rows built and checked in the engine's slices as the text
  // reaches them) and starts the engine in
  // the same task.
  const t0 = performance.now();
  const matcher = loadMatcher(stored, [pack]);
  const loadMs = performance.now() - t0;
  const stop = new AbortController();
  const engine = createTermEngine(document, matcher, OPTIONS, stop.signal, { taskStart: t0 });
  await engine.ready;
  const ms = performance.now() - t0;
  await new Promise((ok) => requestAnimationFrame(ok));
  observer.disconnect();
  const stats = engine.stats();
  // Compiled again (once per page), now that its code is warm: the first figure is what a
  // fresh page pays.
  let warmPrepMs: number | undefined;
  if (req.collect) {
    const c1 = performance.now();
    compileImage([pack]);
    warmPrepMs = performance.now() - c1;
  }
  const spans = req.collect ? engineSpans(document, engine.occurrences()) : undefined;
  const hits = req.hitSamples ? await timeHitTests(engine, req.hitSamples, 3) : undefined;
  // A real page loads the glossary and runs the engine once, cold, as timed above. Doing both
  // again shows how much of that is the JIT warming up rather than work.
  stop.abort();
  scrollTo(0, 0);
  await settle();
  const w0 = performance.now();
  const again = loadMatcher(stored, [pack]);
  await createTermEngine(document, again, OPTIONS, new AbortController().signal, { taskStart: w0 }).ready;
  const warmMs = performance.now() - w0;
  return {
    ok: true, ms, prepMs, loadMs, warmPrepMs, warmMs,
    textChars: stats.textChars, marked: stats.painted, found: stats.matches,
    longestSliceMs: stats.longestSliceMs, busyMs: stats.totalMs, slices: stats.slices,
    longTasksMs: longTasks.filter((e) => e.startTime >= t0 && e.startTime <= t0 + ms).map((e) => e.duration),
    spans,
    hits,
  };
}

async function markJs(pack: GlossaryPack, req: RunRequest): Promise<RunResult> {
  // The expression is written out once per glossary, like Termlight's compile. Each page makes
  // it a RegExp, which V8 parses and then compiles on first use: that is timed, as Termlight's
  // load is.
  const pattern = req.approach === 'regexp' ? oneRegExp([pack]) : null;
  const sets = pattern ? null : keywordSets([pack]);
  await settle();
  let marked = 0;
  const done = (n: number) => { marked += n; };
  const t0 = performance.now();
  // Checked between keywords and at each match: mark.js offers no other way to stop.
  const check = () => {
    if (performance.now() - t0 > (req.capMs ?? MARK_CAP_MS)) throw new Stopped();
  };
  const keywordOptions = {
    ...MARK_OPTIONS,
    done,
    noMatch: check,
    filter: (node: Text) => (check(), MARK_OPTIONS.filter(node)),
  };
  const mark = new Mark(document.body);
  let capped = false;
  try {
    if (pattern) mark.markRegExp(new RegExp(pattern.source, pattern.flags), { done });
    if (sets?.anyCase.length) mark.mark(sets.anyCase, { ...keywordOptions, caseSensitive: false });
    if (sets?.exactCase.length) mark.mark(sets.exactCase, { ...keywordOptions, caseSensitive: true });
  } catch (err) {
    if (!(err instanceof Stopped)) throw err;
    capped = true;
  }
  const ms = performance.now() - t0;
  if (capped) return { ok: true, ms, capped, textChars: 0, marked: document.querySelectorAll('mark[data-markjs]').length };
  const spans = req.collect ? markSpans(document, compileMatcher([pack])) : undefined;
  return { ok: true, ms, textChars: 0, marked, spans };
}

async function run(req: RunRequest): Promise<RunResult> {
  const pack = packs.get(req.glossary);
  try {
    if (req.approach === 'floor' || req.approach === 'chars') {
      await settle();
      return { ok: true, ...(req.approach === 'floor' ? floor() : chars()), marked: 0 };
    }
    if (!pack) throw new Error(`no glossary "${req.glossary}" given to the page`);
    if (req.approach === 'compile') {
      // What the background does once per glossary change, alone in a fresh context.
      await settle();
      const t0 = performance.now();
      compileImage([pack]);
      return { ok: true, ms: performance.now() - t0, textChars: 0, marked: 0 };
    }
    return req.approach === 'termlight' ? await termlight(pack, req) : await markJs(pack, req);
  } catch (err) {
    let error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    // mark.js puts its whole expression in the message; the start and the end say enough.
    if (error.length > 160) error = `${error.slice(0, 100)} … ${error.slice(-40)}`;
    return { ok: false, error, ms: NaN, textChars: 0, marked: 0 };
  }
}

Object.assign(globalThis, {
  termlightBench: {
    addPack: (name: string, pack: GlossaryPack) => void packs.set(name, pack),
    run,
  },
});
