// Renders the toolbar and store icons from their SVG sources with headless Chromium.
//
// Re-render after editing icons/termlight.svg or icons/termlight-small.svg:
//   node test/tools/render-icons.mjs
// To judge the result, also write a sheet showing every size on a light and a dark toolbar,
// at actual size and blown up with hard pixel edges:
//   node test/tools/render-icons.mjs --preview some/where/icons-preview.png
// TERMLIGHT_CHROMIUM names the Chromium executable when it is not at the Debian path.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const iconsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../icons');
const CHROMIUM = process.env.TERMLIGHT_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// The small source is drawn pixel by pixel for 16 px; the main one keeps its straight edges on
// whole pixels at 32, 48 and 96 px. `art` below `size` leaves transparent padding: the Chrome
// Web Store asks for 96 px of artwork inside the 128 px icon.
const OUTPUTS = [
  { size: 16, art: 16, source: 'termlight-small.svg' },
  { size: 32, art: 32, source: 'termlight.svg' },
  { size: 48, art: 48, source: 'termlight.svg' },
  { size: 128, art: 96, source: 'termlight.svg' },
];

const dataUrl = (type, bytes) => `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;

function iconPage({ size, art, source }) {
  const svg = readFileSync(join(iconsDir, source));
  const pad = (size - art) / 2;
  return `<!doctype html><style>html,body{margin:0;background:transparent}
    img{display:block;margin:${pad}px;width:${art}px;height:${art}px}</style>
    <img src="${dataUrl('image/svg+xml', svg)}">`;
}

function previewPage(pngs) {
  const cell = (png, size, zoom) =>
    `<img src="${png}" style="width:${size * zoom}px;height:${size * zoom}px">`;
  const row = (bg) => `<div class="row" style="background:${bg}">
    ${pngs.map(({ size, png }) => cell(png, size, 1)).join('')}
    ${pngs.map(({ size, png }) => cell(png, size, size < 48 ? 6 : 2)).join('')}</div>`;
  return `<!doctype html><style>body{margin:0;width:max-content}
    .row{display:flex;align-items:center;gap:24px;padding:24px}
    img{image-rendering:pixelated}</style>${row('#ffffff')}${row('#202124')}`;
}

const previewAt = process.argv.indexOf('--preview');
const previewPath = previewAt > 0 ? process.argv[previewAt + 1] : undefined;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const pngs = [];
  for (const output of OUTPUTS) {
    await page.setViewportSize({ width: output.size, height: output.size });
    await page.setContent(iconPage(output));
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: true });
    writeFileSync(join(iconsDir, `icon-${output.size}.png`), png);
    pngs.push({ size: output.size, png: dataUrl('image/png', png) });
  }
  if (previewPath) {
    await page.setViewportSize({ width: 100, height: 100 });
    await page.setContent(previewPage(pngs));
    await page.screenshot({ path: resolve(previewPath), fullPage: true });
  }
} finally {
  await browser.close();
}
