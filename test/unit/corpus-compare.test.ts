import { describe, expect, it } from 'vitest';
import { compareDom, onlyIn } from '../tools/corpus/differences';

// The corpus sweep's comparison of a page's markup with and without Termlight.
describe('comparing page markup', () => {
  const page = (body: string) => `<html><head></head><body>${body}</body></html>`;

  it('accepts an empty element the page itself put at another place while it was parsed', () => {
    const frame = '<iframe style="display: none;" name="__cmpLocator"></iframe>';
    expect(compareDom(page(`<p>one</p><p>two</p>${frame}`), page(`<p>one</p>${frame}<p>two</p>`))).toBeNull();
    expect(compareDom(page(`<p>one</p>${frame}<p>two</p>`), page(`<p>one</p><p>two</p>${frame}`))).toBeNull();
  });

  it('reports an element that is new, gone, or not empty, and any change of text', () => {
    const frame = '<iframe name="x"></iframe>';
    expect(compareDom(page('<p>one</p><p>two</p>'), page(`<p>one</p>${frame}<p>two</p>`))).toMatch(/^at character \d+/);
    expect(compareDom(page(`<p>one</p>${frame}<p>two</p>`), page('<p>one</p><p>two</p>'))).toMatch(/^at character \d+/);
    expect(compareDom(page('<p>one</p><p>two</p><b>x</b>'), page('<p>one</p><b>x</b><p>two</p>'))).toMatch(/^at character \d+/);
    expect(compareDom(page('<p>foundation model</p>'), page('<p>foundation <mark>model</mark></p>'))).toMatch(/expected .*got/);
  });
});

describe('comparing the requests of a page with and without Termlight', () => {
  const origin = 'http://127.0.0.1:8080';

  it('reports each request made only with Termlight, counting repeats', () => {
    const without = [`${origin}/a.css`, `${origin}/b.png`];
    expect(onlyIn([`${origin}/a.css`, `${origin}/b.png`], without)).toEqual([]);
    expect(onlyIn([`${origin}/a.css`, `${origin}/a.css`, `${origin}/c.js`], without)).toEqual([`${origin}/a.css`, `${origin}/c.js`]);
  });

  it("leaves out the browser's own favicon requests, with or without a version in the query", () => {
    const favicons = [`${origin}/favicon.ico`, `${origin}/graphics/favicon.ico?v=005`];
    expect(onlyIn(favicons, [])).toEqual([]);
    expect(onlyIn([`${origin}/favicon.ico.js`, `${origin}/favicon.icons/x.png`], [])).toHaveLength(2);
  });
});
