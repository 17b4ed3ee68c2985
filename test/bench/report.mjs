// Turns the raw runs into per-page figures, the summary and the targets, and prints them.
import { REASONS } from './agreement.mjs';

/** `performance.now()` ticks in 5 µs in an isolated page: a shorter floor reads as one tick. */
const TICK_MS = 0.005;

export function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function p95(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  return v.length ? v[Math.ceil(v.length * 0.95) - 1] : null;
}

/**
 * A page's time as a fixed part plus a part per character: the Theil-Sen line through
 * (text characters, ms) over the pages (the median of the slopes between every two pages, so a
 * few odd pages do not tilt it). Tells a cost every page pays, whatever its size, from one that
 * grows with the text, which a ratio per page mixes.
 */
export function sizeLine(points) {
  const pts = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const slopes = [];
  for (let i = 0; i < pts.length; i++) {
    for (let j = i + 1; j < pts.length; j++) {
      const dx = pts[j][0] - pts[i][0];
      if (dx !== 0) slopes.push((pts[j][1] - pts[i][1]) / dx);
    }
  }
  const slope = median(slopes);
  if (slope == null) return null;
  return { fixedMs: round(median(pts.map(([x, y]) => y - slope * x)), 2), msPerMillionChars: round(slope * 1e6, 1) };
}

const METHOD = [
  'Headless Chromium; each corpus page served from 127.0.0.1 with a CSP that blocks all page scripts and every ' +
    'resource not from that server (so the DOM is the saved page and nothing else runs), and with COOP/COEP so ' +
    'that performance.now() ticks in 5 µs. Every other request is aborted.',
  'The modules under test are bundled into one script, given to every new document as a classic script, as the ' +
    'browser runs a content script: Chromium compiles it in the first page of a renderer process and finds it in ' +
    'V8\'s compilation cache in later ones, as it does the extension\'s content script. Termlight on the first page ' +
    'of a new process, where the code it runs on the clock has not been compiled yet, is timed on its own (every few ' +
    'pages, in a new browser context) and reported, not a target.',
  'One approach per fresh page load; before timing, styles and layout are done, garbage is collected and a frame ' +
    'is drawn. The order of approaches rotates from one round to the next.',
  'floor: a TreeWalker (SHOW_TEXT) over the body reading every text node\'s data, timed first in the mark.js loads.',
  'Reading every character: the floor\'s walk, also reading each character of each text node with charCodeAt ' +
    'and nothing else, first in a load of its own (one load per page). Not a target: a reference for what ' +
    'reading the text in script costs, beside the floor; a matcher that looks at every character pays it before ' +
    'matching (one that skips ahead, as Boyer-Moore does, could skip at most one character less than the shortest ' +
    'form, here one in two).',
  'Termlight: from the stored compiled glossary in hand to `ready`: loadMatcher, then createTermEngine(document, ' +
    'matcher, default settings), in one task as in the content script; the table\'s rows are built (and the image ' +
    'checked) in the engine\'s slices as the text reaches them. ' +
    'Longest task = the engine\'s longest slice of the first pass, the first counted from the start of the load.',
  'Compile (once per glossary change): compileImage in each freshly loaded corpus page before the run (the target\'s ' +
    'figure; its code compiled by earlier pages, its JIT state fresh), and for comparison in an empty page of a ' +
    'browser context of its own, so a new renderer process where nothing has been compiled or run, as a background ' +
    'started from nothing (between corpus pages through the run).',
  'mark.js 8.11.1 keyword API: every form the matcher compiles (plurals included), split by case rule into two ' +
    'mark() calls, accuracy "exactly" with punctuation limiters, no diacritics, no nesting; stopped after 2 s.',
  'markRegExp: one regex of all forms, longest first, Unicode word edges, the matcher\'s separator folding and case ' +
    'rules; its text is written beforehand, the RegExp made and compiled in the timed region.',
  'Hit test: engine.hitTest over up to 20 painted terms per page, visited twice in page order. The figure (the ' +
    'second visit) asks as the card does while the pointer moves: from a frame\'s callback, right after the ' +
    'browser\'s own hit test for the pointer\'s event at the same point (elementFromPoint, untimed), at two points ' +
    'across the first box of each term (35 and 65 % of its width), each call in a frame of its own (two animation ' +
    'frames apart). Each such call is Termlight\'s first query of its frame about the page\'s geometry, and pays ' +
    'for it. Beside it: the first visit, one call per term at its centre, timed back to back after an untimed caret ' +
    'lookup at the term\'s left edge, as earlier runs timed every call; the browser\'s caret lookup alone, in a ' +
    'frame of its own, right after the same untimed elementFromPoint, once per term; and each call of the figure ' +
    'asked again at once, the browser answering from what it kept: Termlight\'s own part.',
  'Warm: after the timed run, the engine is stopped, and the glossary loaded and the engine run again in the same ' +
    'page; reported, not a target.',
];

const ratio = (a, b) => (a == null || b == null ? null : a / Math.max(b, TICK_MS));
const round = (x, digits = 3) => (x == null ? null : Number(x.toFixed(digits)));

function lane(runs) {
  if (!runs?.length) return null;
  const ok = runs.filter((r) => r.ok);
  const first = runs[0];
  if (!ok.length) return { error: first.error ?? 'failed' };
  const out = { ms: round(median(ok.map((r) => r.ms))), runsMs: ok.map((r) => round(r.ms)), marked: ok[0].marked };
  if (ok.some((r) => r.capped)) out.capped = true;
  if (first.found !== undefined) {
    Object.assign(out, {
      found: first.found,
      textChars: first.textChars,
      compileMs: round(median(ok.map((r) => r.prepMs))),
      busyMs: round(median(ok.map((r) => r.busyMs))),
      warmMs: round(median(ok.map((r) => r.warmMs))),
      slices: first.slices,
      longestSliceMs: round(median(ok.map((r) => r.longestSliceMs))),
      worstSliceMs: round(Math.max(...ok.map((r) => r.longestSliceMs))),
      longTasksMs: ok.flatMap((r) => r.longTasksMs ?? []),
    });
  }
  return out;
}

function pageFigures({ page, runs }) {
  const floor = lane(runs.floor);
  const chars = lane(runs.chars);
  const fig = (glossary) => {
    const termlight = lane(runs[`termlight:${glossary}`]);
    const regexp = lane(runs[`regexp:${glossary}`]);
    const mark = lane(runs[`mark:${glossary}`]);
    return {
      termlight, regexp, mark,
      ratios: {
        termlightToFloor: round(ratio(termlight?.ms, floor?.ms), 2),
        termlightBusyToFloor: round(ratio(termlight?.busyMs, floor?.ms), 2),
        termlightWarmToFloor: round(ratio(termlight?.warmMs, floor?.ms), 2),
        termlightToChars: round(ratio(termlight?.ms, chars?.ms), 2),
        markToTermlight: round(ratio(mark?.ms, termlight?.ms), 1),
        regexpToTermlight: round(ratio(regexp?.ms, termlight?.ms), 2),
      },
    };
  };
  return {
    page, textChars: runs.floor?.[0]?.textChars ?? null, floor, chars,
    charsToFloor: round(ratio(chars?.ms, floor?.ms), 2),
    bundled: fig('bundled'), large: fig('large'),
  };
}

function spread(pages, glossary, key) {
  const values = pages.map((p) => p[glossary].ratios[key]).filter((v) => v != null);
  return values.length ? { median: round(median(values), 2), p95: round(p95(values), 2), pages: values.length } : null;
}

function glossarySummary(results, pages, glossary) {
  const key = `termlight:${glossary}`;
  const runs = results.flatMap((r) => r.runs[key] ?? []).filter((r) => r.ok);
  const hits = runs.flatMap((r) => (r.hits ? [r.hits] : []));
  const us = hits.flatMap((h) => h.us);
  let worst = { ms: 0, page: null };
  for (const p of pages) if ((p[glossary].termlight?.longestSliceMs ?? 0) > worst.ms) worst = { ms: p[glossary].termlight.longestSliceMs, page: p.page };
  return {
    termlightToFloor: spread(pages, glossary, 'termlightToFloor'),
    /** Termlight's time per page as a fixed part plus a part per character (see `sizeLine`). */
    termlightBySize: sizeLine(pages.map((p) => [p.textChars, p[glossary].termlight?.ms])),
    /** The same with the engine's working time only, without its yields to the page between slices. */
    termlightBusyToFloor: spread(pages, glossary, 'termlightBusyToFloor'),
    /** A second run in the same page, code warm: how much of the first is the JIT warming up. */
    termlightWarmToFloor: spread(pages, glossary, 'termlightWarmToFloor'),
    /** Beside the walk that reads every character and does nothing more: see METHOD. */
    termlightToChars: spread(pages, glossary, 'termlightToChars'),
    markToTermlight: spread(pages, glossary, 'markToTermlight'),
    markStoppedAtCap: pages.filter((p) => p[glossary].mark?.capped).map((p) => p.page),
    regexpToTermlight: spread(pages, glossary, 'regexpToTermlight'),
    compileMs: { median: round(median(runs.map((r) => r.prepMs))), warmMedian: round(median(runs.map((r) => r.warmPrepMs))) },
    loadMs: { median: round(median(runs.map((r) => r.loadMs))), p95: round(p95(runs.map((r) => r.loadMs))) },
    longestTaskMs: { max: round(worst.ms), page: worst.page, median: round(median(pages.map((p) => p[glossary].termlight?.longestSliceMs))) },
    longTasksOver50Ms: runs.reduce((n, r) => n + (r.longTasksMs?.length ?? 0), 0),
    hitTestUs: {
      p95: round(p95(us), 1),
      median: round(median(us), 1),
      firstP95: round(p95(hits.flatMap((h) => h.firstUs ?? [])), 1),
      caretLookupP95: round(p95(hits.flatMap((h) => h.caretUs)), 1),
      ownPartP95: round(p95(hits.flatMap((h) => h.ownUs ?? [])), 1),
      samples: us.length,
      foundTheTermAimedAt: hits.reduce((n, h) => n + h.hits, 0),
    },
  };
}

function targets(summary) {
  const b = summary.bundled;
  const l = summary.large;
  const check = (name, value, op, limit, aim) => ({
    name, value, target: `${op} ${limit}${aim ? ` (aim ${aim})` : ''}`,
    pass: value == null ? false : op === '≤' ? value <= limit : value >= limit,
  });
  return [
    check('Termlight / floor, bundled glossary, median', b.termlightToFloor?.median, '≤', 2, 1.5),
    check('mark.js keyword API / Termlight, bundled glossary, median', b.markToTermlight?.median, '≥', 25),
    check('markRegExp / Termlight, bundled glossary, median', b.regexpToTermlight?.median, '≥', 2),
    check('Termlight / floor, 5,000 terms, median', l.termlightToFloor?.median, '≤', 3, 2.5),
    check('compile ms, 5,000 terms, once per glossary change, in a fresh page (median)', l.compileMs.median, '≤', 15),
    check('longest Termlight task ms, worst page, bundled glossary', b.longestTaskMs.max, '≤', 10),
    check('longest Termlight task ms, worst page, 5,000 terms', l.longestTaskMs.max, '≤', 10),
    check('hit test µs, p95, bundled glossary', b.hitTestUs.p95, '≤', 50),
    check('hit test µs, p95, 5,000 terms', l.hitTestUs.p95, '≤', 50),
  ];
}

/** Termlight on the first page of a new renderer process, beside the same pages' figures in the run. */
function firstPageSummary(samples, pages) {
  const ok = samples.filter((r) => r.ok);
  const pairs = ok.flatMap((r) => {
    const run = pages.find((p) => p.page === r.page)?.bundled.termlight?.ms;
    return run == null ? [] : [r.ms / run];
  });
  const failed = samples.find((r) => !r.ok);
  return {
    medianMs: round(median(ok.map((r) => r.ms))),
    toRunMedian: round(median(pairs), 2),
    longestTaskMs: ok.length ? round(Math.max(...ok.map((r) => r.longestSliceMs ?? 0))) : null,
    pages: ok.length,
    of: samples.length,
    ...(failed ? { error: failed.error } : {}),
  };
}

export function summarise(results, { markLarge, agreement, env, largeTerms, freshCompile, firstPage }) {
  const pages = results.map(pageFigures);
  const floors = pages.filter((p) => p.floor?.ms != null && p.textChars);
  const summary = {
    floor: {
      medianMs: round(median(floors.map((p) => p.floor.ms))),
      msPerMillionChars: round((floors.reduce((n, p) => n + p.floor.ms, 0) / floors.reduce((n, p) => n + p.textChars, 0)) * 1e6, 1),
      bySize: sizeLine(floors.map((p) => [p.textChars, p.floor.ms])),
    },
    /** The floor reading every character in script as well (no matching): see METHOD. */
    readingEveryChar: (() => {
      const values = pages.map((p) => p.charsToFloor).filter((v) => v != null);
      return values.length ? {
        toFloor: { median: round(median(values), 2), p95: round(p95(values), 2), pages: values.length },
        bySize: sizeLine(pages.map((p) => [p.textChars, p.chars?.ms])),
      } : null;
    })(),
    bundled: glossarySummary(results, pages, 'bundled'),
    large: glossarySummary(results, pages, 'large'),
  };
  for (const glossary of ['bundled', 'large']) {
    const runs = freshCompile?.[glossary] ?? [];
    const ms = runs.filter((r) => r.ok).map((r) => r.ms);
    const failed = runs.find((r) => !r.ok);
    summary[glossary].compileMs.fresh = {
      median: round(median(ms)), p95: round(p95(ms)), loads: ms.length, of: runs.length,
      ...(failed ? { error: failed.error } : {}),
    };
  }
  summary.bundled.firstPage = firstPageSummary(firstPage ?? [], pages);
  summary.large.markToTermlight = markLarge.ok
    ? { note: `ran once, on ${markLarge.page}: ${markLarge.capped ? 'stopped after ' : ''}${round(markLarge.ms)} ms` }
    : { note: `n/a: mark.js failed on ${markLarge.page}: ${markLarge.error}` };
  return {
    about: 'Times in ms, medians over fresh page loads. Ratios per page from those medians; summary over pages.',
    method: METHOD,
    env: { ...env, largeGlossaryTerms: largeTerms },
    summary,
    targets: targets(summary),
    agreement,
    pages,
  };
}

const fmt = (x, digits = 1) => (x == null ? 'n/a' : Number(x).toFixed(digits));
const times = (x, digits = 1) => (x == null ? 'n/a' : `${Number(x).toFixed(digits)}×`);

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function markCell(l) {
  return l?.error ? 'error' : `${l?.capped ? '≥' : ''}${fmt(l?.ms)}`;
}

export function printReport(report) {
  const { pages, summary, env } = report;
  console.log(`\nTermlight bench: ${pages.length} pages, Chromium ${env.chromium}, ${env.reps} load(s) per Termlight figure; ` +
    `${env.seconds} s (${env.pageLoads} page loads: ${env.secondsLoading} s loading, ${env.secondsMeasuring} s measuring, ` +
    `${env.secondsInNewProcesses ?? 0} s for both in new processes); ` +
    `load average ${fmt(env.loadAverageAtStart, 2)} → ${fmt(env.loadAverageAtEnd, 2)}`);
  if (Math.max(env.loadAverageAtStart, env.loadAverageAtEnd) > env.cores * 0.75) {
    console.log('  Other work was running on this machine: absolute times and the longest tasks read high; ratios less so.');
  }
  console.log('\nBundled glossary (marks: Termlight / mark.js / markRegExp)');
  table(['page', 'text chars', 'marks', 'floor ms', 'Termlight ms', 'mark.js ms', 'regex ms', 'TL/floor', 'mark.js/TL', 'regex/TL', 'slice ms'],
    pages.map((p) => [p.page, p.textChars ?? 'n/a',
      `${p.bundled.termlight?.marked ?? '-'}/${p.bundled.mark?.marked ?? '-'}/${p.bundled.regexp?.marked ?? '-'}`,
      fmt(p.floor?.ms, 2), fmt(p.bundled.termlight?.ms, 2), markCell(p.bundled.mark), fmt(p.bundled.regexp?.ms),
      times(p.bundled.ratios.termlightToFloor), times(p.bundled.ratios.markToTermlight, 0), times(p.bundled.ratios.regexpToTermlight),
      fmt(p.bundled.termlight?.longestSliceMs)]));
  console.log(`\n${env.largeGlossaryTerms.toLocaleString('en')} terms (marks: Termlight / markRegExp; mark.js keyword API: ${summary.large.markToTermlight.note})`);
  table(['page', 'marks', 'Termlight ms', 'regex ms', 'TL/floor', 'regex/TL', 'slice ms'],
    pages.map((p) => [p.page, `${p.large.termlight?.marked ?? '-'}/${p.large.regexp?.marked ?? '-'}`,
      fmt(p.large.termlight?.ms, 2), fmt(p.large.regexp?.ms), times(p.large.ratios.termlightToFloor),
      times(p.large.ratios.regexpToTermlight), fmt(p.large.termlight?.longestSliceMs)]));

  console.log('\nSummary (median / p95 over pages)');
  console.log(`  floor: ${fmt(summary.floor.medianMs, 2)} ms per page (median), ${fmt(summary.floor.msPerMillionChars)} ms per million characters`);
  const bySize = (line) => (line ? `${fmt(line.fixedMs, 2)} ms + ${fmt(line.msPerMillionChars)} ms per million characters` : 'n/a');
  const reading = summary.readingEveryChar;
  if (reading) {
    console.log(`  reading every character in script as well (charCodeAt, nothing done with it; not a way to find terms): ` +
      `${times(reading.toFloor.median, 2)} / ${times(reading.toFloor.p95, 2)} the floor, ${bySize(reading.bySize)}: ` +
      `what a matcher that looks at every character pays before matching (a reference, one load per page)`);
  }
  console.log(`  a page's time as a fixed part + a part per character (Theil-Sen line over the pages): floor ${bySize(summary.floor.bySize)}; ` +
    `Termlight ${bySize(summary.bundled.termlightBySize)} (bundled glossary), ${bySize(summary.large.termlightBySize)} (5,000 terms)`);
  for (const [label, s] of [['bundled glossary', summary.bundled], ['5,000 terms', summary.large]]) {
    console.log(`  ${label}: Termlight/floor ${times(s.termlightToFloor?.median, 2)} / ${times(s.termlightToFloor?.p95, 2)}` +
      (s.markToTermlight?.median != null ? `, mark.js/Termlight ${times(s.markToTermlight.median, 0)} / ${times(s.markToTermlight.p95, 0)}` : '') +
      `, markRegExp/Termlight ${times(s.regexpToTermlight?.median, 2)} / ${times(s.regexpToTermlight?.p95, 2)}` +
      `; Termlight working time (no yields)/floor ${times(s.termlightBusyToFloor?.median, 2)} / ${times(s.termlightBusyToFloor?.p95, 2)}` +
      `; run again in the same page (code warm)/floor ${times(s.termlightWarmToFloor?.median, 2)} / ${times(s.termlightWarmToFloor?.p95, 2)}` +
      `; Termlight/reading every character ${times(s.termlightToChars?.median, 2)} / ${times(s.termlightToChars?.p95, 2)}`);
    const fresh = s.compileMs.fresh ?? {};
    console.log(`    compile (once per glossary change) ${fmt(s.compileMs.median, 2)} ms in a fresh page, ${fmt(s.compileMs.warmMedian, 2)} ms again (warm); ` +
      `in an empty page of a new renderer process, as a background started from nothing, ${fmt(fresh.median, 2)} ms ` +
      `(median of ${fresh.loads ?? 0}${fresh.of > fresh.loads ? ` of ${fresh.of}; failed: ${fresh.error}` : ''}, p95 ${fmt(fresh.p95, 2)}); ` +
      `each page: taking up the stored glossary before the engine starts, part of Termlight's time above, ${fmt(s.loadMs.median, 2)} ms, p95 ${fmt(s.loadMs.p95, 2)} ms (its shape only: the rest of its check and its table are done in the engine's slices); longest task ${fmt(s.longestTaskMs.max, 2)} ms ` +
      `(${s.longestTaskMs.page}), median page ${fmt(s.longestTaskMs.median, 2)} ms; tasks ≥ 50 ms: ${s.longTasksOver50Ms}; ` +
      `hit test p95 ${fmt(s.hitTestUs.p95)} µs, median ${fmt(s.hitTestUs.median)} µs over ${s.hitTestUs.samples} ` +
      `(one a frame, as the card asks; ${s.hitTestUs.foundTheTermAimedAt} found the term aimed at) ` +
      `(back to back in one task, as earlier runs timed it: p95 ${fmt(s.hitTestUs.firstP95)} µs; ` +
      `the browser's caret lookup alone, in a frame of its own after the event's hit test: p95 ${fmt(s.hitTestUs.caretLookupP95)} µs; ` +
      `the same call again at once, the browser answering from what it kept, so Termlight's own part: p95 ${fmt(s.hitTestUs.ownPartP95)} µs)`);
  }
  const first = summary.bundled.firstPage;
  console.log(`  bundled glossary on the first page of a new renderer process (the code timed not compiled yet; not a target): ` +
    `Termlight ${fmt(first.medianMs, 2)} ms (median of ${first.pages}${first.of > first.pages ? ` of ${first.of}; failed: ${first.error}` : ''}), ` +
    `${times(first.toRunMedian, 2)} the same pages' time in the run; longest task ${fmt(first.longestTaskMs, 2)} ms`);
  if (summary.bundled.markStoppedAtCap.length) {
    console.log(`  mark.js keyword API stopped at its cap (time and ratio are lower bounds) on ${summary.bundled.markStoppedAtCap.length} pages: ` +
      summary.bundled.markStoppedAtCap.join(', '));
  }
  console.log(`  mark.js keyword API with ${env.largeGlossaryTerms.toLocaleString('en')} terms: ${summary.large.markToTermlight.note}`);

  console.log('\nTargets');
  for (const t of report.targets) console.log(`  ${t.pass ? 'PASS' : 'MISS'}  ${t.name}: ${fmt(t.value, 2)} (target ${t.target})`);
  if (reading) {
    console.log(`  (for the floor ratios: the floor's walk reading every character in script, and nothing more, is ` +
      `${times(reading.toFloor.median, 2)} the floor, median over pages)`);
  }

  console.log('\nWhere the counts differ (Termlight-only / other-only marks; the rest agree)');
  for (const [pair, a] of Object.entries(report.agreement)) {
    if (pair === 'reasons') continue;
    console.log(`  ${pair} (${a.pages} pages): Termlight ${a.termlight}, other ${a.other}, same ${a.same}`);
    for (const [reason, n] of Object.entries(a.reasons)) {
      const ex = a.examples[reason]?.[0];
      console.log(`    ${reason}: ${n.termlightOnly} / ${n.otherOnly}${ex ? `  e.g. "${ex.text}" in …${ex.context}… (${ex.page})` : ''}`);
    }
  }
  console.log('\nWhy they differ:');
  for (const [reason, text] of Object.entries(REASONS)) console.log(`  ${reason}: ${text}`);
}
