/**
 * Every sentence about a bad setting, site pattern or settings file, as a code and its params.
 * The code is also the key of the sentence in `_locales/<lang>/messages.json`, so the pages say
 * it in the reader's language; the English below is the same text, for logs and tests (a test
 * holds the two equal). A param is a literal from the input (shown as text, as written), a
 * number, or another phrase: a word such as "a list", which each language says its own way.
 */

import { JSON_ENGLISH, type JsonPhrase } from '../json';
import { fillPhrase } from '../phrase';

/** The params of each code, in the order of their `$1`, `$2`… in the text. */
interface SettingsParams {
  // A value that is no literal, in words.
  settingValueNothing: [];
  settingValueList: [];
  settingValueObject: [];
  // What is wrong with a value.
  settingNotTrueOrFalse: [actual: Shown];
  settingNotOneOf: [options: string, actual: Shown];
  settingNotInRange: [min: number, max: number, actual: Shown];
  settingNotList: [actual: Shown];
  settingNotObject: [actual: Shown];
  settingNotText: [actual: Shown];
  settingNotGlossaryId: [actual: Shown];
  settingNotSite: [actual: Shown, reason: SiteError];
  settingMoreThan: [value: number, max: number];
  settingLessThan: [value: number, min: number];
  settingNotWhole: [value: number];
  settingRepeats: [value: Shown];
  settingWas: [value: Shown];
  settingUnknown: [];
  // What was done about it.
  settingUsedDefault: [];
  settingUsedDefaultValue: [value: Shown];
  settingUsed: [value: number];
  settingLeftOut: [];
  settingKeptOne: [];
  settingStored: [value: Shown];
  settingIgnored: [];
  // One problem as a line.
  settingWrong: [path: string, detail: ProblemDetail];
  settingFixed: [path: string, detail: ProblemDetail, outcome: ProblemOutcome];
  // The same, with the line of the file it is on.
  settingWrongAt: [line: number, path: string, detail: ProblemDetail];
  settingFixedAt: [line: number, path: string, detail: ProblemDetail, outcome: ProblemOutcome];
  // Why a typed or stored site pattern is unusable.
  siteEmpty: [];
  siteScheme: [scheme: string];
  siteBadCharacters: [];
  siteEmptyLabel: [];
  siteTooBroad: [];
  siteLabelTooLong: [max: number, length: number];
  // Why a settings file was refused as a whole.
  settingsFileEmpty: [];
  settingsFileNotJson: [];
  settingsFileSyntax: [line: number, column: number, detail: JsonPhrase];
  settingsFileOtherKind: [];
  settingsFileBadVersion: [actual: Shown];
  settingsFileNewer: [version: number, newest: number];
  settingsFileNotObject: [actual: Shown];
}

export type SettingsCode = keyof SettingsParams;

export type SettingsPhrase<C extends SettingsCode = SettingsCode> = {
  [K in C]: { code: K; params: SettingsParams[K] };
}[C];

/** A value as a problem shows it: a literal (`"yes"`, `12`, `null`) or a word for its kind. */
export type Shown = string | SettingsPhrase<'settingValueNothing' | 'settingValueList' | 'settingValueObject'>;

export type ProblemDetail = SettingsPhrase<
  | 'settingNotTrueOrFalse' | 'settingNotOneOf' | 'settingNotInRange' | 'settingNotList' | 'settingNotObject'
  | 'settingNotText' | 'settingNotGlossaryId' | 'settingNotSite' | 'settingMoreThan' | 'settingLessThan'
  | 'settingNotWhole' | 'settingRepeats' | 'settingWas' | 'settingUnknown'
>;

export type ProblemOutcome = SettingsPhrase<
  | 'settingUsedDefault' | 'settingUsedDefaultValue' | 'settingUsed' | 'settingLeftOut' | 'settingKeptOne'
  | 'settingStored' | 'settingIgnored'
>;

export type SiteReason = SettingsPhrase<
  'siteEmpty' | 'siteScheme' | 'siteBadCharacters' | 'siteEmptyLabel' | 'siteTooBroad' | 'siteLabelTooLong'
>;

/** Why a site pattern cannot be stored, with the reason in English for logs and tests. */
export type SiteError = SiteReason & { message: string };

export type FileRefusal = SettingsPhrase<
  | 'settingsFileEmpty' | 'settingsFileNotJson' | 'settingsFileSyntax' | 'settingsFileOtherKind'
  | 'settingsFileBadVersion' | 'settingsFileNewer' | 'settingsFileNotObject'
>;

export const SETTINGS_ENGLISH: { readonly [C in SettingsCode]: string } = {
  settingValueNothing: 'nothing',
  settingValueList: 'a list',
  settingValueObject: 'an object',
  settingNotTrueOrFalse: 'should be true or false, not $1',
  settingNotOneOf: 'should be one of $1, not $2',
  settingNotInRange: 'should be a number from $1 to $2, not $3',
  settingNotList: 'should be a list, not $1',
  settingNotObject: 'should be an object, not $1',
  settingNotText: 'should be text, not $1',
  settingNotGlossaryId: 'should be a glossary id such as "ai-core", not $1',
  settingNotSite: 'should be a site such as example.com, not $1 ($2)',
  settingMoreThan: 'was $1, more than $2',
  settingLessThan: 'was $1, less than $2',
  settingNotWhole: 'was $1, not a whole number',
  settingRepeats: 'repeats $1',
  settingWas: 'was $1',
  settingUnknown: 'is not a Termlight setting',
  settingUsedDefault: 'used the default',
  settingUsedDefaultValue: 'used the default $1',
  settingUsed: 'used $1',
  settingLeftOut: 'left it out',
  settingKeptOne: 'kept one copy',
  settingStored: 'stored $1',
  settingIgnored: 'ignored it',
  settingWrong: 'Setting "$1" $2',
  settingFixed: 'Setting "$1" $2: $3',
  settingWrongAt: 'Line $1, setting "$2": $3',
  settingFixedAt: 'Line $1, setting "$2": $3: $4',
  siteEmpty: 'Enter a site, such as example.com',
  siteScheme: 'Termlight runs only on http and https pages, not on $1: ones',
  siteBadCharacters: 'A site may hold only letters, digits, hyphens, dots and * wildcards',
  siteEmptyLabel: 'A site cannot have an empty part between two dots',
  siteTooBroad: 'Name at least part of the site; the main switch turns Termlight off everywhere',
  siteLabelTooLong: 'Each part of a site between dots may be at most $1 characters long, not $2',
  settingsFileEmpty: 'The file is empty.',
  settingsFileNotJson: 'This file is not valid JSON.',
  settingsFileSyntax: 'Line $1, column $2: not valid JSON: $3',
  settingsFileOtherKind: 'This is not a Termlight settings file: it has no "termlight": "settings" line.',
  settingsFileBadVersion: '"version" should be a whole number, not $1.',
  settingsFileNewer:
    'This file comes from a newer Termlight (settings version $1, this one reads up to $2). ' +
    'Update Termlight, then import it again.',
  settingsFileNotObject: '"settings" should be an object, not $1.',
};

const ENGLISH = { ...SETTINGS_ENGLISH, ...JSON_ENGLISH };

/** The English of a phrase, nested phrases (a JSON syntax detail too) included. */
export function settingsEnglish(phrase: SettingsPhrase): string {
  return fillPhrase(ENGLISH, phrase);
}
