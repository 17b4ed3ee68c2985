import type { CardTheme } from './card-css';
import { clipText } from './clip-text';
import type { CardStrings } from './strings';

/** How much of the looked-up selection the heading quotes. */
const HEADING_CHARS = 60;
/** How much of a suggested entry's definition its button shows. */
const DEFINITION_CHARS = 80;

export interface Suggestion {
  /** Index of the entry in the controller's entry list. */
  index: number;
  term: string;
  definition: string;
}

export interface SuggestionsProps {
  /** The selection the reader looked up, as it came. */
  text: string;
  suggestions: readonly Suggestion[];
  strings: CardStrings;
  theme: CardTheme;
  onPick(index: number): void;
  onOpenGlossary(): void;
}

/**
 * The card for a looked-up selection that names no entry: what was looked up, then the closest
 * entries as buttons (each opens its entry in this card), or a way into the glossary when
 * nothing came close. The selection is page text, so like glossary text it only ever goes in
 * as a text child. A non-modal dialog like the card itself; it never takes focus on its own.
 */
export function Suggestions(props: SuggestionsProps) {
  const { strings } = props;
  const heading = strings.text('cardNoEntry', clipText(props.text, HEADING_CHARS));
  const closest = strings.text('cardClosest');
  return (
    <div class="card lookup" role="dialog" aria-label={heading} data-theme={props.theme} tabIndex={-1}>
      <div class="head">
        <p class="term">{heading}</p>
      </div>
      {props.suggestions.length > 0 ? (
        <>
          <p class="lookup-label" aria-hidden="true">
            {closest}
          </p>
          <ul class="picks" aria-label={closest}>
            {props.suggestions.map((s) => (
              <li key={s.index}>
                <button type="button" class="pick" onClick={() => props.onPick(s.index)}>
                  <span class="pick-term">{s.term}</span>
                  <span class="pick-definition">{clipText(s.definition, DEFINITION_CHARS)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p class="none">{strings.text('cardNoneClose')}</p>
          <div class="foot">
            <button type="button" class="open" onClick={() => props.onOpenGlossary()}>
              {strings.text('cardOpenGlossaryAll')}
              <span aria-hidden="true"> ↗</span>
            </button>
          </div>
        </>
      )}
    </div>
  );
}
