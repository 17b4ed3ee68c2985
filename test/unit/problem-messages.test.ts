import { describe, expect, it } from 'vitest';
import messages from '../../src/_locales/en/messages.json';
import { PACK_ENGLISH, validatePack } from '../../src/core/glossary/validate';
import { JSON_ENGLISH } from '../../src/core/json';
import { defaults } from '../../src/core/settings/defaults';
import { parseSettingsImport } from '../../src/core/settings/import-export';
import { SETTINGS_ENGLISH } from '../../src/core/settings/problem-text';
import { checkSettings, errorPhrase, warningPhrase } from '../../src/core/settings/validate';
import { entry, packText } from './glossary-fixtures';

interface CatalogueEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const catalogue = messages as Record<string, CatalogueEntry>;
const ENGLISH: Record<string, string> = { ...SETTINGS_ENGLISH, ...PACK_ENGLISH, ...JSON_ENGLISH };

/** The numbers of `$1`, `$2`… in a text, sorted. */
const slots = (text: string) => [...new Set([...text.matchAll(/\$(\d)/g)].map((m) => Number(m[1])))].sort();

/** A catalogue message with each `$NAME$` replaced by what it stands for, as the browser does. */
const positional = ({ message, placeholders }: CatalogueEntry) =>
  message.replace(/\$(\w+)\$/g, (whole, name: string) => placeholders?.[name.toLowerCase()]?.content ?? whole);

describe('problem codes and _locales/en/messages.json', () => {
  it('have no code twice across settings, glossaries and JSON syntax', () => {
    const codes = [SETTINGS_ENGLISH, PACK_ENGLISH, JSON_ENGLISH].flatMap((table) => Object.keys(table));
    expect(codes.length).toBe(Object.keys(ENGLISH).length);
  });

  it.each(Object.entries(ENGLISH))('%s has a message with the same English and placeholders', (code, english) => {
    const found = catalogue[code];
    expect(found, `no "${code}" in messages.json`).toBeDefined();
    expect(positional(found!)).toBe(english);
    const count = slots(english).length;
    expect(slots(english)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(Object.keys(found!.placeholders ?? {})).toHaveLength(count);
  });

  it('defines every placeholder a message names, and names every one it defines', () => {
    const faults = Object.entries(catalogue).flatMap(([key, found]) => {
      const named = [...found.message.matchAll(/\$(\w+)\$/g)].map((m) => m[1]!.toLowerCase());
      const defined = Object.keys(found.placeholders ?? {});
      const undefinedNames = named.filter((name) => !defined.includes(name)).map((name) => `${key} uses $${name}$`);
      const unused = defined.filter((name) => !named.includes(name)).map((name) => `${key} defines ${name}`);
      const bad = Object.values(found.placeholders ?? {}).filter((p) => !/^\$[1-9]$/.test(p.content));
      return [...undefinedNames, ...unused, ...bad.map((p) => `${key} has content ${p.content}`)];
    });
    expect(faults).toEqual([]);
  });
});

interface Emitted {
  code: string;
  params: unknown[];
}

/** Every phrase in a problem, nested ones included. */
function phrasesIn(value: unknown): Emitted[] {
  if (typeof value !== 'object' || value === null || !('code' in value) || !('params' in value)) return [];
  const phrase = value as Emitted;
  return [phrase, ...phrase.params.flatMap(phrasesIn)];
}

/** Texts that are not JSON, one for each way of breaking it that the reader names. */
const BROKEN_JSON = [
  ' ', `${'['.repeat(200_000)}1${']'.repeat(199_999)}`, '{"a": 1,}', "{'a': 1}", '[1] 2', '{', '{"a"', '{"a":', '[1',
  '[1e]', '{1: 2}', '{"a" 1}', '[1 2]', '[1,,2]', '{"a": tru}', '["\\x"]', '["\\u12"]', '"abc', '{"a": "x\ny"}',
  '["a\tb"]', '[1] // note',
];

function settingsCorpus(): unknown[] {
  const patterns = [7, 'ftp://a.org', '', 'a b', '*', 'Example.com', 'example.com', '-a.org', 'a..org', `${'a'.repeat(64)}.org`];
  const stored = [
    {
      enabled: 'yes',
      showBadge: [],
      skipCode: {},
      theme: 'sepia',
      hoverDelayMs: 'slow',
      hideDelayMs: 5000,
      contextGate: { threshold: 2.5 },
      siteRules: { mode: 'all-except', patterns },
      disabledGlossaries: ['Not An Id'],
      futureSetting: 1,
    },
    { hoverDelayMs: -5, siteRules: 5, disabledGlossaries: 'my-notes' },
  ];
  const problems = stored.flatMap((raw) => checkSettings(raw).problems);
  const file = (fields: object) => JSON.stringify({ termlight: 'settings', ...fields });
  const files = [
    '', '{"a": 1}', file({ version: 'one' }), file({}), file({ version: 99 }), file({ version: 1, settings: [] }),
    file({ version: 1, settings: { enabled: 'yes' } }), file({ version: 1, settings: { hideDelayMs: 5000 } }),
  ];
  const imports = [...files, ...BROKEN_JSON].map((text) => parseSettingsImport(text, defaults));
  const refusals = imports.flatMap((result) => (result.ok ? [] : result.reasons));
  const fixes = imports.flatMap((result) => (result.ok ? result.warnings.map(warningPhrase) : []));
  return [...problems, ...problems.map(errorPhrase), ...problems.map(warningPhrase), ...refusals, ...fixes];
}

function packCorpus(): unknown[] {
  const broken = packText(
    [
      5,
      entry('a', { definition: '' }),
      entry('a2', { definition: ' \u200b ' }),
      entry('b', { definition: 42 }),
      entry('c', { term: ' padded' }),
      entry('Bad_Id'),
      entry('d', { match: { plural: 'no' } }),
      entry('e', { aliases: {} }),
      entry('f', { category: 'x' }),
      entry('g', { aliases: [7] }),
      entry('h', { typo: 1 }),
      { id: 'i', term: 'i', category: 'concept' },
      entry('a'),
      entry('j', { related: ['nope'] }),
      entry('k', { term: 'shared' }),
      entry('l', { term: 'shared' }),
      entry('Not An Id', { term: 'other' }),
      entry('m', { term: 'other' }),
    ],
    { language: 'English' },
  );
  const twice = '{"id": "a", "id": "b", "name": "n", "version": "1", "language": "en", "entries": []}';
  const warned = packText([
    entry('rlhf', { term: 'RLHF', aliases: ['rlhf'], related: ['rlhf', 'dpo', 'dpo'], definition: 'x'.repeat(400) }),
    entry('dpo'),
    entry('meta', { term: 'Meta', match: { except: ['META', 'Metaverse'] } }),
  ]);
  const settingsFile = '{"termlight": "settings", "version": 1, "settings": {}}';
  return [...BROKEN_JSON, '[]', broken, twice, warned, settingsFile].flatMap((text) => {
    const result = validatePack(text);
    return result.ok ? result.warningProblems : result.errors;
  });
}

describe('the problems core emits', () => {
  const emitted = [...settingsCorpus(), ...packCorpus()].flatMap(phrasesIn);

  it('fill every placeholder of their message, and no more', () => {
    const wrong = emitted.filter(({ code, params }) => params.length !== slots(ENGLISH[code] ?? '').length);
    expect(wrong).toEqual([]);
  });

  it('use every code there is, so none is dead or missed by the tests above', () => {
    // JSON.parse and the JSON reader agree on every text tried; the fallback stays for safety.
    // The JSON reader's own fallbacks, and a number format the parser's scanner already refuses,
    // are reached by no text found; they stay in case a parser update reaches them.
    const unreachable = ['settingsFileNotJson', 'jsonNoValue', 'jsonSyntaxError', 'jsonBadEscape', 'jsonMalformedNumber'];
    const used = new Set(emitted.map(({ code }) => code));
    expect(Object.keys(ENGLISH).filter((code) => !used.has(code) && !unreachable.includes(code))).toEqual([]);
    expect([...used].filter((code) => !Object.hasOwn(ENGLISH, code))).toEqual([]);
  });
});
