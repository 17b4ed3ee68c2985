// `npm start`: build, serve the demo page from loopback, and open a browser with Termlight loaded
// on it. `npm start -- --firefox` uses Firefox. Without a display it says so and explains how to
// load the extension by hand instead of failing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const useFirefox = process.argv.includes('--firefox');

const built = spawnSync(process.execPath, ['build.mjs'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const demoFile = join(root, 'test/fixtures/demo/foundation-models.html');
const server = createServer(async (req, res) => {
  if (req.url !== '/' && req.url !== '/foundation-models.html') return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(await readFile(demoFile));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const demoUrl = `http://127.0.0.1:${server.address().port}/foundation-models.html`;

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const chromiumPath = [process.env.TERMLIGHT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .find((p) => p && existsSync(p));
// Branded Chrome ignores --load-extension (since version 137): it needs the extension loaded by hand.
const chromePath = ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'].find((p) => existsSync(p));
const byHand = `  Chrome/Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked", pick dist/chrome
  Firefox:         open about:debugging#/runtime/this-firefox, "Load Temporary Add-on", pick dist/firefox/manifest.json`;

if (!hasDisplay) {
  console.log(`
No display here, so no browser window can open. Termlight is built:
${byHand}
Then open the demo page: test/fixtures/demo/foundation-models.html (served at ${demoUrl} while this runs).
Press Ctrl+C to stop.`);
} else if (!useFirefox && !chromiumPath && chromePath) {
  const profile = mkdtempSync(join(tmpdir(), 'termlight-start-'));
  const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const child = spawn(chromePath, [`--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check', ...rootOnly, demoUrl], { stdio: 'inherit' });
  console.log(`Opened Google Chrome on ${demoUrl}. Chrome does not load an extension from the command line, so load it by hand:
${byHand}
Close the browser or press Ctrl+C to stop.`);
  child.on('exit', () => { server.close(); process.exit(0); });
} else if (useFirefox || !chromiumPath) {
  if (!useFirefox) console.log('No Chromium found (set TERMLIGHT_CHROMIUM to use another one): opening Firefox.');
  const webExt = join(root, 'node_modules/.bin/web-ext');
  const firefox = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));
  const child = spawn(webExt, ['run', '--source-dir', join(root, 'dist/firefox'), '--start-url', demoUrl,
    '--no-reload', ...(firefox ? ['--firefox', firefox] : [])], { stdio: 'inherit' });
  child.on('exit', () => { server.close(); process.exit(0); });
} else {
  const profile = mkdtempSync(join(tmpdir(), 'termlight-start-'));
  const ext = join(root, 'dist/chrome');
  // Chromium refuses to run as root with its sandbox on.
  const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const child = spawn(chromiumPath, [`--user-data-dir=${profile}`, `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`, '--no-first-run', '--no-default-browser-check', ...rootOnly, demoUrl],
  { stdio: 'inherit' });
  console.log(`Opened Chromium with Termlight on ${demoUrl}. Close the browser or press Ctrl+C to stop.`);
  child.on('exit', () => { server.close(); process.exit(0); });
}
