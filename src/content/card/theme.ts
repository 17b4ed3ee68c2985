import type { Theme } from '../../core/settings/defaults';
import type { CardTheme } from './card-css';

/**
 * The card's colours for a theme setting. `auto` follows the page when the page paints its own
 * background (a dark site gets a dark card on a light system). A page that leaves its background
 * to the browser gets the browser's canvas: white unless the page says it supports a dark scheme
 * (`color-scheme`, or its meta tag), and then the system's `prefers-color-scheme` decides.
 */
export function resolveTheme(setting: Theme, doc: Document): CardTheme {
  if (setting !== 'auto') return setting;
  const view = doc.defaultView;
  if (!view) return 'light';
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const luminance = opaqueLuminance(view.getComputedStyle(el).backgroundColor);
    if (luminance !== null) return luminance < 0.2 ? 'dark' : 'light';
  }
  const schemes = supportedSchemes(doc, view);
  if (!schemes.includes('dark')) return 'light';
  if (!schemes.includes('light')) return 'dark';
  return view.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The colour schemes the page says it supports, in words ('normal': none said). */
function supportedSchemes(doc: Document, view: Window): string {
  const root = doc.documentElement;
  const declared = root ? view.getComputedStyle(root).colorScheme : '';
  if (declared && declared !== 'normal') return declared;
  return doc.querySelector('meta[name="color-scheme" i]')?.getAttribute('content') ?? 'normal';
}

/** Relative luminance of a mostly opaque `rgb()`/`rgba()` colour; null for anything else. */
export function opaqueLuminance(color: string): number | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(color.trim());
  if (!m) return null;
  const alphaText = m[4];
  const alpha = alphaText === undefined
    ? 1
    : alphaText.endsWith('%') ? Number.parseFloat(alphaText) / 100 : Number(alphaText);
  if (!(alpha >= 0.5)) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = Number(c) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
