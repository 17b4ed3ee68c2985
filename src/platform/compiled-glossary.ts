import { enabledPacks } from '../core/glossary/bundled';
import type { GlossaryPack } from '../core/glossary/types';
import type { MatcherSource } from '../core/messages';
import { compileImage, compileMatcher, IMAGE_FORMAT, isLoadable, loadMatcher, type Matcher } from '../core/matcher';
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

declare const TERMLIGHT_GLOSSARY_HASH: string | undefined;
/** Set by the build from the bundled packs' files (absent when tests run the sources). */
const BUNDLED_HASH = typeof TERMLIGHT_GLOSSARY_HASH === 'string' ? TERMLIGHT_GLOSSARY_HASH : '';

/** What a compiled image is bound to: this build of Termlight, these packs, this user list. */
export function compiledGlossaryId(packs: readonly GlossaryPack[], userRevision: string): string {
  const build = [browser.runtime.getManifest().version, BUNDLED_HASH, IMAGE_FORMAT];
  return JSON.stringify([...build, packs.map((p) => p.id), userRevision]);
}

export async function loadCompiledGlossary(): Promise<CompiledGlossary | null> {
  // Unreadable storage only means compiling in the page.
  const items = await browser.storage.local.get([COMPILED_GLOSSARY_KEY, COMPILED_GLOSSARY_ID_KEY]).catch(() => ({}) as Record<string, unknown>);
  const id = items[COMPILED_GLOSSARY_ID_KEY];
  return typeof id === 'string' ? { id, image: items[COMPILED_GLOSSARY_KEY] } : null;
}

const compilingHere = (err: unknown) =>
  console.warn(`[Termlight] compiling the glossary here: ${err instanceof Error ? err.message : String(err)}`);

/**
 * The matcher for `packs` (whose id is `id`): from the stored image when it was made for them,
 * else compiled here. Each part of the image is checked as the page's text first reaches it, so
 * damage may be found after this returns: the matcher then compiles for itself, and `source`
 * says so from then on.
 */
export function matcherFor(
  packs: readonly GlossaryPack[],
  id: string,
  stored: CompiledGlossary | null,
): { readonly matcher: Matcher; readonly source: MatcherSource } {
  if (stored && stored.id === id) {
    let source: MatcherSource = 'stored';
    const onImageError = (err: Error) => {
      compilingHere(err);
      source = 'compiled';
    };
    try {
      const matcher = loadMatcher(stored.image, packs, { onImageError });
      return {
        matcher,
        get source() {
          return source;
        },
      };
    } catch (err) {
      // Whatever went wrong, a stored copy must never cost the page its terms.
      compilingHere(err);
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

/**
 * Above this size (as JSON) the image is not stored: it would take room in `storage.local` that
 * the user's own glossaries may need, and pages compile such glossaries about as fast as they
 * would load them. A 5,000-term glossary makes about 0.7 MB.
 */
const MAX_IMAGE_CHARS = 4 * 1024 * 1024;

async function compileAndStore(force: boolean): Promise<void> {
  const [settings, user, stored] = await Promise.all([loadSettings(), loadUserGlossaryState(), loadCompiledGlossary()]);
  const packs = enabledPacks(user.packs, settings.disabledGlossaries);
  const id = compiledGlossaryId(packs, user.revision);
  // A stored image that pages cannot read is made again rather than set aside by every page.
  if (!force && stored?.id === id && isLoadable(stored.image, packs)) return;
  const image = compileImage(packs);
  const local = browser.storage.local;
  if (JSON.stringify(image).length > MAX_IMAGE_CHARS) {
    console.warn('[Termlight] the glossaries are too large to keep compiled; pages compile them');
    await local.remove([COMPILED_GLOSSARY_KEY, COMPILED_GLOSSARY_ID_KEY]);
    return;
  }
  try {
    await local.set({ [COMPILED_GLOSSARY_KEY]: image, [COMPILED_GLOSSARY_ID_KEY]: id });
  } catch (err) {
    // Out of room, most likely: an outdated image should not hold on to what room there is.
    await local.remove([COMPILED_GLOSSARY_KEY, COMPILED_GLOSSARY_ID_KEY]).catch(() => undefined);
    throw err;
  }
}
