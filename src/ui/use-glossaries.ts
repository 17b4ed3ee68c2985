import { useMemo } from 'preact/hooks';
import { bundledPacks } from '../core/glossary/bundled';
import type { GlossaryPack } from '../core/glossary/types';
import { useApi } from './api';
import { indexEntries, type IndexedEntry } from './glossary-search';
import { useStored } from './use-stored';

export interface Glossaries {
  /** Null until the user glossaries have loaded. */
  user: GlossaryPack[] | null;
  /** Bundled packs first, then the user's, in import order. */
  all: readonly GlossaryPack[];
}

/** The bundled glossaries and the user's imported ones, kept live. */
export function useGlossaries(): Glossaries {
  const api = useApi();
  const [user] = useStored(api.loadUserGlossaries, api.watchUserGlossaries);
  const all = useMemo(() => [...bundledPacks, ...(user ?? [])], [user]);
  return { user, all };
}

/** Every entry of the glossaries that are on, indexed for search and deep links. */
export function useEnabledEntries(all: readonly GlossaryPack[], disabled: readonly string[] | undefined): IndexedEntry[] {
  return useMemo(
    () => indexEntries(all.filter((pack) => !(disabled ?? []).includes(pack.id))),
    [all, disabled],
  );
}
