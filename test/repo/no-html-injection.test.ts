import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(__dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

describe('glossary and page text is never parsed as HTML', () => {
  it('no source file writes HTML into the DOM', () => {
    const risky = /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/;
    const offenders = files(src).filter((f) => risky.test(readFileSync(f, 'utf8'))).map((f) => relative(src, f));
    expect(offenders).toEqual([]);
  });
});
