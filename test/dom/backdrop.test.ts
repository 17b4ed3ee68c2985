import { afterEach, describe, expect, it } from 'vitest';
import { backdropLuminance } from '../../src/content/backdrop';

const DARK = 'rgb(18, 18, 18)';

afterEach(() => {
  document.body.innerHTML = '';
  document.body.removeAttribute('style');
});

describe('the background behind a term', () => {
  it('is found through a component: from text in its shadow root to a dark wrapper around the host', () => {
    document.body.innerHTML = `<div style="background-color: ${DARK}"><x-card></x-card></div>`;
    const root = document.querySelector('x-card')!.attachShadow({ mode: 'open' });
    const text = document.createTextNode('RLHF');
    root.append(text);
    expect(backdropLuminance(text, document)).toBeLessThan(0.01);
    expect(backdropLuminance(root, document)).toBeLessThan(0.01);
  });

  it('is the slot a light-DOM element is drawn in, and what is around that slot', () => {
    document.body.innerHTML = '<x-panel><p>RLHF</p></x-panel>';
    const host = document.querySelector('x-panel')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<div style="background-color: ${DARK}"><slot></slot></div>`;
    // As browsers report it (the DOM used here does not assign slots).
    const p = host.querySelector('p')!;
    if (!p.assignedSlot) Object.defineProperty(p, 'assignedSlot', { value: shadow.querySelector('slot') });
    expect(backdropLuminance(host.querySelector('p')!.firstChild, document)).toBeLessThan(0.01);
  });

  it("is still the page's own when the term sits deeper than the wrappers looked at", () => {
    document.body.setAttribute('style', `background-color: ${DARK}`);
    let el: HTMLElement = document.body;
    for (let i = 0; i < 40; i++) el = el.appendChild(document.createElement('div'));
    el.textContent = 'RLHF';
    expect(backdropLuminance(el.firstChild, document)).toBeLessThan(0.01);
  });

  it('is nothing when nothing paints one: the browser canvas shows', () => {
    document.body.innerHTML = '<p>RLHF</p>';
    expect(backdropLuminance(document.querySelector('p')!.firstChild, document)).toBeNull();
  });
});
