import { useMemo, useRef, useState } from 'preact/hooks';
import type { PageTerm } from '../core/messages';
import { isSiteEnabled } from '../core/settings/site-rules';
import { useApi } from '../ui/api';
import { searchEntries } from '../ui/glossary-search';
import { LookPicker } from '../ui/LookPicker';
import { SearchBox } from '../ui/SearchBox';
import { Switch } from '../ui/Switch';
import { useEnabledEntries, useGlossaries } from '../ui/use-glossaries';
import { useSettings } from '../ui/use-settings';
import { PageStatus, type PageStatusKind } from './PageStatus';
import { PageTerms } from './PageTerms';
import { SearchResults } from './SearchResults';
import { SiteSwitch } from './SiteSwitch';
import { usePage, type PageState } from './use-page';

const MAX_RESULTS = 8;
const SEARCH_ID = 'popup-search';

interface PopupProps {
  /** The tab to act on; the active tab when absent. */
  tabId?: number;
  /** Called after an action that takes the reader elsewhere: the toolbar popup closes itself. */
  onDone?: () => void;
}

export function Popup({ tabId, onDone }: PopupProps) {
  const api = useApi();
  const t = api.t;
  const { settings, update } = useSettings();
  const page = usePage(tabId, settings);
  const { user, all } = useGlossaries();
  const entries = useEnabledEntries(all, settings?.disabledGlossaries);
  const [query, setQuery] = useState('');
  const matches = useMemo(() => searchEntries(entries, query), [entries, query]);
  const results = matches.slice(0, MAX_RESULTS);
  const resultList = useRef<HTMLUListElement>(null);

  if (!settings) return <main class="popup" aria-busy="true" />;

  const done = () => onDone?.();
  const openGlossary = (anchor: string) =>
    void api.openPage(anchor ? `glossary.html#${anchor}` : 'glossary.html').then(done);
  const reveal = (term: PageTerm) => {
    if (page.kind !== 'ready') return;
    void api.revealTerm(page.tabId, term.firstIndex, term.frameId).catch(() => false).then(done);
  };
  /** Asked for straight from the click; once granted, the page is read again to be marked. */
  const allowAccess = async (tabId: number) => {
    if (await api.requestPageAccess()) await api.reloadTab(tabId).then(done);
  };
  const searching = query.trim() !== '';
  // Known only once the imported glossaries are read: until then, the bundled ones may be off.
  const allOff = user !== null && entries.length === 0;
  const searchStatus = !searching
    ? ''
    : allOff
      ? t('glossaryAllOff')
      : matches.length > results.length
        ? t('popupMatchesFirst', [String(matches.length), String(results.length)])
        : results.length > 0
          ? t('glossaryMatches', String(results.length))
          : t('popupNoResults', query.trim());
  const url = page.kind === 'ready' ? page.url : undefined;
  const status = statusOf(page, settings.enabled, url ? isSiteEnabled(url, settings.siteRules) : true);

  return (
    <main class="popup">
      <header class="popup-header">
        <img class="logo" src="icons/icon-32.png" width={22} height={22} alt="" />
        <h1 class="popup-title">{t('extName')}</h1>
        <div class="master">
          <Switch label={t('popupEnabled')} checked={settings.enabled} onChange={(enabled) => update({ enabled })} testId="master-switch" />
        </div>
      </header>

      {url && <SiteSwitch url={url} settings={settings} update={update} />}

      <section class="panel" aria-label={t('lookHeading')}>
        <LookPicker look={settings} onChange={update} />
      </section>

      <section class="panel terms-panel">
        <SearchBox
          id={SEARCH_ID}
          label={t('popupSearchLabel')}
          placeholder={t('popupSearchPlaceholder')}
          value={query}
          onInput={setQuery}
          onEnter={() => results[0] && openGlossary(results[0].anchor)}
          onArrowDown={() => resultList.current?.querySelector('button')?.focus()}
        />
        {/* Said as the reader types: live regions speak changes, so this one is always here. */}
        <p class="visually-hidden" role="status" data-testid="search-status">{searchStatus}</p>
        {searching ? (
          <SearchResults
            query={query}
            results={results}
            onOpen={openGlossary}
            listRef={resultList}
            onLeaveTop={() => document.getElementById(SEARCH_ID)?.focus()}
            allOff={allOff ? { onTurnOn: () => void api.openPage('options.html#glossaries').then(done) } : undefined}
          />
        ) : status === 'ok' && page.kind === 'ready' ? (
          <PageTerms terms={page.report.terms} onReveal={reveal} />
        ) : (
          <PageStatus
            kind={status === 'ok' ? 'loading' : status}
            onReload={page.kind === 'unavailable' && page.reloadMayHelp ? () => void api.reloadTab(page.tabId).then(done) : undefined}
            onAllow={page.kind === 'unavailable' && page.noAccess ? () => void allowAccess(page.tabId) : undefined}
          />
        )}
      </section>

      <footer class="popup-footer">
        <button type="button" class="link" onClick={() => void api.openOptions().then(done)}>{t('popupOpenOptions')}</button>
        <button type="button" class="link" onClick={() => openGlossary('')}>{t('popupOpenGlossary')}</button>
      </footer>
    </main>
  );
}

/**
 * The settings decide "off" at once; the content script's report follows a moment later, so a
 * report that disagrees with them is stale and shown as loading.
 */
function statusOf(page: PageState, enabled: boolean, siteOn: boolean): PageStatusKind | 'ok' {
  // No content script answers in a local file; Termlight would mark nothing there anyway.
  if (page.kind === 'unavailable' && page.localFile) return 'not-web';
  if (page.kind !== 'ready') return page.kind;
  if (!enabled) return 'disabled';
  // A local file, say: no site rule could turn Termlight on there.
  if (!/^https?:/i.test(page.url ?? page.report.url)) return 'not-web';
  if (!siteOn) return 'site-off';
  if (page.report.status !== 'ok') return 'loading';
  return page.report.terms.length === 0 ? 'no-terms' : 'ok';
}
