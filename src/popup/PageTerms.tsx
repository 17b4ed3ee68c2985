import type { PageTerm } from '../core/messages';
import { useT } from '../ui/api';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { listStop, onListFocusIn, onListKeyDown } from '../ui/list-keys';

interface PageTermsProps {
  terms: PageTerm[];
  onReveal(term: PageTerm): void;
}

/** The terms marked on the page, in page order; choosing one scrolls to it and opens its card. */
export function PageTerms({ terms, onReveal }: PageTermsProps) {
  const t = useT();
  const list = useRef<HTMLUListElement>(null);
  // The list refreshes as the page changes: the term last used stays the stop.
  useLayoutEffect(() => listStop(list.current, true));
  return (
    <section class="page-terms" aria-labelledby="page-terms-heading">
      <h2 id="page-terms-heading" class="section-title">
        {t('popupTermsHeading')} <span class="count-total">{terms.length}</span>
      </h2>
      {/* One Tab stop; the list itself is none, though Firefox makes a scrolling box one. */}
      <ul class="term-list" ref={list} tabIndex={-1} onKeyDown={onListKeyDown} onFocusIn={onListFocusIn} data-testid="page-terms">
        {terms.map((term) => (
          <li key={`${term.packId}/${term.entryId}`}>
            <button type="button" class="term-item" onClick={() => onReveal(term)}>
              <span class="term-name">{term.term}</span>
              <span class="term-count" aria-hidden="true">{term.count}</span>
              <span class="visually-hidden">{t('popupTermTimes', String(term.count))}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
