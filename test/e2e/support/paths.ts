import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const distDir = (target: 'chrome' | 'firefox') => join(repoRoot, 'dist', target);
export const fixturesDir = join(repoRoot, 'test/fixtures');

/** The shared page corpus sits beside the repository; TERMLIGHT_CORPUS points elsewhere. */
export const corpusDir = resolve(process.env.TERMLIGHT_CORPUS ?? join(repoRoot, '../shared/corpus'));
export const hasCorpus = existsSync(join(corpusDir, 'ai'));

export const CHROMIUM = process.env.TERMLIGHT_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX = process.env.TERMLIGHT_FIREFOX ?? '/usr/bin/firefox-esr';
