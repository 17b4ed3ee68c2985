import type { RefObject } from 'preact';
import { useT } from '../ui/api';
import type { IndexedEntry } from '../ui/glossary-search';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { listStop, onListFocusIn, onListKeyDown } from '../ui/list-keys';

interface SearchResultsProps {
  query: string;
  results: IndexedEntry[];
  onOpen(anchor: string): void;
  /** The list, for the search box to move the focus into it. */
  listRef?: RefObject<HTMLUListElement>;
  /** ArrowUp on the first result: back to the search box. */
  onLeaveTop?: () => void;
  /** Every glossary is off: nothing could match, and the way out is to turn one on. */
  allOff?: { onTurnOn(): void };
}

/** Matches from every glossary that is on, whether or not the page uses them. */
export function SearchResults({ query, results, onOpen, listRef, onLeaveTop, allOff }: SearchResultsProps) {
  const t = useT();
  const ownList = useRef<HTMLUListElement>(null);
  const list = listRef ?? ownList;
  const idBase = useId();
  // New results for each keystroke: the best match is the stop.
  useLayoutEffect(() => listStop(list.current, false));
  const onKeyDown = (event: KeyboardEvent) => {
    const first = list.current?.querySelector('button');
    if (event.key === 'ArrowUp' && onLeaveTop && first && document.activeElement === first) {
      event.preventDefault();
      onLeaveTop();
    } else {
      onListKeyDown(event);
    }
  };
  // What these say, the popup's search status says too (it is there before they are).
  if (allOff) {
    return (
      <p class="empty" data-testid="all-off">
        {t('glossaryAllOff')}{' '}
        <button type="button" class="link" onClick={allOff.onTurnOn}>{t('glossaryTurnOn')}</button>
      </p>
    );
  }
  if (results.length === 0) {
    return (
      <p class="empty">
        {t('popupNoResults', query.trim())}{' '}
        <button type="button" class="link" onClick={() => onOpen('')}>{t('popupBrowseGlossary')}</button>
      </p>
    );
  }
  return (
    <ul
      class="result-list"
      ref={list}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onFocusIn={onListFocusIn}
      data-testid="search-results"
      aria-label={t('popupResultsLabel')}
    >
      {results.map((item, i) => (
        <li key={item.anchor}>
          {/* Named by its term, described by its definition: a screen reader says the term first,
              and the whole definition only when asked to describe. */}
          <button
            type="button"
            class="result-item"
            aria-labelledby={`${idBase}-term-${i}`}
            aria-describedby={`${idBase}-def-${i}`}
            onClick={() => onOpen(item.anchor)}
          >
            <span class="result-term" id={`${idBase}-term-${i}`}>{item.entry.term}</span>
            <span class="result-definition" id={`${idBase}-def-${i}`}>{item.entry.definition}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
