// `npm run test:corpus`: the built extension over every page of the shared corpus, in Chromium
// (`-- --full`: Chromium and Firefox). Prints a table, writes test-results/corpus-report.json
// and exits non-zero when any page fails. The sweep itself is TypeScript shared with the e2e
// tests; it is bundled for Node here first.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
// Three folders deep, like the module it bundles from, so paths it works out from its own
// location still point at the repository.
const out = join(root, 'node_modules/.cache/termlight-sweep/corpus-sweep.mjs');
await build({
  entryPoints: [join(root, 'test/tools/corpus/cli.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: out,
  logLevel: 'warning',
});
const { main } = await import(pathToFileURL(out).href);
process.exitCode = await main(process.argv.slice(2));
