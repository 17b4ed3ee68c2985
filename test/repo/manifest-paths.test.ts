import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
const build = readFileSync(join(root, 'build.mjs'), 'utf8');
const locale = JSON.parse(readFileSync(join(root, 'src/_locales/en/messages.json'), 'utf8'));

/** Every file the manifest names, as it appears in the built extension. */
function namedFiles(): string[] {
  const out = [...Object.values(manifest.icons as Record<string, string>)];
  out.push(...Object.values(manifest.action.default_icon as Record<string, string>));
  out.push(manifest.action.default_popup, manifest.options_ui.page, manifest.background.service_worker);
  for (const cs of manifest.content_scripts) out.push(...cs.js, ...cs.css);
  return [...new Set(out)];
}

describe('the manifest', () => {
  it('names only files the build produces or copies', () => {
    for (const file of namedFiles()) {
      const base = file.replace(/\.(js|css|html)$/, '');
      const fromIcons = file.startsWith('icons/') && existsSync(join(root, file));
      const fromEntry = new RegExp(`\\b${base}: 'src/`).test(build);
      const fromPage = file.endsWith('.html') && new RegExp(`'${base}'`).test(/const pages = \[[^\]]*\]/.exec(build)?.[0] ?? '');
      const fromCss = file === 'content.css' && existsSync(join(root, 'src/content/content-css.ts'));
      expect(fromIcons || fromEntry || fromPage || fromCss, file).toBe(true);
    }
  });

  it('has a string for every __MSG_ key it uses', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(locale[key]?.message, key).toBeTruthy();
  });

  it('bundles every glossary pack in glossary/', () => {
    const bundled = readFileSync(join(root, 'src/core/glossary/bundled.ts'), 'utf8');
    const packs = readdirSync(join(root, 'glossary')).filter((f) => f.endsWith('.json') && f !== 'schema.json');
    expect(packs.length).toBeGreaterThan(0);
    for (const pack of packs) expect(bundled, pack).toContain(`glossary/${pack}`);
  });
});

describe('the top level', () => {
  it('holds only what the project fixes there', () => {
    const allowed = new Set(['src', 'manifest.json', 'icons', 'glossary', 'test', 'build.mjs', 'package.json',
      'package-lock.json', 'tsconfig.json', 'README.md', 'LICENSE', 'node_modules', 'dist', 'test-results']);
    const extra = readdirSync(root).filter((name) => !name.startsWith('.') && !allowed.has(name));
    expect(extra).toEqual([]);
  });
});
