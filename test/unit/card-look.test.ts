import { describe, expect, it } from 'vitest';
import { CARD_PALETTE, cardCss } from '../../src/content/card/card-css';
import { opaqueLuminance } from '../../src/content/backdrop';
import { offsetToShow } from '../../src/content/card/reveal';

function luminanceOf(hex: string): number {
  const l = opaqueLuminance(`rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`);
  if (l === null) throw new Error(`not a colour: ${hex}`);
  return l;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminanceOf(a), luminanceOf(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe.each(Object.keys(CARD_PALETTE) as (keyof typeof CARD_PALETTE)[])('the %s card', (theme) => {
  const p = CARD_PALETTE[theme];

  it.each([
    ['text', p.text, p.bg],
    ['secondary text', p.muted, p.bg],
    ['buttons', p.accent, p.bg],
    ['related-term buttons', p.chipText, p.chipBg],
  ])('meets WCAG AA contrast for %s', (_what, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it('has a focus ring visible against the card (3:1)', () => {
    expect(contrast(p.accent, p.bg)).toBeGreaterThanOrEqual(3);
  });
});

describe('the light card', () => {
  // A soft shadow hardly shows on a white page: the edge tells where the card ends.
  it.each(['#ffffff', '#f8f9fa', '#f1f3f4'])('has an edge that shows on a light page (%s, 3:1)', (page) => {
    expect(contrast(CARD_PALETTE.light.edge, page)).toBeGreaterThanOrEqual(3);
  });
});

describe('the dark card', () => {
  // A shadow does not show on a dark page: the border alone tells where the card ends.
  it.each(['#000000', '#121212', '#1e2024', '#2b2b2b'])('has an edge that shows on a dark page (%s, 3:1)', (page) => {
    expect(contrast(CARD_PALETTE.dark.edge, page)).toBeGreaterThanOrEqual(3);
  });
});

describe('the card stylesheet', () => {
  it('turns animation off for readers who ask for reduced motion', () => {
    expect(cardCss()).toMatch(/@media \(prefers-reduced-motion: reduce\) \{ \.card \{ animation: none; \} \}/);
  });

  it('keeps the card a readable width', () => {
    expect(cardCss()).toMatch(/max-width: 360px/);
  });
});

describe('reading page colours', () => {
  it('reads opaque colours and ignores transparent ones', () => {
    expect(opaqueLuminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(opaqueLuminance('rgb(0 0 0)')).toBe(0);
    expect(opaqueLuminance('rgba(0, 0, 0, 0)')).toBeNull();
    expect(opaqueLuminance('rgba(20, 20, 20, 0.9)')).toBeLessThan(0.01);
    expect(opaqueLuminance('hsl(0 0% 0%)')).toBeNull();
  });

  it('reads the colour spaces pages paint in now, enough to tell dark from light', () => {
    // Tailwind's zinc-950 and zinc-50, in oklch as browsers keep them.
    expect(opaqueLuminance('oklch(0.141 0.005 285.823)')).toBeLessThan(0.2);
    expect(opaqueLuminance('oklch(0.985 0 0)')).toBeGreaterThan(0.9);
    expect(opaqueLuminance('oklch(14% 0.005 285)')).toBeLessThan(0.2);
    expect(opaqueLuminance('lab(10 0 0)')).toBeLessThan(0.02);
    expect(opaqueLuminance('oklab(0.9 0 0)')).toBeGreaterThan(0.7);
    expect(opaqueLuminance('color(srgb 1 1 1)')).toBeCloseTo(1);
    expect(opaqueLuminance('color(display-p3 0.05 0.05 0.06)')).toBeLessThan(0.01);
    // Spaces that are linear already: a mid grey is mid, not dark.
    expect(opaqueLuminance('color(srgb-linear 0.3 0.3 0.3)')).toBeCloseTo(0.3);
    expect(opaqueLuminance('color(xyz-d65 0.28 0.3 0.32)')).toBeCloseTo(0.3);
    // See-through, or not a colour at all.
    expect(opaqueLuminance('oklch(0.1 0 0 / 0.2)')).toBeNull();
    expect(opaqueLuminance('oklch(none 0 0)')).toBeNull();
  });
});

describe('scrolling a term into view', () => {
  it('leaves a term that is already well inside alone', () => {
    expect(offsetToShow(300, 20, 0, 800, 48)).toBe(0);
  });

  it('centres a term below, above or too near an edge', () => {
    expect(offsetToShow(1200, 20, 0, 800, 48)).toBe(1200 - 390);
    expect(offsetToShow(-300, 20, 0, 800, 48)).toBe(-300 - 390);
    expect(offsetToShow(790, 20, 0, 800, 48)).toBe(790 - 390);
  });

  it('works inside a scrolled box that starts lower on the screen', () => {
    expect(offsetToShow(650, 20, 400, 200, 48)).toBe(650 - 400 - 90);
  });
});
