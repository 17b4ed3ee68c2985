/**
 * Small composable checks for settings values. A check always yields a usable value (the
 * fallback when the input is unusable) plus the problems it met, so the same checks serve stored
 * settings (fall back and warn) and imported files (refuse on any `invalid` problem).
 */

export interface Problem {
  /** Where the problem is, as the user would write it: `siteRules.patterns[2]`. */
  path: string;
  /** `invalid`: unusable, replaced or left out. `adjusted`: usable after a small change. */
  kind: 'invalid' | 'adjusted';
  /** What is wrong, to follow the path: `should be true or false, not "yes"`. */
  message: string;
  /** What was done about it when falling back: `used the default true`, `left it out`. */
  outcome: string;
}

export interface Checked<T> {
  value: T;
  problems: Problem[];
}

export type Check<T> = (raw: unknown, fallback: T, path: string) => Checked<T>;

export function isPlainObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** A short, safe description of any value for messages. */
export function describe(raw: unknown): string {
  if (raw === undefined) return 'nothing';
  if (Array.isArray(raw)) return 'a list';
  if (typeof raw === 'object') return raw === null ? 'null' : 'an object';
  if (typeof raw === 'string') {
    const quoted = JSON.stringify(raw);
    return quoted.length > 40 ? `${quoted.slice(0, 36)}…"` : quoted;
  }
  return String(raw);
}

function invalid<T>(fallback: T, path: string, expected: string, raw: unknown): Checked<T> {
  return {
    value: fallback,
    problems: [
      {
        path,
        kind: 'invalid',
        message: `should be ${expected}, not ${describe(raw)}`,
        outcome: typeof fallback === 'object' ? 'used the default' : `used the default ${describe(fallback)}`,
      },
    ],
  };
}

export const flag: Check<boolean> = (raw, fallback, path) =>
  typeof raw === 'boolean' ? { value: raw, problems: [] } : invalid(fallback, path, 'true or false', raw);

export function oneOf<T extends string>(options: readonly T[]): Check<T> {
  const expected = `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`;
  return (raw, fallback, path) =>
    options.includes(raw as T) ? { value: raw as T, problems: [] } : invalid(fallback, path, expected, raw);
}

/** Whole numbers in `[min, max]`; fractions are rounded and outliers clamped, not refused. */
export function wholeNumber(min: number, max: number): Check<number> {
  return (raw, fallback, path) => {
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      return invalid(fallback, path, `a number from ${min} to ${max}`, raw);
    }
    const value = Math.min(max, Math.max(min, Math.round(raw)));
    if (value === raw) return { value, problems: [] };
    const reason = raw > max ? `more than ${max}` : raw < min ? `less than ${min}` : 'not a whole number';
    const message = `was ${raw}, ${reason}`;
    return { value, problems: [{ path, kind: 'adjusted', message, outcome: `used ${value}` }] };
  };
}

/**
 * A list of strings. `clean` turns one item into its stored form or says why it is unusable;
 * unusable items are left out and repeats are dropped.
 */
export function stringList(
  clean: (item: string) => { ok: true; value: string } | { ok: false; error: string },
): Check<readonly string[]> {
  return (raw, fallback, path) => {
    if (!Array.isArray(raw)) return invalid(fallback, path, 'a list', raw);
    const value: string[] = [];
    const problems: Problem[] = [];
    raw.forEach((item: unknown, index) => {
      const itemPath = `${path}[${index}]`;
      const result = typeof item === 'string' ? clean(item) : { ok: false as const, error: 'should be text' };
      if (!result.ok) {
        const message = `${result.error}, not ${describe(item)}`;
        problems.push({ path: itemPath, kind: 'invalid', message, outcome: 'left it out' });
      } else if (value.includes(result.value)) {
        const message = `repeats ${describe(result.value)}`;
        problems.push({ path: itemPath, kind: 'adjusted', message, outcome: 'kept one copy' });
      } else {
        if (result.value !== item) {
          const outcome = `stored ${describe(result.value)}`;
          problems.push({ path: itemPath, kind: 'adjusted', message: `was ${describe(item)}`, outcome });
        }
        value.push(result.value);
      }
    });
    return { value, problems };
  };
}

/** An object of named fields; missing fields take their fallback quietly. */
export function record<T extends object>(fields: { [K in keyof T]: Check<T[K]> }): Check<T> {
  return (raw, fallback, path) => {
    if (!isPlainObject(raw)) return invalid(fallback, path, 'an object', raw);
    const value: { -readonly [K in keyof T]?: T[K] } = {};
    const problems: Problem[] = [];
    for (const key of Object.keys(fields) as (keyof T & string)[]) {
      if (!Object.hasOwn(raw, key)) {
        value[key] = fallback[key];
        continue;
      }
      const checked = fields[key](raw[key], fallback[key], path ? `${path}.${key}` : key);
      value[key] = checked.value;
      problems.push(...checked.problems);
    }
    for (const key of Object.keys(raw)) {
      if (Object.hasOwn(fields, key)) continue;
      const keyPath = path ? `${path}.${key}` : key;
      const message = 'is not a Termlight setting';
      problems.push({ path: keyPath, kind: 'adjusted', message, outcome: 'ignored it' });
    }
    return { value: value as T, problems };
  };
}
