/**
 * The settings file users export and import. Unlike stored settings, an import is all or
 * nothing: a value of the wrong type refuses the whole file, because silently replacing what
 * the user wrote with a default would import something they did not ask for. Small fixes
 * (a delay clamped into range, a repeated site) are made and reported as warnings.
 */

import { findJsonSyntaxError } from '../json';
import { describe, isPlainObject } from './checks';
import type { Settings } from './defaults';
import { SETTINGS_VERSION, migrateValues } from './migrations';
import { checkSettings, formatError, formatWarning } from './validate';

export type SettingsImport =
  | { ok: true; settings: Settings; warnings: string[] }
  | { ok: false; error: string };

/** Complete settings, not just the changed ones: the file should mean the same on any version. */
export function exportSettings(settings: Settings): string {
  return `${JSON.stringify({ termlight: 'settings', version: SETTINGS_VERSION, settings }, null, 2)}\n`;
}

export function parseSettingsImport(text: string): SettingsImport {
  // Some editors save a byte-order mark, which JSON.parse rejects.
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') return refuse('The file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return refuse(syntaxMessage(text));
  }

  if (!isPlainObject(data) || data.termlight !== 'settings') {
    return refuse('This is not a Termlight settings file: it has no "termlight": "settings" line.');
  }
  const { version, settings: raw } = data;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return refuse(`"version" should be a whole number, not ${describe(version)}.`);
  }
  if (version > SETTINGS_VERSION) {
    return refuse(
      `This file comes from a newer Termlight (settings version ${version}, this one reads up to ` +
        `${SETTINGS_VERSION}). Update Termlight, then import it again.`,
    );
  }
  if (!isPlainObject(raw)) return refuse(`"settings" should be an object, not ${describe(raw)}.`);

  const { settings, problems } = checkSettings(migrateValues(raw, version).values);
  const errors = problems.filter((problem) => problem.kind === 'invalid').map(formatError);
  if (errors.length > 0) return refuse(listErrors(errors));
  return { ok: true, settings, warnings: problems.map(formatWarning) };
}

function refuse(error: string): SettingsImport {
  return { ok: false, error };
}

function syntaxMessage(text: string): string {
  const found = findJsonSyntaxError(text);
  if (!found) return 'This file is not valid JSON.';
  return `This file is not valid JSON: line ${found.line}, column ${found.column}: ${found.message}.`;
}

function listErrors(errors: string[]): string {
  if (errors.length === 1) return `Nothing was imported. ${errors[0]}.`;
  const shown = errors.slice(0, 3).join('; ');
  const more = errors.length > 3 ? `; and ${errors.length - 3} more` : '';
  return `Nothing was imported. ${errors.length} settings are wrong: ${shown}${more}.`;
}
