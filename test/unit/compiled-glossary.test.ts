import { beforeEach, describe, expect, it, vi } from 'vitest';
import { enabledPacks } from '../../src/core/glossary/bundled';
import { compileMatcher } from '../../src/core/matcher';
import {
  COMPILED_GLOSSARY_ID_KEY,
  COMPILED_GLOSSARY_KEY,
  compiledGlossaryId,
  loadCompiledGlossary,
  matcherFor,
  refreshCompiledGlossary,
} from '../../src/platform/compiled-glossary';
import { loadSettings } from '../../src/platform/settings-store';
import { loadUserGlossaryState, saveUserGlossaries } from '../../src/platform/user-glossaries';
import { fakeBrowser } from './fake-browser';
import { pack } from './fixtures-matcher/packs';

// The glossaries are compiled once per change by the background and stored; each page loads
// them. Here against an in-memory browser, with the real storage code on top.
vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./fake-browser')).fakeBrowser }));

const { storage, runtime } = fakeBrowser;
const text = 'Its pre-training made the foundation model good at RLHF and at zorblatting widgets.';
const userPack = pack([{ term: 'zorblatting' }], 'user-words');
const wait = () => new Promise((ok) => setTimeout(ok, 5));

/** What a page would read with, given what is stored now. */
async function pageMatcher() {
  const [user, settings, stored] = await Promise.all([loadUserGlossaryState(), loadSettings(), loadCompiledGlossary()]);
  const packs = enabledPacks(user.packs, settings.disabledGlossaries);
  const made = matcherFor(packs, compiledGlossaryId(packs, user.revision), stored);
  return {
    matcher: made.matcher,
    packs,
    /** Where the matcher came from, as far as it has been used (damage is found where text reaches it). */
    get source() {
      made.matcher.prepare(Infinity);
      return made.source;
    },
  };
}

const found = (result: Awaited<ReturnType<typeof pageMatcher>>) =>
  result.matcher.scan(text).map((m) => result.matcher.entries[m.entry]!.entry.term);

beforeEach(() => {
  storage.sync.items = {};
  storage.local.items = {};
  runtime.version = '1.0.0';
});

describe('glossaries compiled ahead of time', () => {
  it('are loaded by a page, which then finds what compiling in the page finds', async () => {
    await refreshCompiledGlossary();
    const page = await pageMatcher();
    expect(page.source).toBe('stored');
    expect(page.matcher.scan(text)).toEqual(compileMatcher(page.packs).scan(text));
    expect(found(page)).toEqual(['pre-training', 'foundation model', 'RLHF']);
  });

  it('are not used for other glossaries: a page compiles for itself until the new ones are stored', async () => {
    await refreshCompiledGlossary();
    await saveUserGlossaries([userPack]);
    const before = await pageMatcher();
    expect(before.source).toBe('compiled');
    expect(found(before)).toContain('zorblatting');

    await refreshCompiledGlossary();
    const after = await pageMatcher();
    expect(after.source).toBe('stored');
    expect(found(after)).toContain('zorblatting');

    // A pack changed under the same id is a new revision: nothing compiled for the old one is used.
    await saveUserGlossaries([pack([{ term: 'widget' }], 'user-words')]);
    const edited = await pageMatcher();
    expect(edited.source).toBe('compiled');
    expect(found(edited)).toContain('widget');
  });

  it('follow a glossary turned off, and a new version of Termlight', async () => {
    await refreshCompiledGlossary();
    await storage.sync.set({ disabledGlossaries: ['foundation-models'] });
    expect((await pageMatcher()).source).toBe('compiled');
    expect(found(await pageMatcher())).toEqual([]);
    await refreshCompiledGlossary();
    expect((await pageMatcher()).source).toBe('stored');

    runtime.version = '1.1.0';
    expect((await pageMatcher()).source).toBe('compiled');
  });

  it('are compiled again only when something changed, unless forced', async () => {
    await refreshCompiledGlossary();
    const writes = vi.spyOn(storage.local, 'set');
    await refreshCompiledGlossary();
    expect(writes).not.toHaveBeenCalled();
    await refreshCompiledGlossary(true);
    expect(writes).toHaveBeenCalledTimes(1);
    writes.mockRestore();
  });

  it('are dropped when they cannot be stored, so that no outdated copy holds on to the room', async () => {
    await refreshCompiledGlossary();
    await saveUserGlossaries([userPack]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const set = storage.local.set.bind(storage.local);
    const full = vi.spyOn(storage.local, 'set').mockImplementation(async (values) => {
      if (COMPILED_GLOSSARY_KEY in values) throw new Error('QUOTA_BYTES quota exceeded');
      return set(values);
    });
    await refreshCompiledGlossary();
    expect(Object.keys(storage.local.items)).not.toContain(COMPILED_GLOSSARY_KEY);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/QUOTA_BYTES/);
    const page = await pageMatcher();
    expect([page.source, found(page).includes('zorblatting')]).toEqual(['compiled', true]);
    full.mockRestore();
    warn.mockRestore();
  });

  it('when damaged, are set aside with a warning and the page compiles for itself', async () => {
    await refreshCompiledGlossary();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const image = storage.local.items[COMPILED_GLOSSARY_KEY] as { symbols: number[] };
    image.symbols.length = 3;
    await storage.local.set({ [COMPILED_GLOSSARY_KEY]: image });
    const page = await pageMatcher();
    expect(page.source).toBe('compiled');
    expect(found(page)).toEqual(['pre-training', 'foundation model', 'RLHF']);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/compiling the glossary here/);
    // The next look at the stored glossaries finds the damage and compiles them again.
    await refreshCompiledGlossary();
    expect((await pageMatcher()).source).toBe('stored');
    warn.mockRestore();
  });

  it('when damaged deep inside, are found out where the text of the page reaches the damage, and the page compiles for itself', async () => {
    await refreshCompiledGlossary();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const image = storage.local.items[COMPILED_GLOSSARY_KEY] as { forms: { next: number[]; length: number[] } };
    // The longest form (the 42 letters of "reinforcement learning from human feedback") gets a
    // chain that loops: the image's shape is as it should be.
    const lengths = image.forms.length;
    const longest = lengths.indexOf(Math.max(...lengths));
    expect(lengths[longest]).toBe(42);
    image.forms.next[longest] = longest;
    await storage.local.set({ [COMPILED_GLOSSARY_KEY]: image });
    const page = await pageMatcher();
    // Text that does not reach the damage is read with the stored image.
    expect(found(page)).toEqual(['pre-training', 'foundation model', 'RLHF']);
    expect(page.source).toBe('stored');
    expect(warn).not.toHaveBeenCalled();
    // Text that reaches it finds the damage: the page compiles for itself and reads on with that.
    const long = 'Then reinforcement learning from human feedback.';
    expect(page.matcher.scan(long).map((m) => long.slice(m.start, m.end))).toEqual(['reinforcement learning from human feedback']);
    expect(page.source).toBe('compiled');
    expect(warn.mock.calls.flat().join(' ')).toMatch(/compiling the glossary here: .*forms\.next/);
    expect(found(page)).toEqual(['pre-training', 'foundation model', 'RLHF']);
    warn.mockRestore();
  });
});

describe('a stored user glossary damaged after it was imported', () => {
  it('costs the page only its damaged entries, never the other terms', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const damaged = pack([{ term: 'zorblatting' }, { term: 'widget' }], 'user-words');
    // An entry that lost its term, one whose alias is a number, and a pack that is no pack.
    const entries: unknown[] = [...damaged.entries, { id: 'x', definition: 'd', category: 'concept' }];
    entries.push({ ...damaged.entries[1], id: 'y', aliases: [5] });
    await storage.local.set({ userGlossaries: [{ ...damaged, entries }, 'not a pack'] });
    await refreshCompiledGlossary();
    const page = await pageMatcher();
    expect(found(page)).toEqual(['pre-training', 'foundation model', 'RLHF', 'zorblatting', 'widget']);
    const warned = warn.mock.calls.flat().join(' ');
    expect(warned).toMatch(/left out damaged parts of the stored user glossaries: glossary "user-words", entries\[2\]; glossary "user-words", entries\[3\]; item 1 \(not a glossary\)/);
    warn.mockRestore();
  });
});

describe('the background', () => {
  it('compiles on install and after every glossary change', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await import('../../src/background/index');
    runtime.onInstalled.fire({ reason: 'install' });
    await vi.waitFor(() => expect(storage.local.items[COMPILED_GLOSSARY_ID_KEY]).toBeDefined());
    expect((await pageMatcher()).source).toBe('stored');

    await saveUserGlossaries([userPack]);
    await vi.waitFor(async () => expect((await pageMatcher()).source).toBe('stored'));
    expect(found(await pageMatcher())).toContain('zorblatting');

    // The same list imported again: Chromium reports only the new revision.
    await saveUserGlossaries([userPack]);
    expect((await pageMatcher()).source).toBe('compiled');
    await vi.waitFor(async () => expect((await pageMatcher()).source).toBe('stored'));

    await storage.sync.set({ disabledGlossaries: ['user-words'] });
    await wait();
    await vi.waitFor(async () => expect((await pageMatcher()).source).toBe('stored'));
    expect(found(await pageMatcher())).not.toContain('zorblatting');
    warn.mockRestore();
  });
});
