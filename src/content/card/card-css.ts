/**
 * The card's look. It lives in the shadow root, so page CSS cannot reach it and none of it can
 * leak into the page. The colours are data so that a test can hold every text colour to WCAG
 * AA (4.5:1) against the background it sits on, in both themes.
 */
export const CARD_PALETTE = {
  light: {
    bg: '#ffffff',
    text: '#202122',
    muted: '#54595d',
    accent: '#2a5bb8',
    chipBg: '#eef3fc',
    chipText: '#24519f',
    border: '#c8ccd1',
    /** The card's outer edge: 3:1 on a white page, where a soft shadow alone hardly shows. */
    edge: '#858a90',
    shadow: '0 6px 24px rgba(0, 0, 0, 0.14), 0 1px 3px rgba(0, 0, 0, 0.12)',
    /** Above the foot, while more of the card is scrolled out of view below it. */
    more: 'rgba(0, 0, 0, 0.18)',
  },
  dark: {
    bg: '#1e2024',
    text: '#eaecf0',
    muted: '#a7aeb8',
    accent: '#8fb0ff',
    chipBg: '#2a3243',
    chipText: '#b9cbff',
    border: '#737a85',
    edge: '#737a85',
    shadow: '0 6px 24px rgba(0, 0, 0, 0.5), 0 1px 3px rgba(0, 0, 0, 0.4)',
    more: 'rgba(0, 0, 0, 0.6)',
  },
} as const;

export type CardTheme = keyof typeof CARD_PALETTE;

function themeVars(theme: CardTheme): string {
  return Object.entries(CARD_PALETTE[theme])
    .map(([name, value]) => `--tl-${name}: ${value};`)
    .join(' ');
}

/**
 * `:host` rules with `!important` win over the page's `!important` rules on the host (the
 * shadow tree's important rules come later in the cascade); the host's inline style says the
 * same for browsers that disagree.
 */
export function cardCss(): string {
  return `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  pointer-events: none !important;
  visibility: visible !important;
  opacity: 1 !important;
  zoom: var(--termlight-unzoom, 1) !important;
}
@media print { :host { display: none !important; } }
.card {
  ${themeVars('light')}
  position: fixed;
  top: 0;
  left: 0;
  box-sizing: border-box;
  width: max-content;
  min-width: 220px;
  max-width: 360px;
  overflow-y: auto;
  overscroll-behavior: contain;
  padding: 12px 16px 0;
  background: var(--tl-bg);
  color: var(--tl-text);
  border: 1px solid var(--tl-edge);
  border-radius: 8px;
  box-shadow: var(--tl-shadow);
  font: 400 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  text-align: start;
  overflow-wrap: anywhere;
  pointer-events: auto;
  cursor: auto;
  color-scheme: light;
  animation: tl-in 120ms ease-out;
  display: flex;
  flex-direction: column;
}
/*
 * A card too tall for its room (a short window, a page zoomed in) scrolls: its parts keep their
 * height, and the foot stays in view at the bottom, with a shadow while there is more above it.
 */
.card > * { flex: none; }
.card:not(:has(> .foot)) { padding-bottom: 10px; }
/*
 * More/Less stays under the pointer that pressed it: the notes open on the side of the button
 * away from the term, since the card grows away from the term. Below the term that is after the
 * button; above it, before.
 */
.card[data-placement='above'] > .notes { order: 1; }
.card[data-placement='above'] > .more,
.card[data-placement='above'] > .related,
.card[data-placement='above'] > .foot { order: 2; }
.card[data-theme='dark'] { ${themeVars('dark')} color-scheme: dark; }
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--tl-accent); outline-offset: -2px; }
@keyframes tl-in { from { opacity: 0; transform: translateY(2px); } }
@media (prefers-reduced-motion: reduce) { .card { animation: none; } }
@media (forced-colors: active) { .card { border-color: CanvasText; } }
.card * { box-sizing: border-box; margin: 0; }
/* Select all and copy on the page takes the page's text, never the card's. */
.card, .card * { -webkit-user-select: none; user-select: none; }
.head { display: flex; align-items: baseline; gap: 10px; }
.term { flex: 1 1 auto; font-size: 16px; font-weight: 600; line-height: 1.3; }
.category {
  flex: none;
  color: var(--tl-muted);
  font-size: 11px;
  font-weight: 600;
  letter-spacing: 0.06em;
  text-transform: uppercase;
}
.aliases { margin-top: 2px; color: var(--tl-muted); font-size: 13px; }
.definition { margin-top: 8px; }
.notes p { margin-top: 8px; }
.notes .notes-source { font-size: 12px; color: var(--tl-muted); font-style: italic; }
button {
  font: inherit;
  color: var(--tl-accent);
  background: none;
  border: 0;
  padding: 0;
  cursor: pointer;
  text-align: inherit;
}
button:hover { text-decoration: underline; }
button:focus-visible { outline: 2px solid var(--tl-accent); outline-offset: 2px; border-radius: 3px; }
.more { align-self: flex-start; margin-top: 6px; font-size: 13px; }
.chevron { display: inline-block; width: 1em; line-height: 1; text-align: center; transition: transform 120ms; }
.more[aria-expanded='true'] .chevron { transform: rotate(90deg); }
/* It points at the notes, wherever they opened. */
.card[data-placement='above'] .more[aria-expanded='true'] .chevron { transform: rotate(-90deg); }
@media (prefers-reduced-motion: reduce) { .chevron { transition: none; } }
.related { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 10px; }
.related-label { color: var(--tl-muted); font-size: 13px; margin-inline-end: 2px; }
.related ul { display: contents; list-style: none; padding: 0; }
.chip {
  font-size: 13px;
  line-height: 1.3;
  padding: 2px 8px;
  border-radius: 999px;
  background: var(--tl-chipBg);
  color: var(--tl-chipText);
}
.foot {
  display: flex;
  flex-wrap: wrap;
  justify-content: space-between;
  align-items: baseline;
  gap: 4px 12px;
  margin-top: 10px;
  padding: 8px 0 10px;
  border-top: 1px solid var(--tl-border);
  font-size: 12.5px;
  position: sticky;
  bottom: 0;
  background: var(--tl-bg);
}
.card[data-more] > .foot { box-shadow: 0 -8px 8px -6px var(--tl-more); }
/* With room for little more than the foot, the definition comes first: the foot scrolls too. */
.card[data-cramped] > .foot { position: static; box-shadow: none; }
.card[data-cramped][data-more] { box-shadow: var(--tl-shadow), inset 0 -10px 8px -8px var(--tl-more); }
.source { color: var(--tl-muted); }
.lookup-label { margin-top: 10px; color: var(--tl-muted); font-size: 13px; }
.picks { list-style: none; padding: 0; margin-top: 2px; }
.pick { display: block; width: 100%; padding: 5px 0; }
.picks li + li { border-top: 1px solid var(--tl-border); }
.pick:hover { text-decoration: none; }
.pick:hover .pick-term { text-decoration: underline; }
.pick-term { display: block; font-weight: 600; line-height: 1.35; }
.pick-definition { display: block; color: var(--tl-muted); font-size: 13px; line-height: 1.4; }
.none { margin-top: 8px; color: var(--tl-muted); }
.visually-hidden {
  position: fixed !important;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
`;
}
