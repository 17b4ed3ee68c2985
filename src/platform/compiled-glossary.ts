import { enabledPacks } from '../core/glossary/bundled';
import type { GlossaryPack } from '../core/glossary/types';
import { compileImage, compileMatcher, IMAGE_FORMAT, ImageError, loadMatcher, type Matcher } from '../core/matcher';
import { browser } from './browser';
import { loadSettings } from './settings-store';
import { loadUserGlossaryState } from './user-glossaries';

/*
 * The enabled glossaries, compiled once per change by the background and kept in
 * `storage.local`, so that a page loads the matcher instead of compiling it. The id says what
 * the image was compiled from; a page whose packs give another id (a change the background has
 * not caught up with yet) compiles for itself.
 */
export const COMPILED_GLOSSARY_KEY = 'compiledGlossary';
export const COMPILED_GLOSSARY_ID_KEY = 'compiledGlossaryId';

export interface CompiledGlossary {
  id: string;
  image: unknown;
}

/** What a compiled image is bound to: this version of Termlight, these packs, this user list. */
export function compiledGlossaryId(packs: readonly GlossaryPack[], userRevision: string): string {
  return JSON.stringify([browser.runtime.getManifest().version, IMAGE_FORMAT, packs.map((p) => p.id), userRevision]);
}

export async function loadCompiledGlossary(): Promise<CompiledGlossary | null> {
  const items = await browser.storage.local.get([COMPILED_GLOSSARY_KEY, COMPILED_GLOSSARY_ID_KEY]);
  const id = items[COMPILED_GLOSSARY_ID_KEY];
  return typeof id === 'string' ? { id, image: items[COMPILED_GLOSSARY_KEY] } : null;
}

export type MatcherSource = 'stored' | 'compiled';

/** The matcher for `packs` (whose id is `id`): from the stored image when it was made for them, else compiled here. */
export function matcherFor(
  packs: readonly GlossaryPack[],
  id: string,
  stored: CompiledGlossary | null,
): { matcher: Matcher; source: MatcherSource } {
  if (stored && stored.id === id) {
    try {
      return { matcher: loadMatcher(stored.image, packs), source: 'stored' };
    } catch (err) {
      if (!(err instanceof ImageError)) throw err;
      console.warn(`[Termlight] compiling the glossary here: ${err.message}`);
    }
  }
  return { matcher: compileMatcher(packs), source: 'compiled' };
}

let queue: Promise<void> = Promise.resolve();

/**
 * Compiles the enabled glossaries and stores the result, unless what is stored was made from
 * them already (`force` compiles anyway: after an install or update, when the bundled packs or
 * the compiler may have changed under the same id). Runs one at a time, each reading the latest
 * state, so a slow compile cannot overwrite a newer one.
 */
export function refreshCompiledGlossary(force = false): Promise<void> {
  queue = queue.then(() => compileAndStore(force)).catch((err) => {
    console.warn('[Termlight] could not compile the glossaries ahead of time', err);
  });
  return queue;
}

async function compileAndStore(force: boolean): Promise<void> {
  const [settings, user, stored] = await Promise.all([
    loadSettings(),
    loadUserGlossaryState(),
    browser.storage.local.get(COMPILED_GLOSSARY_ID_KEY),
  ]);
  const packs = enabledPacks(user.packs, settings.disabledGlossaries);
  const id = compiledGlossaryId(packs, user.revision);
  if (!force && stored[COMPILED_GLOSSARY_ID_KEY] === id) return;
  const image = compileImage(packs);
  await browser.storage.local.set({ [COMPILED_GLOSSARY_KEY]: image, [COMPILED_GLOSSARY_ID_KEY]: id });
}
