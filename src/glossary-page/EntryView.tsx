import { CATEGORY_LABEL_KEYS } from '../core/glossary/categories';
import { useT } from '../ui/api';
import type { IndexedEntry } from '../ui/glossary-search';

interface EntryViewProps {
  item: IndexedEntry;
  /** Name the glossary an entry comes from when more than one is on. */
  showPack: boolean;
  targeted: boolean;
}

/** One term with its full entry. Plain text only: glossary text is never read as HTML. */
export function EntryView({ item, showPack, targeted }: EntryViewProps) {
  const t = useT();
  const { entry, pack, aliases, related, anchor } = item;
  const notes = (entry.notes ?? '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  // The page's own element ids hold an underscore, which no anchor can (anchors are kebab-case
  // ids, or two joined by "--"): whatever its id, an entry's link finds the entry.
  return (
    <article id={anchor} class={targeted ? 'entry is-target' : 'entry'} tabIndex={-1} aria-labelledby={`term_${anchor}`}>
      <header class="entry-head">
        <h3 class="entry-term" id={`term_${anchor}`}>{entry.term}</h3>
        <span class="chip">{t(CATEGORY_LABEL_KEYS[entry.category] ?? CATEGORY_LABEL_KEYS.concept)}</span>
        {showPack && <span class="entry-pack">{pack.name}</span>}
      </header>
      {aliases.length > 0 && <p class="entry-aliases">{t('glossaryAlso', aliases.join(', '))}</p>}
      <p class="entry-definition">{entry.definition}</p>
      {notes.length > 0 && pack.source && <p class="entry-notes-source">{t('cardNotesFrom', pack.source.title)}</p>}
      {notes.map((note, i) => <p key={i} class="entry-notes">{note}</p>)}
      {related.length > 0 && (
        <p class="entry-related">
          <span class="related-label">{t('glossaryRelated')}</span>{' '}
          {related.map((link, i) => (
            <span key={link.anchor}>
              {i > 0 && ', '}
              <a href={`#${encodeURIComponent(link.anchor)}`}>{link.term}</a>
            </span>
          ))}
        </p>
      )}
    </article>
  );
}
