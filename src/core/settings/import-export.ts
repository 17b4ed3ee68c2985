/**
 * The settings file users export and import. Unlike stored settings, an import is all or
 * nothing: a value of the wrong type refuses the whole file, because silently replacing what
 * the user wrote with a default would import something they did not ask for. Small fixes
 * (a delay clamped into range, a repeated site) are made and reported as warnings. Settings
 * the file does not name keep their current values: a hand-written file of two settings must
 * not empty the site list. An export names every setting, so importing one restores them all.
 */

import { fieldsOf, parseJson, positionFinder } from '../json';
import type { JsonNode } from '../json';
import { describe, isPlainObject } from './checks';
import type { Path, Problem } from './checks';
import { defaults } from './defaults';
import type { Settings } from './defaults';
import { SETTINGS_VERSION, migrateValues } from './migrations';
import { settingsEnglish } from './problem-text';
import type { FileRefusal, SettingsPhrase } from './problem-text';
import { checkSettings, errorPhrase } from './validate';

/** Why an import was refused: the file as a whole, or one line per wrong setting. */
export type ImportReason = FileRefusal | SettingsPhrase<'settingWrong' | 'settingWrongAt'>;

export type SettingsImport =
  /**
   * `warnings`: the small fixes made (see `warningPhrase`). `kept`: the settings the file did
   * not name, which keep their current values (`theme`, `contextGate.threshold`).
   */
  | { ok: true; settings: Settings; warnings: Problem[]; kept: string[] }
  /** `reasons` for the pages to translate; `error`: the same in English, a line each. */
  | { ok: false; reasons: ImportReason[]; error: string };

/** Complete settings, not just the changed ones: the file should mean the same on any version. */
export function exportSettings(settings: Settings): string {
  return `${JSON.stringify({ termlight: 'settings', version: SETTINGS_VERSION, settings }, null, 2)}\n`;
}

/** Reads a settings file over `current`, the settings in use, which fill in what it leaves out. */
export function parseSettingsImport(text: string, current: Settings): SettingsImport {
  const tree = parseJson(text);
  if (!tree.ok) {
    const { code } = tree.error.detail;
    if (code === 'jsonEmpty') return refuse({ code: 'settingsFileEmpty', params: [] });
    const { line, column, detail } = tree.error;
    return refuse({ code: 'settingsFileSyntax', params: [line, column, detail] });
  }
  let data: unknown;
  try {
    // The tree has the positions; JSON.parse gives the values, with its own reading of a key
    // written twice (the last one counts) and of odd keys such as "__proto__".
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return refuse({ code: 'settingsFileNotJson', params: [] });
  }

  if (!isPlainObject(data) || data.termlight !== 'settings') {
    return refuse({ code: 'settingsFileOtherKind', params: [] });
  }
  const { version, settings: raw } = data;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return refuse({ code: 'settingsFileBadVersion', params: [describe(version)] });
  }
  if (version > SETTINGS_VERSION) {
    return refuse({ code: 'settingsFileNewer', params: [version, SETTINGS_VERSION] });
  }
  if (!isPlainObject(raw)) return refuse({ code: 'settingsFileNotObject', params: [describe(raw)] });

  const values = migrateValues(raw, version).values;
  const lineOf = lineFinder(text, tree.root);
  // The site rules' mode and list mean something only together ("only" these sites, or "all
  // except" them): a file that names the rules is read whole, a half it leaves out taken from the
  // defaults, never joined to the other half of the rules in use.
  const base = isPlainObject(values.siteRules) ? { ...current, siteRules: defaults.siteRules } : current;
  const { settings, problems } = checkSettings(values, base);
  // In file order, as the reader goes through the file to fix it; those without a line last.
  const placed = problems
    .map((problem) => {
      const line = lineOf(problem.at);
      return line === undefined ? problem : { ...problem, line };
    })
    .sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  const errors = placed.filter((problem) => problem.kind === 'invalid').map(errorPhrase);
  if (errors.length > 0) return refuse(...errors);
  return { ok: true, settings, warnings: placed, kept: unnamed(values, defaults, '') };
}

/** Settings read whole when named: nothing of the ones in use is kept inside them. */
const WHOLE = new Set(['siteRules']);

/** The paths of the settings `raw` leaves out, looking inside the nested objects it names. */
function unnamed(raw: Record<string, unknown>, shape: object, prefix: string): string[] {
  return Object.entries(shape).flatMap(([key, fallback]) => {
    const path = `${prefix}${key}`;
    if (!Object.hasOwn(raw, key)) return [path];
    const value = raw[key];
    const nested = !WHOLE.has(path) && isPlainObject(fallback) && isPlainObject(value);
    return nested ? unnamed(value, fallback, `${path}.`) : [];
  });
}

/**
 * The line of the file a setting's path leads to, or undefined where the file does not hold it
 * as written (a setting an old file's migration renamed). A key's own line, not its value's:
 * a wrong object or list starts there.
 */
function lineFinder(text: string, root: JsonNode): (path: Path) => number | undefined {
  const lineAt = positionFinder(text);
  const settings = lastField(root, 'settings')?.value;
  return (path) => {
    let node = settings;
    let offset = node?.offset;
    for (const step of path) {
      if (node === undefined) return undefined;
      if (typeof step === 'number') {
        node = node.type === 'array' ? node.children?.[step] : undefined;
        offset = node?.offset;
      } else {
        const field = lastField(node, step);
        node = field?.value;
        offset = field?.keyNode.offset;
      }
    }
    return node === undefined || offset === undefined ? undefined : lineAt(offset).line;
  };
}

/** JSON.parse keeps the last of a key written twice, so its line is the one to name. */
function lastField(node: JsonNode, key: string) {
  return node.type === 'object' ? fieldsOf(node).findLast((field) => field.key === key) : undefined;
}

function refuse(...reasons: ImportReason[]): SettingsImport {
  return { ok: false, reasons, error: reasons.map(settingsEnglish).join('\n') };
}
