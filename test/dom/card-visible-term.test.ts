import { afterEach, describe, expect, it } from 'vitest';
import { canSee } from '../../src/content/card/visible-term';
import type { Occurrence } from '../../src/content/engine/types';

/*
 * Which terms the next/previous-term keys may go to. The DOM used here draws nothing, so each
 * element is given the box a browser would give it.
 */

interface Box { left: number; top: number; width: number; height: number }

function place(el: Element, box: Box | null): void {
  const rect = box && new DOMRect(box.left, box.top, box.width, box.height);
  Object.defineProperty(el, 'getBoundingClientRect', { value: () => rect ?? new DOMRect(0, 0, 0, 0) });
  Object.defineProperty(el, 'getClientRects', { value: () => (rect ? [rect] : []) });
}

/** A term at `box`, whose text is the only child of `holder`. */
function termIn(holder: Element, box: Box): Occurrence {
  const text = document.createTextNode('RLHF');
  holder.append(text);
  return {
    entry: 0,
    text: 'RLHF',
    rects: () => [new DOMRect(box.left, box.top, box.width, box.height)],
    range: () => {
      const r = document.createRange();
      r.selectNodeContents(text);
      return r;
    },
  };
}

/** Elements nested as written (`html` markup of empty elements), placed in the body; the innermost. */
function nest(markup: string, boxes: Array<Box | null>): Element {
  document.body.innerHTML = markup;
  const all = [...document.body.querySelectorAll('*')];
  all.forEach((el, i) => place(el, boxes[i] ?? { left: 0, top: 0, width: 800, height: 2000 }));
  return all[all.length - 1]!;
}

const TERM = { left: 100, top: 300, width: 40, height: 18 };

afterEach(() => {
  document.body.innerHTML = '';
  scrollTo(0, 0);
});

describe('a term the keys may go to', () => {
  it('is one on screen in ordinary text, or below it, where the window scrolls', () => {
    expect(canSee(termIn(nest('<main><p></p></main>', []), TERM), document)).toBe(true);
    expect(canSee(termIn(nest('<main><p></p></main>', []), { ...TERM, top: 5000 }), document)).toBe(true);
  });

  it('is not one clipped to a pixel for screen readers', () => {
    const holder = nest('<p><a><span style="position: absolute; overflow-x: hidden; overflow-y: hidden; clip: rect(0 0 0 0)"></span></a></p>', [null, null, { left: 100, top: 300, width: 1, height: 1 }]);
    expect(canSee(termIn(holder, TERM), document)).toBe(false);
  });

  it('is not one in a collapsed panel that clips its contents', () => {
    const holder = nest('<section><div style="overflow-x: hidden; overflow-y: hidden"><p></p></div></section>', [null, { left: 0, top: 280, width: 800, height: 0 }]);
    expect(canSee(termIn(holder, TERM), document)).toBe(false);
  });

  it('is not one in a menu slid off the left edge, unless a container scrolls sideways to it', () => {
    const off = { ...TERM, left: -300 };
    expect(canSee(termIn(nest('<nav><p></p></nav>', []), off), document)).toBe(false);
    const holder = nest('<div style="overflow-x: auto"><p></p></div>', []);
    Object.defineProperties(holder.parentElement!, { scrollWidth: { value: 2000 }, clientWidth: { value: 800 } });
    expect(canSee(termIn(holder, off), document)).toBe(true);
  });

  it('is one scrolled past inside a scrolling container (a chat), which can scroll back to it', () => {
    const holder = nest('<div style="overflow-y: auto"><p></p></div>', []);
    Object.defineProperties(holder.parentElement!, { scrollHeight: { value: 9000 }, clientHeight: { value: 700 } });
    expect(canSee(termIn(holder, { ...TERM, top: -4000 }), document)).toBe(true);
  });

  it('is one on a long page whose body clips sideways, however far down', () => {
    // html, body { height: 100% } body { overflow-x: hidden }: the body's box is one window tall.
    document.body.setAttribute('style', 'overflow-x: hidden; overflow-y: auto');
    place(document.body, { left: 0, top: -3000, width: 800, height: 700 });
    const holder = nest('<main><p></p></main>', []);
    expect(canSee(termIn(holder, TERM), document)).toBe(true);
    expect(canSee(termIn(holder, { ...TERM, top: 1500 }), document)).toBe(true);
    document.body.removeAttribute('style');
  });

  it('is one scrolled out of a list that clips sideways only (a chat, a sidebar)', () => {
    const holder = nest('<div style="overflow-x: hidden; overflow-y: auto"><p></p></div>', [{ left: 0, top: 0, width: 800, height: 700 }]);
    Object.defineProperties(holder.parentElement!, { scrollHeight: { value: 9000 }, clientHeight: { value: 700 } });
    expect(canSee(termIn(holder, { ...TERM, top: -2000 }), document)).toBe(true);
  });

  it('is one further down a fixed panel that scrolls itself (a modal, a drawer)', () => {
    const holder = nest('<div style="position: fixed; overflow-x: auto; overflow-y: auto"><p></p></div>', [{ left: 0, top: 0, width: 800, height: 700 }]);
    Object.defineProperties(holder.parentElement!, { scrollHeight: { value: 3000 }, clientHeight: { value: 700 } });
    expect(canSee(termIn(holder, { ...TERM, top: 2000 }), document)).toBe(true);
  });

  it('is one scrolled past in a container around the component that holds it', () => {
    const holder = nest('<div style="overflow-y: auto"><x-card></x-card></div>', [{ left: 0, top: 0, width: 800, height: 700 }]);
    Object.defineProperties(holder.parentElement!, { scrollHeight: { value: 9000 }, clientHeight: { value: 700 } });
    const inner = holder.attachShadow({ mode: 'open' }).appendChild(document.createElement('p'));
    place(inner, { left: 0, top: -4000, width: 800, height: 30 });
    expect(canSee(termIn(inner, { ...TERM, top: -4000 }), document)).toBe(true);
  });

  it('is not one in a fixed bar slid out of the window', () => {
    scrollTo(0, 3000);
    const holder = nest('<header style="position: fixed"><p></p></header>', []);
    expect(canSee(termIn(holder, { ...TERM, top: -60 }), document)).toBe(false);
  });
});
