import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const src = join(root, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Relative import specifiers of a module, resolved to paths under src/. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  specs.push(...[...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!));
  return specs.map((s) => (s.startsWith('.') ? relative(src, resolve(dirname(file), s)) : `pkg:${s}`));
}

const contextOf = (path: string) => path.split('/')[0]!;
const contexts = ['content', 'background', 'popup', 'options', 'glossary-page'];
const all = files(src).map((f) => ({ path: relative(src, f), deps: imports(f) }));

describe('import boundaries', () => {
  it('keep the contexts apart: they meet only in core, platform and ui', () => {
    const crossings = all.flatMap(({ path, deps }) => {
      const from = contextOf(path);
      return deps
        .filter((d) => !d.startsWith('pkg:') && contexts.includes(contextOf(d)) && contextOf(d) !== from)
        .map((d) => `${path} -> ${d}`);
    });
    expect(crossings).toEqual([]);
  });

  it('keep core pure: no browser APIs, no DOM, no other layer', () => {
    const offenders = all
      .filter(({ path }) => path.startsWith('core/'))
      .flatMap(({ path, deps }) => {
        const text = readFileSync(join(src, path), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        const bad = deps.filter((d) => d.startsWith('pkg:webextension-polyfill') || (!d.startsWith('pkg:') && !d.startsWith('core/') && !d.startsWith('../glossary')));
        if (/\b(?:document|window|chrome|browser)\s*\./.test(text)) bad.push('uses a browser global');
        return bad.map((b) => `${path}: ${b}`);
      });
    expect(offenders).toEqual([]);
  });

  it('reach the extension APIs only through src/platform', () => {
    const offenders = all
      .filter(({ path }) => !path.startsWith('platform/'))
      .filter(({ deps }) => deps.includes('pkg:webextension-polyfill'))
      .map(({ path }) => path);
    expect(offenders).toEqual([]);
  });

  it('leave ui/ to the extension pages', () => {
    const offenders = all
      .filter(({ path }) => ['content', 'background'].includes(contextOf(path)))
      .flatMap(({ path, deps }) => deps.filter((d) => d.startsWith('ui/')).map((d) => `${path} -> ${d}`));
    expect(offenders).toEqual([]);
  });
});
