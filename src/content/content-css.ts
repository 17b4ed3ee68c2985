import { HIGHLIGHT_COLORS, type HighlightColor } from '../core/settings/defaults';
import { currentName, lookName, PAINTED_STYLES, shade, type PaintedStyle, type Tone } from './engine/look';
import { MARK_TAG } from './engine/dom-rules';

/*
 * The content-script stylesheet: one rule per look (style × colour × page tone) for the CSS
 * Custom Highlight API, and the same looks for the fallback's wrapper elements. Shipped as a
 * file in the manifest, so it applies under any page CSP. Only properties that `::highlight()`
 * honours are used (colours and text decoration), so both forms look alike.
 */

const TONES: readonly Tone[] = ['light', 'dark'];

function declarations(style: PaintedStyle | 'current', color: HighlightColor, tone: Tone): string {
  const c = shade(color, tone);
  const underline = (kind: 'dotted' | 'solid') =>
    `text-decoration-line: underline; text-decoration-style: ${kind}; text-decoration-color: ${c}; ` +
    'text-decoration-thickness: 2px; text-underline-offset: 3px; text-decoration-skip-ink: none;';
  switch (style) {
    case 'dotted':
      return underline('dotted');
    case 'solid':
      return underline('solid');
    case 'tint':
      return `background-color: ${c}${tone === 'light' ? '2e' : '42'};`;
    case 'current':
      // Visible whatever the chosen style, "none" included: it marks where the keyboard is.
      return `background-color: ${c}${tone === 'light' ? '47' : '5c'}; ${underline('solid')}`;
  }
}

export function contentCss(): string {
  // The card's host sits in the top layer while a card is open, where it gets a backdrop that a
  // page's own ::backdrop rule (meant for its dialogs) would paint over the whole window.
  const backdrop = 'termlight-host[data-termlight-host]::backdrop { display: none !important; background: none !important; }';
  const base = `${MARK_TAG} { display: inline; margin: 0; padding: 0; border: 0; font: inherit; color: inherit; background: none; }\n${backdrop}`;
  const rules: string[] = [];
  for (const tone of TONES) {
    for (const color of HIGHLIGHT_COLORS) {
      for (const style of PAINTED_STYLES) {
        const name = lookName(style, color, tone);
        const body = declarations(style, color, tone);
        rules.push(`::highlight(${name}) { ${body} }`, `${MARK_TAG}[data-look="${name}"] { ${body} }`);
      }
      const current = currentName(color, tone);
      const body = declarations('current', color, tone);
      rules.push(`::highlight(${current}) { ${body} }`, `${MARK_TAG}[data-current="${current}"] { ${body} }`);
    }
  }
  // On paper the marks would only be clutter: a card cannot open there.
  return `${base}\n@media not print {\n${rules.join('\n')}\n}\n`;
}
