/**
 * Small composable checks for settings values. A check always yields a usable value (the
 * fallback when the input is unusable) plus the problems it met, so the same checks serve stored
 * settings (fall back and warn) and imported files (refuse on any `invalid` problem).
 */

import { settingsEnglish } from './problem-text';
import type { ProblemDetail, ProblemOutcome, Shown } from './problem-text';

/** What is wrong (`code` and `params`, see `problem-text.ts`), where, and what was done about it. */
export type Problem = ProblemDetail & {
  /** Where the problem is, as the user would write it: `siteRules.patterns[2]`. */
  path: string;
  /** The same as keys and list indexes, to find it in a file: `['siteRules', 'patterns', 2]`. */
  at: Path;
  /** The line of the file it came from, when it came from a file and the line is known. */
  line?: number;
  /** `invalid`: unusable, replaced or left out. `adjusted`: usable after a small change. */
  kind: 'invalid' | 'adjusted';
  /** The detail in English, to follow the path: `should be true or false, not "yes"`. */
  message: string;
  /** What was done about it when falling back: `used the default true`, `left it out`. */
  outcome: ProblemOutcome;
};

export interface Checked<T> {
  value: T;
  problems: Problem[];
}

/** Keys and list indexes from the top of the settings down to a value. */
export type Path = readonly (string | number)[];

export type Check<T> = (raw: unknown, fallback: T, path: Path) => Checked<T>;

/** A path as the user would write it: `siteRules.patterns[2]`. */
export function pathText(path: Path): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
}

export function isPlainObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** A short, safe description of any value for messages: a literal as JSON writes it, or its kind. */
export function describe(raw: unknown): Shown {
  if (raw === undefined) return { code: 'settingValueNothing', params: [] };
  if (Array.isArray(raw)) return { code: 'settingValueList', params: [] };
  if (typeof raw === 'object') return raw === null ? 'null' : { code: 'settingValueObject', params: [] };
  if (typeof raw === 'string') {
    const quoted = JSON.stringify(raw);
    return quoted.length > 40 ? `${quoted.slice(0, 36)}…"` : quoted;
  }
  return String(raw);
}

function problem(at: Path, kind: Problem['kind'], detail: ProblemDetail, outcome: ProblemOutcome): Problem {
  return { path: pathText(at), at, kind, ...detail, message: settingsEnglish(detail), outcome };
}

function invalid<T>(fallback: T, path: Path, detail: ProblemDetail): Checked<T> {
  const outcome: ProblemOutcome =
    typeof fallback === 'object'
      ? { code: 'settingUsedDefault', params: [] }
      : { code: 'settingUsedDefaultValue', params: [describe(fallback)] };
  return { value: fallback, problems: [problem(path, 'invalid', detail, outcome)] };
}

export const flag: Check<boolean> = (raw, fallback, path) =>
  typeof raw === 'boolean'
    ? { value: raw, problems: [] }
    : invalid(fallback, path, { code: 'settingNotTrueOrFalse', params: [describe(raw)] });

export function oneOf<T extends string>(options: readonly T[]): Check<T> {
  const listed = options.map((o) => JSON.stringify(o)).join(', ');
  return (raw, fallback, path) =>
    options.includes(raw as T)
      ? { value: raw as T, problems: [] }
      : invalid(fallback, path, { code: 'settingNotOneOf', params: [listed, describe(raw)] });
}

/** Whole numbers in `[min, max]`; fractions are rounded and outliers clamped, not refused. */
export function wholeNumber(min: number, max: number): Check<number> {
  return (raw, fallback, path) => {
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      return invalid(fallback, path, { code: 'settingNotInRange', params: [min, max, describe(raw)] });
    }
    const value = Math.min(max, Math.max(min, Math.round(raw)));
    if (value === raw) return { value, problems: [] };
    const detail: ProblemDetail =
      raw > max
        ? { code: 'settingMoreThan', params: [raw, max] }
        : raw < min
          ? { code: 'settingLessThan', params: [raw, min] }
          : { code: 'settingNotWhole', params: [raw] };
    return { value, problems: [problem(path, 'adjusted', detail, { code: 'settingUsed', params: [value] })] };
  };
}

export type CleanItem = (item: string) => { ok: true; value: string } | { ok: false; detail: ProblemDetail };

/**
 * A list of strings. `clean` turns one item into its stored form or says why it is unusable;
 * unusable items are left out and repeats are dropped. `sameAs` gives the form items are
 * compared in, where two stored forms can mean one thing (`bücher.de`, `xn--bcher-kva.de`).
 */
export function stringList(clean: CleanItem, sameAs: (value: string) => string = (value) => value): Check<readonly string[]> {
  return (raw, fallback, path) => {
    if (!Array.isArray(raw)) return invalid(fallback, path, { code: 'settingNotList', params: [describe(raw)] });
    const value: string[] = [];
    const seen = new Set<string>();
    const problems: Problem[] = [];
    raw.forEach((item: unknown, index) => {
      const itemPath = [...path, index];
      const notText: ProblemDetail = { code: 'settingNotText', params: [describe(item)] };
      const result = typeof item === 'string' ? clean(item) : { ok: false as const, detail: notText };
      if (!result.ok) {
        problems.push(problem(itemPath, 'invalid', result.detail, { code: 'settingLeftOut', params: [] }));
      } else if (seen.has(sameAs(result.value))) {
        const detail: ProblemDetail = { code: 'settingRepeats', params: [describe(result.value)] };
        problems.push(problem(itemPath, 'adjusted', detail, { code: 'settingKeptOne', params: [] }));
      } else {
        if (result.value !== item) {
          const detail: ProblemDetail = { code: 'settingWas', params: [describe(item)] };
          const outcome: ProblemOutcome = { code: 'settingStored', params: [describe(result.value)] };
          problems.push(problem(itemPath, 'adjusted', detail, outcome));
        }
        value.push(result.value);
        seen.add(sameAs(result.value));
      }
    });
    return { value, problems };
  };
}

/**
 * An object of named fields; missing fields take their fallback quietly, so an import can pass
 * the current settings as the fallback and keep whatever the file leaves out.
 */
export function record<T extends object>(fields: { [K in keyof T]: Check<T[K]> }): Check<T> {
  return (raw, fallback, path) => {
    if (!isPlainObject(raw)) return invalid(fallback, path, { code: 'settingNotObject', params: [describe(raw)] });
    const value: { -readonly [K in keyof T]?: T[K] } = {};
    const problems: Problem[] = [];
    for (const key of Object.keys(fields) as (keyof T & string)[]) {
      if (!Object.hasOwn(raw, key)) {
        value[key] = fallback[key];
        continue;
      }
      const checked = fields[key](raw[key], fallback[key], [...path, key]);
      value[key] = checked.value;
      problems.push(...checked.problems);
    }
    for (const key of Object.keys(raw)) {
      if (Object.hasOwn(fields, key)) continue;
      const keyPath = [...path, key];
      const unknown: ProblemDetail = { code: 'settingUnknown', params: [] };
      problems.push(problem(keyPath, 'adjusted', unknown, { code: 'settingIgnored', params: [] }));
    }
    return { value: value as T, problems };
  };
}
