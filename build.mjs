// Builds Termlight for Chromium and Firefox.
//   node build.mjs            one build into dist/chrome and dist/firefox
//   node build.mjs --watch    rebuild on every change
//   node build.mjs --zip      build, then write store-ready zips into dist/
// Output stays unminified with linked source maps so that a store reviewer can read it.
import * as esbuild from 'esbuild';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const targets = ['chrome', 'firefox'];
const args = new Set(process.argv.slice(2));

/** Bundles a TypeScript module of ours for Node and imports it, so the build reuses src/core. */
async function importTs(entry) {
  const out = join(dist, '.build-tools', entry.replace(/[\\/]/g, '_') + '.mjs');
  await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    // Prefer ES module builds: UMD builds (jsonc-parser's) use a dynamic require esbuild can't bundle.
    mainFields: ['module', 'main'],
    outfile: out,
    logLevel: 'silent',
  });
  return import(`${pathToFileURL(out).href}?t=${Date.now()}`);
}

/** A broken pack stops the build with the file, entry and field named. */
async function checkGlossaries() {
  const { validatePack, formatPackError } = await importTs('src/core/glossary/validate.ts');
  const dir = join(root, 'glossary');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json') && f !== 'schema.json');
  const problems = [];
  for (const file of files) {
    const result = validatePack(await readFile(join(dir, file), 'utf8'), file);
    if (!result.ok) problems.push(...result.errors.map((e) => formatPackError(e, `glossary/${file}`)));
    else for (const w of result.warnings) console.warn(`warning: glossary/${file}: ${w}`);
  }
  if (problems.length) {
    throw new Error(`glossary check failed:\n  ${problems.join('\n  ')}`);
  }
}

const entries = {
  background: 'src/background/index.ts',
  content: 'src/content/index.ts',
  popup: 'src/popup/index.tsx',
  options: 'src/options/index.tsx',
  glossary: 'src/glossary-page/index.tsx',
};
const pages = ['popup', 'options', 'glossary'];

/** Every extension page is the same shell around its own bundle and stylesheet. */
function pageShell(page) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Termlight</title>
<link rel="stylesheet" href="${page}.css">
</head>
<body>
<div id="page_root"></div>
<script src="${page}.js"></script>
</body>
</html>
`;
}

/**
 * A fingerprint of the bundled packs, part of the id under which the background stores the
 * compiled glossaries: a pack edited without a version change is then not mistaken for the old.
 */
function glossaryHash() {
  const hash = createHash('sha256');
  const dir = join(root, 'glossary');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) hash.update(readFileSync(join(dir, file)));
  return hash.digest('hex').slice(0, 16);
}

function esbuildOptions(target) {
  return {
    entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, join(root, v)])),
    outdir: join(dist, target),
    bundle: true,
    // Every context loads a classic script: the content script must be self-contained, and
    // Firefox runs the background as an event page.
    format: 'iife',
    target: target === 'chrome' ? 'chrome120' : 'firefox142',
    sourcemap: 'linked',
    minify: false,
    legalComments: 'inline',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { TERMLIGHT_TARGET: JSON.stringify(target), TERMLIGHT_GLOSSARY_HASH: JSON.stringify(glossaryHash()) },
    logLevel: 'warning',
  };
}

async function writeStatic(target) {
  const out = join(dist, target);
  const { manifestFor } = await importTs('src/core/manifest.ts');
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const base = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8'));
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'manifest.json'), JSON.stringify(manifestFor(base, target, pkg.version), null, 2));
  await cp(join(root, 'icons'), join(out, 'icons'), {
    recursive: true,
    filter: (src) => !src.endsWith('.md'),
  });
  await cp(join(root, 'src/_locales'), join(out, '_locales'), { recursive: true });
  const { contentCss } = await importTs('src/content/content-css.ts');
  await writeFile(join(out, 'content.css'), contentCss());
  for (const page of pages) await writeFile(join(out, `${page}.html`), pageShell(page));
}

async function buildOnce() {
  await checkGlossaries();
  for (const target of targets) {
    await rm(join(dist, target), { recursive: true, force: true });
    await esbuild.build(esbuildOptions(target));
    await writeStatic(target);
  }
}

async function zip() {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const webExt = join(root, 'node_modules/.bin/web-ext');
  for (const target of targets) {
    const filename = `termlight-${target}-${pkg.version}.zip`;
    execFileSync(webExt, ['build', '--source-dir', join(dist, target), '--artifacts-dir', dist,
      '--filename', filename, '--overwrite-dest'], { stdio: 'inherit' });
  }
}

async function watch() {
  await checkGlossaries();
  for (const target of targets) {
    await writeStatic(target);
    const ctx = await esbuild.context({
      ...esbuildOptions(target),
      plugins: [{
        name: 'static-files',
        setup(build) {
          build.onEnd(async (result) => {
            if (result.errors.length) return;
            try {
              await checkGlossaries();
              await writeStatic(target);
              console.log(`[${new Date().toLocaleTimeString()}] rebuilt dist/${target}`);
            } catch (err) {
              console.error(err.message);
            }
          });
        },
      }],
    });
    await ctx.watch();
  }
  console.log('Watching for changes. Reload the extension in the browser after a rebuild.');
}

try {
  if (args.has('--watch')) await watch();
  else {
    await buildOnce();
    if (args.has('--zip')) await zip();
    if (!args.has('--quiet')) console.log('Built dist/chrome and dist/firefox');
  }
} catch (err) {
  console.error(err.message ?? err);
  process.exit(1);
}
