import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { HIGHLIGHT_PALETTE } from '../../src/core/settings/defaults';
import { Options } from '../../src/options/Options';
import { ApiContext } from '../../src/ui/api';
import { createMemoryApi } from '../../src/ui/memory-api';
import { UI_PALETTE, paletteCss, type UiTone } from '../../src/ui/theme';

const BASE_CSS = join(import.meta.dirname, '../../src/ui/base.css');

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

type Colour = Exclude<keyof (typeof UI_PALETTE)['light'], 'shadow'>;

/** Every foreground the pages draw, on every background it appears on. */
const TEXT_ON: [Colour, Colour[]][] = [
  ['text', ['page', 'surface', 'raised', 'accentSoft', 'dangerSoft']],
  ['muted', ['page', 'surface', 'raised']],
  ['accent', ['page', 'surface', 'raised', 'accentSoft']],
  ['danger', ['surface', 'dangerSoft']],
  ['success', ['surface']],
  ['surface', ['danger']],
];
/** Outlines and marks that must be seen (WCAG 1.4.11): 3:1. */
const MARKS_ON: [Colour, Colour[]][] = [
  ['control', ['page', 'surface', 'raised']],
  ['onAccent', ['accent']],
  ['accent', ['raised']],
];

describe.each(['light', 'dark'] as UiTone[])('the %s palette', (tone) => {
  const palette = UI_PALETTE[tone];
  /** The pairs below `min`, named with their ratio, so a failure says which to fix. */
  const below = (min: number, pairs: [string, string, string][]) =>
    pairs.map(([what, fg, bg]) => `${what}: ${contrast(fg, bg).toFixed(2)}`).filter((line) => Number(line.split(': ')[1]) < min);

  it.each(TEXT_ON)('%s text is AA (4.5:1) on its backgrounds', (fg, backgrounds) => {
    expect(below(4.5, backgrounds.map((bg) => [bg, palette[fg], palette[bg]]))).toEqual([]);
  });
  it.each(MARKS_ON)('%s marks stand out (3:1)', (fg, backgrounds) => {
    expect(below(3, backgrounds.map((bg) => [bg, palette[fg], palette[bg]]))).toEqual([]);
  });
  it('the tint preview keeps its label readable (4.5:1) in every colour, chosen or not', () => {
    // `.mark-tint` lays 22% of the colour over the segment (the track, or the chosen segment).
    const tint = (hl: string, bg: string) =>
      `#${[1, 3, 5]
        .map((i) => Math.round(0.22 * Number.parseInt(hl.slice(i, i + 2), 16) + 0.78 * Number.parseInt(bg.slice(i, i + 2), 16)))
        .map((v) => v.toString(16).padStart(2, '0'))
        .join('')}`;
    const label = /input:not\(:checked\) \+ \.choice-body \.mark-tint \{ color: var\(--(\w+)\); \}/.exec(readFileSync(BASE_CSS, 'utf8'))?.[1] as Colour | undefined;
    expect(label).toBeDefined();
    const pairs = Object.entries(HIGHLIGHT_PALETTE).flatMap(([name, shades]) =>
      (['raised', 'surface'] as const).map((bg): [string, string, string] => [`${name} on ${bg}`, palette[label!], tint(shades[tone], palette[bg])]),
    );
    expect(below(4.5, pairs)).toEqual([]);
  });

  it('highlight previews are as visible as on a page (3:1)', () => {
    const pairs = Object.entries(HIGHLIGHT_PALETTE).map(([name, shades]): [string, string, string] => [name, shades[tone], palette.raised]);
    expect(below(3, pairs)).toEqual([]);
  });
});

describe('the theme setting', () => {
  afterEach(() => {
    render(null, document.body);
    document.body.innerHTML = '';
    delete document.documentElement.dataset.theme;
  });

  async function open(theme?: string) {
    const api = createMemoryApi({ sync: theme ? { theme } : {} });
    const root = document.body.appendChild(document.createElement('div'));
    await act(() => render(<ApiContext.Provider value={api}><Options /></ApiContext.Provider>, root));
    for (let i = 0; i < 3; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
    return { api, root };
  }

  it('dark puts the page in dark colours; auto leaves it to the system', async () => {
    const { root } = await open('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    await act(() => root.querySelector<HTMLInputElement>('[data-testid=theme] input[value=auto]')!.click());
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(paletteCss()).toContain('@media (prefers-color-scheme: dark)');
  });

  it('follows a change made in another page', async () => {
    const { api } = await open();
    await act(() => api.saveSettings({ theme: 'light' }));
    for (let i = 0; i < 3; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});
