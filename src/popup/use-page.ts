import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageTermsReport } from '../core/messages';
import type { Settings } from '../core/settings/defaults';
import { useApi } from '../ui/api';

export type PageState =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  /** No content script answers: a page extensions may not touch, or one opened before install. */
  | { kind: 'unavailable'; tabId: number }
  | { kind: 'ready'; tabId: number; report: PageTermsReport; url: string | undefined };

/** After a settings change the content script repaints; ask again once it has had time. */
const REFRESH_AFTER_MS = [250, 1000];

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
        if (isLive()) setState({ kind: 'ready', tabId: tab.id, report, url: report.url || tab.url });
      },
      () => {
        if (isLive()) setState({ kind: 'unavailable', tabId: tab.id });
      },
    );

  useEffect(() => {
    if (!target) return;
    let live = true;
    void ask(target, () => live);
    return () => { live = false; };
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
