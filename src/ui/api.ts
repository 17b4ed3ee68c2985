import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { GlossaryPack } from '../core/glossary/types';
import type { PageTermsReport } from '../core/messages';
import type { Settings } from '../core/settings/defaults';

/** A keyboard command as the browser reports it; `shortcut` is '' when none is set. */
export interface CommandInfo {
  name: string;
  description: string;
  shortcut: string;
}

export interface TabRef {
  id: number;
  /** Missing without the "tabs" permission: the content script reports the page URL instead. */
  url?: string;
}

/**
 * Everything the extension pages need from the browser, in one object. The entries pass the
 * real one (`createPlatformApi`); tests and previews pass `createMemoryApi`, so the pages run
 * without a browser, a background or a content script.
 */
export interface UiApi {
  t(key: string, substitutions?: string | string[]): string;
  loadSettings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<void>;
  replaceSettings(settings: Settings): Promise<void>;
  watchSettings(listener: (settings: Settings) => void, signal: AbortSignal): void;
  loadUserGlossaries(): Promise<GlossaryPack[]>;
  saveUserGlossaries(packs: readonly GlossaryPack[]): Promise<void>;
  watchUserGlossaries(listener: (packs: GlossaryPack[]) => void, signal: AbortSignal): void;
  /** The active tab of the current window, or null when there is none. */
  activeTab(): Promise<TabRef | null>;
  /**
   * What the tab's content scripts marked, its frames' included. Rejects when the tab has no
   * content script (browser pages, stores, PDF viewer, old tabs).
   */
  pageTerms(tabId: number): Promise<PageTermsReport>;
  /** Scrolls to a mark of the tab's frame `frameId` (the top one by default) and opens its card. */
  revealTerm(tabId: number, occurrence: number, frameId?: number): Promise<boolean>;
  reloadTab(tabId: number): Promise<void>;
  /** Whether the tab is still loading its page (its content script comes once it is read). */
  tabLoading(tabId: number): Promise<boolean>;
  /**
   * Whether Termlight may read every site's pages. The user can take that away (Firefox's
   * add-on permissions, Chromium's site access) and its content script then runs nowhere.
   */
  pageAccess(): Promise<boolean>;
  /** Asks the user for it; call straight from a click, as browsers require. */
  requestPageAccess(): Promise<boolean>;
  /** Opens an extension page in a new tab: `glossary.html#rlhf`. */
  openPage(path: string): Promise<void>;
  openOptions(): Promise<void>;
  commands(): Promise<CommandInfo[]>;
  /** False when the browser offers no page an extension may open for this. */
  openShortcutSettings(): Promise<boolean>;
}

export const ApiContext = createContext<UiApi | null>(null);

export function useApi(): UiApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside <ApiContext.Provider>');
  return api;
}

/** The translation function, for components that only need strings. */
export function useT(): UiApi['t'] {
  return useApi().t;
}
