/**
 * The settings file users export and import. Unlike stored settings, an import is all or
 * nothing: a value of the wrong type refuses the whole file, because silently replacing what
 * the user wrote with a default would import something they did not ask for. Small fixes
 * (a delay clamped into range, a repeated site) are made and reported as warnings.
 */

import { findJsonSyntaxError } from '../json';
import { describe, isPlainObject } from './checks';
import type { Problem } from './checks';
import type { Settings } from './defaults';
import { SETTINGS_VERSION, migrateValues } from './migrations';
import { settingsEnglish } from './problem-text';
import type { FileRefusal, SettingsPhrase } from './problem-text';
import { checkSettings, errorPhrase } from './validate';

/** Why an import was refused: the file as a whole, or one line per wrong setting. */
export type ImportReason = FileRefusal | SettingsPhrase<'settingWrong'>;

export type SettingsImport =
  /** `warnings`: the small fixes made (see `warningPhrase`). */
  | { ok: true; settings: Settings; warnings: Problem[] }
  /** `reasons` for the pages to translate; `error`: the same in English, a line each. */
  | { ok: false; reasons: ImportReason[]; error: string };

/** Complete settings, not just the changed ones: the file should mean the same on any version. */
export function exportSettings(settings: Settings): string {
  return `${JSON.stringify({ termlight: 'settings', version: SETTINGS_VERSION, settings }, null, 2)}\n`;
}

export function parseSettingsImport(text: string): SettingsImport {
  // Some editors save a byte-order mark, which JSON.parse rejects.
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return refuse({ code: 'settingsFileEmpty', params: [] });
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return refuse(syntaxReason(text));
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

  const { settings, problems } = checkSettings(migrateValues(raw, version).values);
  const errors = problems.filter((problem) => problem.kind === 'invalid').map(errorPhrase);
  if (errors.length > 0) return refuse(...errors);
  return { ok: true, settings, warnings: problems };
}

function refuse(...reasons: ImportReason[]): SettingsImport {
  return { ok: false, reasons, error: reasons.map(settingsEnglish).join('\n') };
}

function syntaxReason(text: string): FileRefusal {
  const found = findJsonSyntaxError(text);
  if (!found) return { code: 'settingsFileNotJson', params: [] };
  return { code: 'settingsFileSyntax', params: [found.line, found.column, found.detail] };
}
