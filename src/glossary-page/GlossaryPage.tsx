import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { qualifiedAnchor } from '../core/glossary/anchor';
import { CATEGORY_LABEL_KEYS, isCategory } from '../core/glossary/categories';
import { useT } from '../ui/api';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { SearchBox } from '../ui/SearchBox';
import { filterEntries } from '../ui/glossary-search';
import { useEnabledEntries, useGlossaries } from '../ui/use-glossaries';
import { useSettings } from '../ui/use-settings';
import { EntryView } from './EntryView';
import { groupByCategory, groupByLetter, type Group } from './groups';
import { useHashTarget } from './use-hash-target';
import { useStickyHeader } from './use-sticky-header';

type View = 'az' | 'category';

/** Every term of every glossary that is on: A–Z or by category, searchable, deep-linkable. */
export function GlossaryPage() {
  const t = useT();
  const { settings } = useSettings();
  const { user, all } = useGlossaries();
  const entries = useEnabledEntries(all, settings?.disabledGlossaries);
  const [query, setQuery] = useState('');
  const [view, setView] = useState<View>('az');
  const { target: linked, stamp } = useHashTarget();
  const ready = settings !== null && user !== null;

  /**
   * A move to the linked entry is owed: a new link (or the other order) asks for one, and it is
   * made once the entry is drawn, which after a search is only when the cleared list is.
   */
  const owed = useRef(false);
  // A deep link must show its entry even if the search would hide it.
  useEffect(() => {
    owed.current = true;
    setQuery('');
  }, [stamp]);
  useEffect(() => void (owed.current = true), [view]);

  const shown = useMemo(() => filterEntries(entries, query), [entries, query]);
  const groups = useMemo(() => (view === 'az' ? groupByLetter(shown) : groupByCategory(shown)), [shown, view]);
  const packCount = new Set(entries.map((e) => e.pack.id)).size;
  // A link from a card names the pack too; the entry may go by its plain id here.
  const target = (entries.find((e) => e.anchor === linked) ?? entries.find((e) => qualifiedAnchor(e.pack.id, e.entry.id) === linked))?.anchor ?? linked;
  const targetFound = entries.some((e) => e.anchor === target);

  const header = useStickyHeader(ready && entries.length > 0);

  useEffect(() => {
    if (!owed.current || !ready || !target) return;
    const el = document.getElementById(target);
    if (!el?.classList.contains('entry')) return;
    owed.current = false;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [ready, target, stamp, view, shown]);

  if (!ready) return <main class="glossary" aria-busy="true" />;
  const groupLabel = (group: Group) =>
    view === 'az' || !isCategory(group.label) ? group.label : t(CATEGORY_LABEL_KEYS[group.label]);
  // The heading takes the focus too, so Tab goes on from the group jumped to.
  const jumpTo = (group: Group) => {
    const heading = document.getElementById(`group_${group.key}`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };
  const title = (
    <div class="page-header">
      <img class="logo" src="icons/icon-48.png" width={32} height={32} alt="" />
      <div>
        <h1 class="page-title">{t('glossaryTitle')}</h1>
        {entries.length > 0 && <p class="page-subtitle">{t('glossaryCount', String(entries.length))}</p>}
      </div>
    </div>
  );

  // Nothing to search or order: one message, and the way to turn a glossary on.
  if (entries.length === 0) {
    return (
      <main class="glossary">
        <header class="glossary-header is-empty">{title}</header>
        {target && <p class="note" role="status">{t('glossaryNotFound', target)}</p>}
        <p class="empty" data-testid="all-off">
          {t('glossaryAllOff')}{' '}
          <a class="link" href="options.html#glossaries">{t('glossaryTurnOn')}</a>
        </p>
      </main>
    );
  }

  return (
    <main class="glossary">
      <header class="glossary-header" ref={header}>
        {title}
        <div class="toolbar">
          <SearchBox
            id="glossary_search"
            label={t('glossarySearchLabel')}
            placeholder={t('glossarySearchPlaceholder')}
            value={query}
            onInput={(text) => {
              // The reader is searching now: a move to the linked entry still owed (a view
              // switched while the search hid it) would take the focus from the box.
              owed.current = false;
              setQuery(text);
            }}
          />
          <ChoiceGroup<View>
            legend={t('glossaryView')}
            quietLegend
            testId="glossary-view"
            value={view}
            onChange={setView}
            choices={[{ value: 'az', label: t('glossaryViewAz') }, { value: 'category', label: t('glossaryViewCategory') }]}
          />
        </div>
        {groups.length > 1 && (
          // One row that scrolls sideways on a narrow window; the buttons are its Tab stops.
          // Keyed by the view: the other view's row starts at its first item, not scrolled sideways.
          <nav key={view} class="jump" aria-label={t('glossaryJump')} tabIndex={-1}>
            {groups.map((group) => (
              <button type="button" key={group.key} class="jump-item" onClick={() => jumpTo(group)}>
                {groupLabel(group)}
              </button>
            ))}
          </nav>
        )}
      </header>

      {target && !targetFound && <p class="note" role="status">{t('glossaryNotFound', target)}</p>}
      {shown.length === 0 ? (
        <p class="empty" role="status">{t('popupNoResults', query.trim())}</p>
      ) : (
        <p class="visually-hidden" role="status">{query.trim() ? t('glossaryMatches', String(shown.length)) : ''}</p>
      )}

      {groups.map((group) => (
        <section key={group.key} class="group" aria-labelledby={`group_${group.key}`}>
          <h2 class="group-title" id={`group_${group.key}`} tabIndex={-1}>{groupLabel(group)}</h2>
          {group.items.map((item) => (
            <EntryView key={item.anchor} item={item} showPack={packCount > 1} targeted={item.anchor === target} />
          ))}
        </section>
      ))}
    </main>
  );
}
