import { HIGHLIGHT_COLORS, HIGHLIGHT_PALETTE, type HighlightColor } from '../../core/settings/defaults';
import { backdropLuminance, DARK_BELOW } from '../backdrop';
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
 * Whether the page reads as dark where its terms are: the first opaque background behind
 * `near` (the first block painted) or else the body, up to the page's root; failing that, the
 * page's colour scheme. Computed once per page: it costs style reads.
 */
export function pageTone(doc: Document, near: Node | null = null): Tone {
  const view = doc.defaultView;
  if (!view) return 'light';
  const luminance = backdropLuminance(near, doc);
  if (luminance !== null) return luminance < DARK_BELOW ? 'dark' : 'light';
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme ?? '';
  const prefersDark = typeof view.matchMedia === 'function' && view.matchMedia('(prefers-color-scheme: dark)').matches;
  return scheme.includes('dark') && (prefersDark || !scheme.includes('light')) ? 'dark' : 'light';
}
