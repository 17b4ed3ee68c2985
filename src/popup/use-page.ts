import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageTermsReport } from '../core/messages';
import type { Settings } from '../core/settings/defaults';
import { useApi } from '../ui/api';

export type PageState =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  /**
   * No content script answers: a page extensions may not touch, one opened before install, or
   * (`noAccess`) one on a site the user's browser settings keep Termlight off.
   */
  | { kind: 'unavailable'; tabId: number; noAccess: boolean; reloadMayHelp: boolean; localFile: boolean }
  | { kind: 'ready'; tabId: number; report: PageTermsReport; url: string | undefined };

/** Add-on stores: browsers keep every extension out of them, although they are web pages. */
const STORES = [/^chromewebstore\.google\.com(\/|$)/, /^chrome\.google\.com\/webstore/, /^addons\.mozilla\.org(\/|$)/, /^microsoftedge\.microsoft\.com\/addons/];

/**
 * Whether reloading a tab whose content script did not answer could bring it: yes for an
 * ordinary web page (opened before Termlight was installed or updated); no for browser and
 * extension pages, add-on stores, PDF files and files on this computer, which Termlight does not
 * mark. The browser hides the address of a page Termlight may not read, so an unknown address is
 * one of those, or a site it was kept off (said apart).
 */
export function reloadMayHelp(url: string | undefined): boolean {
  const parsed = /^(https?):\/\/([^?#]*)/i.exec(url ?? '');
  if (!parsed) return false;
  const place = parsed[2]!.toLowerCase();
  // The browser's PDF viewer shows the file at its own address.
  return !place.endsWith('.pdf') && !STORES.some((store) => store.test(place));
}

/** A file on this computer: Termlight marks web pages only (http and https). */
export const isLocalFile = (url: string | undefined): boolean => /^file:/i.test(url ?? '');

/** What the popup shows once the page's content script has answered. */
function readyState(tab: { id: number; url?: string }, report: PageTermsReport): PageState {
  return { kind: 'ready', tabId: tab.id, report, url: report.url || tab.url };
}

/** After a settings change the content script repaints; ask again once it has had time. */
const REFRESH_AFTER_MS = [250, 1000];
/**
 * A tab still loading its page has no content script yet: it comes once the page is read. The
 * popup asks again this often while the tab loads, and for `GRACE_MS` after it has loaded (the
 * script then reads its settings before it answers), saying meanwhile what it knows.
 */
const RETRY_MS = 400;
const GRACE_MS = 2000;

/**
 * The tab the popup acts on and what its content script marked. `tabId` picks the tab
 * explicitly (the popup opened as a page, `popup.html?tab=<id>`); otherwise the active tab.
 */
export function usePage(tabId: number | undefined, settings: Settings | null): PageState {
  const api = useApi();
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const [target, setTarget] = useState<{ id: number; url?: string } | null | undefined>(
    tabId === undefined ? undefined : { id: tabId },
  );

  useEffect(() => {
    if (tabId !== undefined) return;
    let live = true;
    void api.activeTab().then((tab) => {
      if (!live) return;
      setTarget(tab);
      if (!tab) setState({ kind: 'no-tab' });
    });
    return () => { live = false; };
  }, [api, tabId]);

  const ask = (tab: { id: number; url?: string }, isLive: () => boolean) =>
    api.pageTerms(tab.id).then(
      (report) => {
        if (isLive()) setState(readyState(tab, report));
      },
      () => {
        if (isLive()) setState({ kind: 'unavailable', tabId: tab.id, noAccess: false, reloadMayHelp: reloadMayHelp(tab.url), localFile: isLocalFile(tab.url) });
      },
    );

  useEffect(() => {
    if (!target) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let loadedAt: number | null = null;
    let sawLoading = false;
    const attempt = async () => {
      try {
        const report = await api.pageTerms(target.id);
        if (live) setState(readyState(target, report));
        return;
      } catch {
        // No answer (yet): see whether the page is still loading.
      }
      const [loading, access] = await Promise.all([
        api.tabLoading(target.id).catch(() => false),
        api.pageAccess().catch(() => true),
      ]);
      if (!live) return;
      if (loading) {
        sawLoading = true;
        loadedAt = null;
        setState({ kind: 'loading' });
      } else {
        loadedAt ??= Date.now();
        const waiting = Date.now() - loadedAt < GRACE_MS;
        // A page that has just loaded gets a moment for its script; one that had loaded before
        // the popup opened is named at once (and still asked again, in case).
        setState(sawLoading && waiting
          ? { kind: 'loading' }
          : { kind: 'unavailable', tabId: target.id, noAccess: !access, reloadMayHelp: reloadMayHelp(target.url), localFile: isLocalFile(target.url) });
        if (!waiting) return;
      }
      timer = setTimeout(() => void attempt(), RETRY_MS);
    };
    void attempt();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, target]);

  // Every stored change gives a new settings object; the first one is what the page was built with.
  const settled = useRef(false);
  useEffect(() => {
    if (!target || !settings) return;
    if (!settled.current) {
      settled.current = true;
      return;
    }
    let live = true;
    const timers = REFRESH_AFTER_MS.map((ms) => setTimeout(() => void ask(target, () => live), ms));
    return () => {
      live = false;
      timers.forEach(clearTimeout);
    };
  }, [api, target, settings]);

  return state;
}
