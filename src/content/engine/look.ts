import { HIGHLIGHT_COLORS, HIGHLIGHT_PALETTE, type HighlightColor } from '../../core/settings/defaults';
import type { Appearance } from './types';

/** Light pages get the darker shade of a colour, dark pages the lighter one. */
export type Tone = 'light' | 'dark';

export const PAINTED_STYLES = ['dotted', 'solid', 'tint'] as const;
export type PaintedStyle = (typeof PAINTED_STYLES)[number];

/** The CSS name of a look: `::highlight(<name>)` and `termlight-mark[data-look="<name>"]`. */
export function lookName(style: PaintedStyle, color: HighlightColor, tone: Tone): string {
  return `termlight-${style}-${color}-${tone}`;
}

/** The look of the keyboard-selected term, in the same colour. */
export function currentName(color: HighlightColor, tone: Tone): string {
  return `termlight-current-${color}-${tone}`;
}

export function paletteColor(color: string): HighlightColor {
  return (HIGHLIGHT_COLORS as readonly string[]).includes(color) ? (color as HighlightColor) : 'blue';
}

/** Name for the painted terms, or null for style `none` (hover only). */
export function namesFor(appearance: Appearance, tone: Tone): { terms: string | null; current: string } {
  const color = paletteColor(appearance.color);
  const style = appearance.style;
  return {
    terms: style === 'none' ? null : lookName(style, color, tone),
    current: currentName(color, tone),
  };
}

export function shade(color: HighlightColor, tone: Tone): string {
  return HIGHLIGHT_PALETTE[color][tone];
}

/**
 * Whether the page reads as dark: the first opaque background of body or html, else the
 * page's colour scheme. Computed once per page: it costs a style read.
 */
export function pageTone(doc: Document): Tone {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const rgba = parseColor(view.getComputedStyle(el).backgroundColor);
    // Around 0.2 the palette's lighter shade starts to contrast better than its darker one.
    if (rgba && rgba[3] > 0.5) return luminance(rgba) < 0.2 ? 'dark' : 'light';
  }
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme ?? '';
  const prefersDark = typeof view.matchMedia === 'function' && view.matchMedia('(prefers-color-scheme: dark)').matches;
  return scheme.includes('dark') && (prefersDark || !scheme.includes('light')) ? 'dark' : 'light';
}

function parseColor(value: string): [number, number, number, number] | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(value);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white). */
function luminance([r, g, b]: [number, number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
