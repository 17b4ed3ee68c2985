import { HIGHLIGHT_PALETTE, type Theme } from '../core/settings/defaults';

/**
 * Colours of the extension pages. Data rather than CSS so a test can hold every text colour to
 * WCAG AA (4.5:1) and every control outline to 3:1 against the surfaces they sit on.
 */
export const UI_PALETTE = {
  light: {
    page: '#f4f5f8',
    surface: '#ffffff',
    raised: '#eef1f6',
    text: '#1c1f25',
    muted: '#575e6b',
    border: '#d8dce3',
    /** Outlines of controls that must be seen to be used (switch track, inputs). */
    control: '#7a8190',
    accent: '#2355b5',
    onAccent: '#ffffff',
    accentSoft: '#e6eefc',
    danger: '#b3261e',
    dangerSoft: '#fdeceb',
    success: '#1d6b3a',
    shadow: '0 1px 2px rgba(16, 24, 40, 0.06), 0 1px 3px rgba(16, 24, 40, 0.08)',
  },
  dark: {
    page: '#131519',
    surface: '#1c1f24',
    raised: '#262a31',
    text: '#e8eaee',
    muted: '#a5acb8',
    border: '#343a43',
    control: '#7c8492',
    accent: '#8fb0ff',
    onAccent: '#0d1830',
    accentSoft: '#24324d',
    danger: '#ff9a8f',
    dangerSoft: '#3a2220',
    success: '#7fd69b',
    shadow: '0 1px 2px rgba(0, 0, 0, 0.4)',
  },
} as const;

export type UiTone = keyof typeof UI_PALETTE;

function vars(tone: UiTone): string {
  const colours = Object.entries(UI_PALETTE[tone]).map(([name, value]) => `--${name}: ${value};`);
  // Highlight previews use the shade the content script would use on a page of this tone.
  const marks = Object.entries(HIGHLIGHT_PALETTE).map(([name, shades]) => `--hl-${name}: ${shades[tone]};`);
  return [...colours, ...marks, `color-scheme: ${tone};`].join(' ');
}

/** The palette as custom properties: `auto` (no `data-theme`) follows the system. */
export function paletteCss(): string {
  return [
    `:root { ${vars('light')} }`,
    `:root[data-theme='dark'] { ${vars('dark')} }`,
    `@media (prefers-color-scheme: dark) { :root:not([data-theme='light']) { ${vars('dark')} } }`,
  ].join('\n');
}

const CACHE_KEY = 'termlight-theme';

/**
 * Puts the palette in the page and applies a theme. The last theme is remembered in the page's
 * own storage so the next open paints in it at once, before settings have loaded.
 */
export function applyTheme(doc: Document, theme: Theme | null): void {
  if (!doc.getElementById('termlight-palette')) {
    const style = doc.createElement('style');
    style.id = 'termlight-palette';
    style.textContent = paletteCss();
    doc.head.prepend(style);
  }
  let chosen = theme;
  try {
    if (chosen === null) chosen = (localStorage.getItem(CACHE_KEY) as Theme | null) ?? 'auto';
    else localStorage.setItem(CACHE_KEY, chosen);
  } catch {
    chosen ??= 'auto'; // storage can be blocked; the theme still applies for this visit
  }
  if (chosen === 'light' || chosen === 'dark') doc.documentElement.dataset.theme = chosen;
  else delete doc.documentElement.dataset.theme;
}
