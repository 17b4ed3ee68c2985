/**
 * Every setting Termlight has, with its default. `Settings` is derived from this one object, so
 * adding a setting means adding it here and giving it a check in `validate.ts` (the compiler
 * insists on the second).
 */

export const SITE_RULE_MODES = ['all-except', 'only'] as const;
export type SiteRuleMode = (typeof SITE_RULE_MODES)[number];

export const HIGHLIGHT_STYLES = ['dotted', 'solid', 'tint', 'none'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

/**
 * The highlight colours. A closed set because the content CSS ships one rule per colour; each has
 * a shade for light pages and one for dark pages, both at least 3:1 against the page (the WCAG
 * contrast for non-text marks; a test holds this).
 */
export const HIGHLIGHT_PALETTE = {
  blue: { light: '#1f5fcc', dark: '#6ea8ff' },
  violet: { light: '#6d3fd1', dark: '#b49bff' },
  green: { light: '#1c7a3e', dark: '#5fd38d' },
  amber: { light: '#a35200', dark: '#f5b83d' },
  rose: { light: '#c4264f', dark: '#ff86a3' },
  gray: { light: '#555b66', dark: '#a4abb6' },
} as const satisfies Record<string, { light: string; dark: string }>;
export type HighlightColor = keyof typeof HIGHLIGHT_PALETTE;
export const HIGHLIGHT_COLORS = Object.keys(HIGHLIGHT_PALETTE) as readonly HighlightColor[];

export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const TRIGGERS = ['hover', 'hover-modifier', 'click'] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** Named as `KeyboardEvent.key` names them, so the content script compares without a table. */
export const MODIFIER_KEYS = ['Alt', 'Control', 'Shift', 'Meta'] as const;
export type ModifierKey = (typeof MODIFIER_KEYS)[number];

export const OCCURRENCE_MODES = ['all', 'first'] as const;
export type OccurrenceMode = (typeof OCCURRENCE_MODES)[number];

/** Inclusive bounds for the numeric settings; stored values outside them are clamped. */
export const LIMITS = {
  hoverDelayMs: { min: 0, max: 2000 },
  hideDelayMs: { min: 0, max: 2000 },
  contextGateThreshold: { min: 1, max: 20 },
} as const;

export const defaults = deepFreeze({
  /** The main switch: off means no marks on any page. */
  enabled: true,
  /** `all-except`: on everywhere but `patterns`; `only`: on just there. */
  siteRules: { mode: 'all-except' as SiteRuleMode, patterns: [] as string[] },
  highlightStyle: 'dotted' as HighlightStyle,
  highlightColor: 'blue' as HighlightColor,
  /** Colours of the card and the extension's own pages. */
  theme: 'auto' as Theme,
  hoverDelayMs: 300,
  hideDelayMs: 300,
  trigger: 'hover' as Trigger,
  /** Held with the pointer when `trigger` is `hover-modifier`. */
  modifierKey: 'Alt' as ModifierKey,
  /** Mark every occurrence of a term, or only its first on the page. */
  occurrences: 'all' as OccurrenceMode,
  /**
   * Context-gated terms (common words like "alignment") are marked only when the page holds at
   * least `threshold` distinct unambiguous glossary terms.
   */
  contextGate: { enabled: true, threshold: 2 },
  /** Leave `code` and `pre` alone: identifiers there are rarely the jargon meant. */
  skipCode: true,
  /** Show the number of marked terms on the toolbar button. */
  showBadge: true,
  /** Ids of glossary packs the user turned off; every pack is on by default. */
  disabledGlossaries: [] as string[],
});

/** Settings are values: code makes changed copies, never edits one in place. */
export type Settings = typeof defaults;
export type SettingKey = keyof Settings;

export type DeepReadonly<T> = T extends readonly (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value as DeepReadonly<T>;
}
