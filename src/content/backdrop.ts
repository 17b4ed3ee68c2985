import { composedParent } from './composed-tree';

/**
 * What a page draws behind its text, for choosing colours that read on it: the card's theme and
 * the marks' shade. Shared by the card and the engine, which otherwise do not meet.
 */

/** Ancestors looked at for a background: wrappers are rarely nested deeper than this. */
const DEPTH = 32;

/** Linear light of an sRGB channel from 0 to 1. */
const linear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);

/** A number of a CSS colour, `%` meaning a share of `whole`; NaN for `none` or anything else. */
const amount = (text: string | undefined, whole: number): number =>
  text === undefined ? Number.NaN : text.endsWith('%') ? (Number.parseFloat(text) / 100) * whole : Number(text);

/**
 * Relative luminance of a mostly opaque colour as browsers compute them: `rgb()`, and the
 * newer spaces a page may paint in (Tailwind 4 paints in `oklch()`), where the lightness gives
 * a close enough luminance for telling dark from light. Null for a see-through colour or any
 * other form.
 */
export function opaqueLuminance(color: string): number | null {
  const text = color.trim();
  const modern = /^(oklab|oklch|lab|lch|color)\(\s*([^)]*?)\s*\)$/i.exec(text);
  if (modern) return modernLuminance(modern[1]!.toLowerCase(), modern[2]!);
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(text);
  if (!m) return null;
  const alphaText = m[4];
  const alpha = alphaText === undefined
    ? 1
    : alphaText.endsWith('%') ? Number.parseFloat(alphaText) / 100 : Number(alphaText);
  if (!(alpha >= 0.5)) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => linear(Number(c) / 255)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function modernLuminance(space: string, args: string): number | null {
  const [values = '', alphaText] = args.split('/').map((part) => part.trim());
  const parts = values.split(/\s+/);
  const alpha = alphaText === undefined ? 1 : amount(alphaText, 1);
  if (!(alpha >= 0.5)) return null;
  let luminance: number;
  if (space === 'color') {
    // color(srgb r g b), or a wider space read as sRGB: near enough for dark or light. Linear
    // spaces are light already; XYZ gives luminance as its Y.
    const name = parts[0] ?? '';
    const [r, g, b] = parts.slice(1, 4).map((p) => amount(p, 1)) as [number, number, number];
    if (name.startsWith('xyz')) luminance = g;
    else if (name === 'srgb-linear') luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    else luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  } else if (space === 'oklab' || space === 'oklch') {
    luminance = amount(parts[0], 1) ** 3;
  } else {
    const l = amount(parts[0], 100);
    luminance = l > 8 ? ((l + 16) / 116) ** 3 : l / 903.3;
  }
  return Number.isFinite(luminance) ? Math.min(1, Math.max(0, luminance)) : null;
}

/**
 * The luminance of the background drawn behind `node`: the first mostly opaque background of
 * its element or an element around it (across shadow roots), up to the page's root. A dark
 * wrapper `<div>` on a page whose body paints nothing counts. A node no longer on the page (or
 * none) gives the page's own background. Null when nothing paints one: the browser's canvas
 * shows.
 */
export function backdropLuminance(node: Node | null, doc: Document): number | null {
  const view = doc.defaultView;
  if (!view) return null;
  let el = !node?.isConnected ? null : node.nodeType === 1 ? (node as Element) : composedParent(node);
  for (let i = 0; el && i < DEPTH; i++) {
    const luminance = opaqueLuminance(view.getComputedStyle(el).backgroundColor);
    if (luminance !== null) return luminance;
    el = composedParent(el);
  }
  // Past the wrappers looked at, or none painting: the page's own background, as before.
  for (const page of [doc.body, doc.documentElement]) {
    const luminance = page ? opaqueLuminance(view.getComputedStyle(page).backgroundColor) : null;
    if (luminance !== null) return luminance;
  }
  return null;
}

/** Below this luminance a background reads as dark: the palettes' lighter shades read better on it. */
export const DARK_BELOW = 0.2;
