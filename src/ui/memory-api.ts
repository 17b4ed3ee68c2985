import messages from '../_locales/en/messages.json';
import type { GlossaryPack } from '../core/glossary/types';
import type { PageTermsReport } from '../core/messages';
import type { Settings } from '../core/settings/defaults';
import { mergeStored, storageChangeFor, type StorageChange } from '../core/settings/stored';
import type { CommandInfo, TabRef, UiApi } from './api';

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** `browser.i18n.getMessage` over the English file: named placeholders, then `$1`…`$9`. */
export function formatMessage(key: string, substitutions: string | string[] = []): string {
  const entry = (messages as Record<string, MessageEntry | undefined>)[key];
  if (!entry) return key;
  const subs = typeof substitutions === 'string' ? [substitutions] : substitutions;
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? fill(placeholder.content) : whole;
  });
  return fill(named).replaceAll('$$', '$');
}

export interface MemoryState {
  /** What `storage.sync` would hold: only changed settings and the version. */
  sync: Record<string, unknown>;
  userGlossaries: GlossaryPack[];
  activeTab: TabRef | null;
  /** Per tab: its report, or 'no-content-script' for a page extensions cannot run on. */
  pages: Map<number, PageTermsReport | 'no-content-script'>;
  revealed: { tabId: number; occurrence: number; frameId?: number }[];
  reloaded: number[];
  /** Tabs still loading their page. */
  loading: Set<number>;
  /** Whether Termlight may read pages; `requestPageAccess` grants it when `grants` is true. */
  pageAccess: boolean;
  grants: boolean;
  opened: string[];
  commands: CommandInfo[];
  /** Whether the browser can open its shortcut editor. */
  shortcutSettings: boolean;
}

export type MemoryApi = UiApi & { state: MemoryState };

/**
 * An in-memory stand-in for the browser, with the same storage rules as the real store (it runs
 * the same core functions), so a page under test behaves as it would in the extension.
 */
export function createMemoryApi(init: Partial<MemoryState> = {}): MemoryApi {
  const state: MemoryState = {
    sync: {},
    userGlossaries: [],
    activeTab: null,
    pages: new Map(),
    revealed: [],
    reloaded: [],
    loading: new Set(),
    pageAccess: true,
    grants: true,
    opened: [],
    commands: [],
    shortcutSettings: true,
    ...init,
  };
  const settingsListeners = new Set<(s: Settings) => void>();
  const packListeners = new Set<(p: GlossaryPack[]) => void>();
  const current = () => mergeStored(state.sync).settings;
  const apply = async (change: StorageChange) => {
    const next = { ...state.sync, ...change.set };
    for (const key of change.remove) delete next[key];
    state.sync = next;
    const settings = current();
    // Storage events arrive after the write has resolved, as in the browser.
    await Promise.resolve();
    for (const listener of settingsListeners) listener(settings);
  };
  const listen = <T>(set: Set<(v: T) => void>, listener: (v: T) => void, signal: AbortSignal) => {
    set.add(listener);
    signal.addEventListener('abort', () => set.delete(listener), { once: true });
  };
  const page = (tabId: number) => {
    const found = state.pages.get(tabId);
    if (found === undefined || found === 'no-content-script') {
      return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    }
    return Promise.resolve(structuredClone(found));
  };

  return {
    state,
    t: formatMessage,
    loadSettings: async () => current(),
    saveSettings: (patch) => apply(storageChangeFor(patch)),
    replaceSettings: (settings) => apply(storageChangeFor(settings)),
    watchSettings: (listener, signal) => listen(settingsListeners, listener, signal),
    loadUserGlossaries: async () => structuredClone(state.userGlossaries),
    async saveUserGlossaries(packs) {
      state.userGlossaries = structuredClone([...packs]);
      // As the browser's storage does: the write resolves first, and its change event comes in
      // a later task, so a page cannot count on seeing the change when the write resolves.
      setTimeout(() => {
        for (const listener of packListeners) listener(structuredClone(state.userGlossaries));
      }, 0);
    },
    watchUserGlossaries: (listener, signal) => listen(packListeners, listener, signal),
    activeTab: async () => state.activeTab,
    pageTerms: page,
    async revealTerm(tabId, occurrence, frameId = 0) {
      await page(tabId);
      state.revealed.push(frameId ? { tabId, occurrence, frameId } : { tabId, occurrence });
      return true;
    },
    async reloadTab(tabId) {
      state.reloaded.push(tabId);
    },
    tabLoading: async (tabId) => state.loading.has(tabId),
    pageAccess: async () => state.pageAccess,
    async requestPageAccess() {
      state.pageAccess ||= state.grants;
      return state.pageAccess;
    },
    async openPage(path) {
      state.opened.push(path);
    },
    async openOptions() {
      state.opened.push('options.html');
    },
    commands: async () => state.commands,
    openShortcutSettings: async () => state.shortcutSettings,
  };
}
