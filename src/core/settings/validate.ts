/**
 * Checking settings from outside the code: storage (which another device, an older version or a
 * bug may have written) and imported files.
 */

import { describe, flag, isPlainObject, oneOf, record, stringList, wholeNumber } from './checks';
import type { Check, CleanItem, Problem } from './checks';
import {
  HIGHLIGHT_COLORS,
  HIGHLIGHT_STYLES,
  LIMITS,
  MODIFIER_KEYS,
  OCCURRENCE_MODES,
  SITE_RULE_MODES,
  THEMES,
  TRIGGERS,
  defaults,
} from './defaults';
import type { Settings } from './defaults';
import { settingsEnglish } from './problem-text';
import type { SettingsPhrase } from './problem-text';
import { normalizeSitePattern, patternKey } from './site-rules';

const sitePattern: CleanItem = (item) => {
  const result = normalizeSitePattern(item);
  if (result.ok) return { ok: true, value: result.pattern };
  return { ok: false, detail: { code: 'settingNotSite', params: [describe(item), result.error] } };
};

const packId: CleanItem = (item) =>
  /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(item)
    ? { ok: true, value: item }
    : { ok: false, detail: { code: 'settingNotGlossaryId', params: [describe(item)] } };

/** One check per setting: leaving one out is a compile error. */
const checkSettingsObject: Check<Settings> = record<Settings>({
  enabled: flag,
  siteRules: record({ mode: oneOf(SITE_RULE_MODES), patterns: stringList(sitePattern, patternKey) }),
  highlightStyle: oneOf(HIGHLIGHT_STYLES),
  highlightColor: oneOf(HIGHLIGHT_COLORS),
  theme: oneOf(THEMES),
  hoverDelayMs: wholeNumber(LIMITS.hoverDelayMs.min, LIMITS.hoverDelayMs.max),
  hideDelayMs: wholeNumber(LIMITS.hideDelayMs.min, LIMITS.hideDelayMs.max),
  trigger: oneOf(TRIGGERS),
  modifierKey: oneOf(MODIFIER_KEYS),
  occurrences: oneOf(OCCURRENCE_MODES),
  contextGate: record({
    enabled: flag,
    threshold: wholeNumber(LIMITS.contextGateThreshold.min, LIMITS.contextGateThreshold.max),
  }),
  skipCode: flag,
  showBadge: flag,
  disabledGlossaries: stringList(packId),
});

/**
 * Every problem found, for callers that decide for themselves what is fatal (imports). Settings
 * `raw` leaves out take their value from `base`: the defaults for storage, which keeps only
 * changed settings, and the current settings for an import, which must not undo what it does not name.
 */
export function checkSettings(raw: unknown, base: Settings = defaults): { settings: Settings; problems: Problem[] } {
  const { value, problems } = checkSettingsObject(raw, base, []);
  return { settings: value, problems };
}

/**
 * Settings as stored: anything unusable falls back to its default, and each fallback or
 * adjustment is reported as a warning for the console. Missing keys are normal (only changed
 * settings are stored) and take their defaults silently.
 */
export function validateSettings(raw: unknown): { settings: Settings; warnings: string[] } {
  if (raw === undefined || raw === null) return { settings: defaults, warnings: [] };
  if (!isPlainObject(raw)) {
    const warning = `Stored settings were ${describeKind(raw)}, not an object: used the defaults`;
    return { settings: defaults, warnings: [warning] };
  }
  const { settings, problems } = checkSettings(raw);
  return { settings, warnings: problems.map(formatWarning) };
}

/**
 * A problem with its outcome as one line: `Setting "theme" should be one of …: used the default "auto"`,
 * or `Line 4, setting "theme": …` when it came from a file.
 */
export function warningPhrase(problem: Problem): SettingsPhrase<'settingFixed' | 'settingFixedAt'> {
  const { line, path, outcome } = problem;
  return line === undefined
    ? { code: 'settingFixed', params: [path, problem, outcome] }
    : { code: 'settingFixedAt', params: [line, path, problem, outcome] };
}

/** A problem that refuses an import, as one line: `Line 3, setting "enabled": should be true or false, not 1`. */
export function errorPhrase(problem: Problem): SettingsPhrase<'settingWrong' | 'settingWrongAt'> {
  const { line, path } = problem;
  return line === undefined
    ? { code: 'settingWrong', params: [path, problem] }
    : { code: 'settingWrongAt', params: [line, path, problem] };
}

export function formatWarning(problem: Problem): string {
  return settingsEnglish(warningPhrase(problem));
}

export function formatError(problem: Problem): string {
  return settingsEnglish(errorPhrase(problem));
}

function describeKind(raw: unknown): string {
  return Array.isArray(raw) ? 'a list' : `a ${typeof raw}`;
}
