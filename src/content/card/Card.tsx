import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { aliasText } from '../../core/glossary/surface-form';
import type { GlossaryEntry } from '../../core/glossary/types';
import { pluralOf } from '../../core/matcher/forms';
import type { CardTheme } from './card-css';
import type { CardStrings } from './strings';

export interface RelatedTerm {
  /** Index of the related entry in the controller's entry list. */
  index: number;
  term: string;
}

export interface CardProps {
  entry: GlossaryEntry;
  /** Name of the glossary the definition comes from. */
  glossaryName: string;
  /**
   * The title of the source the notes come from. Notes speak of "the article": on a page that
   * is not that article, the reader must be told which one.
   */
  notesSource?: string;
  /**
   * The language the glossary is written in: its words are read in it, and run in the
   * direction their own letters give, inside a card laid out in the interface's language.
   */
  language?: string;
  related: readonly RelatedTerm[];
  strings: CardStrings;
  theme: CardTheme;
  onRelated(index: number): void;
  onOpenGlossary(): void;
  /** The card changed size by itself (notes opened or closed): it must be placed again. */
  onResize(): void;
}

/**
 * One glossary entry. Everything from the glossary goes in as text children, which Preact
 * escapes; nothing here ever parses glossary text as HTML. The card always holds buttons, so
 * it is a non-modal dialog named after the term; it never takes focus by itself.
 */
export function Card(props: CardProps) {
  const { entry, strings } = props;
  // The controller keys the card by entry, so switching entries starts with the notes closed.
  const [expanded, setExpanded] = useState(false);
  const mounted = useRef(false);
  useLayoutEffect(() => {
    if (mounted.current) props.onResize();
    mounted.current = true;
  }, [expanded]);

  const aliases = aliasList(entry);
  const notes = entry.notes ? paragraphs(entry.notes) : [];
  const notesId = `tl-notes-${entry.id}`;
  const definitionId = `tl-definition-${entry.id}`;
  const written = { lang: props.language, dir: 'auto' } as const;
  return (
    <div
      class="card"
      role="dialog"
      aria-label={entry.term}
      aria-describedby={definitionId}
      data-theme={props.theme}
      tabIndex={-1}
    >
      <div class="head">
        <p class="term" {...written}>
          {entry.term}
        </p>
        <span class="category">{strings.category(entry.category)}</span>
      </div>
      {aliases.length > 0 && <p class="aliases">{strings.text('cardAlso', aliases.join(', '))}</p>}
      <p class="definition" id={definitionId} {...written}>
        {entry.definition}
      </p>
      {notes.length > 0 && (
        <>
          <button
            type="button"
            class="more"
            aria-expanded={expanded ? 'true' : 'false'}
            aria-controls={notesId}
            onClick={() => setExpanded(!expanded)}
          >
            <span class="chevron" aria-hidden="true">
              ▸
            </span>
            {strings.text(expanded ? 'cardLess' : 'cardMore')}
          </button>
          <div class="notes" id={notesId} hidden={!expanded}>
            {expanded && props.notesSource && <p class="notes-source">{strings.text('cardNotesFrom', props.notesSource)}</p>}
            {expanded &&
              notes.map((text, i) => (
                <p key={i} {...written}>
                  {text}
                </p>
              ))}
          </div>
        </>
      )}
      {props.related.length > 0 && (
        <div class="related">
          <span class="related-label">{strings.text('cardRelated')}</span>
          <ul aria-label={strings.text('cardRelated')}>
            {props.related.map((r) => (
              <li key={r.index}>
                <button type="button" class="chip" onClick={() => props.onRelated(r.index)}>
                  {r.term}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="foot">
        <span class="source">{strings.text('cardFrom', props.glossaryName)}</span>
        <button type="button" class="open" onClick={() => props.onOpenGlossary()}>
          {strings.text('cardOpenGlossary')}
          <span aria-hidden="true"> ↗</span>
        </button>
      </div>
    </div>
  );
}

/**
 * The other names of the term, without repeats, the term itself, or the plural of a name
 * already shown ("LMs" after "LM": listed apart so that "LMS" is not found).
 */
export function aliasList(entry: GlossaryEntry): string[] {
  const seen = new Set<string>();
  const see = (text: string) => {
    seen.add(text.toLowerCase());
    const plural = pluralOf(text);
    if (plural) seen.add(plural.text.toLowerCase());
  };
  see(entry.term);
  const out: string[] = [];
  for (const alias of entry.aliases ?? []) {
    const text = aliasText(alias).trim();
    if (!text || seen.has(text.toLowerCase())) continue;
    see(text);
    out.push(text);
  }
  return out;
}

/** Notes are plain text; a blank line starts a new paragraph. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
