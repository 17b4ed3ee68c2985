/**
 * What a page draws behind its text, for choosing colours that read on it: the card's theme and
 * the marks' shade. Shared by the card and the engine, which otherwise do not meet.
 */

/** Ancestors looked at for a background: wrappers are rarely nested deeper than this. */
const DEPTH = 32;

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

/**
 * The luminance of the background drawn behind `node`: the first mostly opaque background of
 * its element or an element around it (across shadow roots), up to the page's root. A dark
 * wrapper `<div>` on a page whose body paints nothing counts. Null when nothing paints one: the
 * browser's canvas shows.
 */
export function backdropLuminance(node: Node | null, view: Window): number | null {
  let el: Element | null = node && node.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
  for (let i = 0; el && i < DEPTH; i++) {
    const luminance = opaqueLuminance(view.getComputedStyle(el).backgroundColor);
    if (luminance !== null) return luminance;
    const root = el.parentElement ? null : el.getRootNode();
    el = el.parentElement ?? ((root as ShadowRoot | null)?.host ?? null);
  }
  return null;
}

/** Below this luminance a background reads as dark: the palettes' lighter shades read better on it. */
export const DARK_BELOW = 0.2;
