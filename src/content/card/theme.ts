import type { Theme } from '../../core/settings/defaults';
import { backdropLuminance, DARK_BELOW } from '../backdrop';
import type { CardTheme } from './card-css';

/**
 * The card's colours for a theme setting. `auto` follows the page where it paints its own
 * background behind the term (a dark site gets a dark card on a light system). A page that
 * leaves its background to the browser gets the browser's canvas: white unless the page says it
 * supports a dark scheme (`color-scheme`, or its meta tag), and then the system's
 * `prefers-color-scheme` decides.
 */
export function resolveTheme(setting: Theme, doc: Document, near: Node | null = null): CardTheme {
  if (setting !== 'auto') return setting;
  const view = doc.defaultView;
  if (!view) return 'light';
  // What is behind the term the card explains (or the page's body, for a card about none).
  const luminance = backdropLuminance(near, doc);
  if (luminance !== null) return luminance < DARK_BELOW ? 'dark' : 'light';
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
