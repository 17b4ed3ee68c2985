// `npm run bench`: times Termlight's term engine on every corpus page in headless Chromium,
// side by side with a bare TreeWalker (the floor) and mark.js, for the bundled glossary and a
// generated 5,000-term one. Prints tables and targets; writes test-results/bench.json.
//   node test/bench/run.mjs [--quick] [--reps N] [--only TEXT] [--out FILE]
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareSpans } from './agreement.mjs';
import { bundleHarness, CHROMIUM, launchBrowser, serveCorpus } from './browser.mjs';
import { largeGlossary } from './large-glossary.mjs';
import { printReport, summarise } from './report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = resolve(process.env.TERMLIGHT_CORPUS ?? join(root, '../shared/corpus'));

function options(argv) {
  const opts = { quick: false, reps: 3, only: null, out: join(root, 'test-results/bench.json') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') opts.quick = true;
    else if (arg === '--reps') opts.reps = Math.max(1, Number(argv[++i]) || 1);
    else if (arg === '--only') opts.only = argv[++i];
    else if (arg === '--out') opts.out = resolve(argv[++i]);
    else throw new Error(`unknown option ${arg}`);
  }
  if (opts.quick) opts.reps = 1;
  return opts;
}

async function listPages() {
  const pages = [];
  for (const folder of ['ai', 'readability']) {
    const dir = join(corpus, folder);
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.html')).sort()) {
      pages.push({ name: `${folder}/${file.slice(0, -5)}`, path: join(dir, file), url: `/${folder}/${file}` });
    }
  }
  return pages;
}

/*
 * One measurement per fresh page load: a page load costs far more than any approach, so the
 * number of loads sets the run time. The floor is taken first thing in each mark.js load: it
 * reads every text node (so mark.js then finds their wrappers made), which saves mark.js a
 * little and can only flatter it. Termlight always has a fresh load to itself. mark.js is timed
 * fewer times: its keyword API is tens of times slower than Termlight, so load-to-load noise
 * cannot move that ratio across its target, and the one-regex ratio is judged by its median
 * over all pages, which one load per page already steadies.
 */
function jobsFor(reps) {
  const few = Math.max(1, Math.floor(reps / 2));
  const lanes = [
    { key: 'termlight:bundled', approach: 'termlight', glossary: 'bundled', times: reps },
    { key: 'termlight:large', approach: 'termlight', glossary: 'large', times: reps },
    { key: 'regexp:bundled', approach: 'regexp', glossary: 'bundled', times: few, floor: true },
    { key: 'regexp:large', approach: 'regexp', glossary: 'large', times: few, floor: true },
    { key: 'mark:bundled', approach: 'mark', glossary: 'bundled', times: 1, floor: true },
    // The floor reading every character as well: first thing in a load of its own, as the floor is.
    { key: 'chars', approach: 'chars', glossary: '', times: 1 },
  ];
  const rounds = [];
  for (let rep = 0; rep < reps; rep++) {
    const round = lanes.filter((lane) => rep < lane.times).map((lane) => ({ ...lane, rep }));
    // A different order each round, so that no approach always follows the same one.
    rounds.push(...round.slice(rep % round.length), ...round.slice(0, rep % round.length));
  }
  return rounds;
}

async function measurePage(browser, packs, page, origin, reps) {
  const runs = {};
  for (const job of jobsFor(reps)) {
    await browser.load(origin + page.url, packs.filter(([name]) => name === job.glossary));
    if (job.floor) (runs.floor ??= []).push(await browser.run({ approach: 'floor', glossary: '', collect: false, hitSamples: 0 }));
    const first = job.rep === 0;
    const result = await browser.run({
      approach: job.approach,
      glossary: job.glossary,
      collect: first,
      hitSamples: first && job.approach === 'termlight' ? 20 : 0,
    });
    (runs[job.key] ??= []).push(result);
  }
  return runs;
}

/**
 * The compile, where the background runs it: once per glossary change, in a process of its own
 * with no page. Timed in an empty page of a fresh browser context (so a renderer process no corpus
 * page has used), once per glossary, between corpus pages through the whole run, so that no one
 * stretch of the run decides the figure.
 */
async function measureCompile(browser, packs, into) {
  for (const [name] of packs) {
    const request = { approach: 'compile', glossary: name, collect: false, hitSamples: 0 };
    (into[name] ??= []).push(await browser.runAlone(packs.filter(([n]) => n === name), request));
  }
}

/**
 * Termlight with the bundled glossary on the first page a new renderer process loads, where none
 * of its code has been compiled yet (later pages find it compiled: see `launchBrowser`). For
 * information: the pages' figures and the targets are those of the run.
 */
async function measureFirstPage(browser, packs, page, origin, into) {
  const request = { approach: 'termlight', glossary: 'bundled', collect: false, hitSamples: 0 };
  into.push({ page: page.name, ...(await browser.runFirstPage(origin + page.url, packs.filter(([n]) => n === 'bundled'), request)) });
}

/** mark.js's keyword API with 5,000 terms: tried once, on the first page, to show what happens. */
async function tryMarkLarge(browser, packs, page, origin) {
  await browser.load(origin + page.url, packs.filter(([name]) => name === 'large'));
  const result = await browser.run({ approach: 'mark', glossary: 'large', collect: false, hitSamples: 0, capMs: 20_000 });
  return { page: page.name, ...result };
}

async function main() {
  const opts = options(process.argv.slice(2));
  if (!existsSync(join(corpus, 'ai'))) throw new Error(`no page corpus at ${corpus} (set TERMLIGHT_CORPUS)`);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (set TERMLIGHT_CHROMIUM)`);
  const started = Date.now();
  const load = loadavg()[0];
  const all = await listPages();
  let pages = opts.only ? all.filter((p) => p.name.includes(opts.only)) : all;
  if (opts.quick) pages = pages.filter((p, i) => i % 24 === 0).slice(0, 4);
  const large = await largeGlossary(all.map((p) => p.path));
  const packs = [
    ['bundled', await readFile(join(root, 'glossary/foundation-models.json'), 'utf8')],
    ['large', JSON.stringify(large)],
  ];
  const harness = await bundleHarness(join(root, 'test/bench/page-harness.ts'));
  const server = await serveCorpus(corpus);
  const browser = await launchBrowser(server.origin, harness);
  const results = [];
  try {
    const markLarge = await tryMarkLarge(browser, packs, pages[0], server.origin);
    // About 15 compiles per glossary, spread over the run (one after every page in a short run).
    const freshCompile = {};
    const firstPage = [];
    const compileEvery = Math.max(1, Math.floor(pages.length / 15));
    for (const [i, page] of pages.entries()) {
      if (process.stderr.isTTY) process.stderr.write(`\r${i + 1}/${pages.length} ${page.name}`.padEnd(60));
      results.push({ page: page.name, runs: await measurePage(browser, packs, page, server.origin, opts.reps) });
      if (i % compileEvery === 0) {
        await measureCompile(browser, packs, freshCompile);
        await measureFirstPage(browser, packs, page, server.origin, firstPage);
      }
    }
    if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(61) + '\r');
    const agreement = await compareSpans(results, JSON.parse(packs[0][1]));
    const env = {
      chromium: await browser.version(),
      node: process.version,
      reps: opts.reps,
      quick: opts.quick,
      cores: cpus().length,
      loadAverageAtStart: load,
      loadAverageAtEnd: loadavg()[0],
      seconds: Math.round((Date.now() - started) / 1000),
      pageLoads: browser.spent.loads,
      secondsLoading: Math.round(browser.spent.loadMs / 1000),
      secondsMeasuring: Math.round(browser.spent.runMs / 1000),
      secondsInNewProcesses: Math.round(browser.spent.aloneMs / 1000),
    };
    const report = summarise(results, { markLarge, agreement, env, largeTerms: large.entries.length, freshCompile, firstPage });
    printReport(report);
    await mkdir(dirname(opts.out), { recursive: true });
    await writeFile(opts.out, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nWritten: ${opts.out}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
