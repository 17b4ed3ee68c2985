import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../ui/api';

/** What came of an import, reset or removal. `lines`: problems (error) or warnings (done). */
export interface Outcome {
  kind: 'done' | 'error';
  text: string;
  lines: string[];
  /** Takes back what was done (a removal, a replacement), offered after the text. */
  undo?: () => void;
}

const SHOWN_LINES = 8;
/** How long a repeated outcome stays away before it is shown (and said) again. */
const REPEAT_GAP_MS = 120;

const sameWords = (a: Outcome, b: Outcome) => a.kind === b.kind && a.text === b.text && a.lines.join('\n') === b.lines.join('\n');

/**
 * Where outcomes are shown and said. Screen readers speak a live region when its content
 * changes, not one that arrives filled: both regions (a status for what went well, an alert for
 * what did not) are always on the page, empty until there is something to say. The same words
 * again (the same broken file picked twice) are cleared first and come back a moment later, so
 * they are said again and seen to be new.
 */
export function OutcomeView({ outcome, testId }: { outcome: Outcome | null; testId: string }) {
  const [shown, setShown] = useState<Outcome | null>(outcome);
  useEffect(() => {
    if (outcome === shown) return;
    if (!outcome || !shown || !sameWords(outcome, shown)) return void setShown(outcome);
    setShown(null);
    const id = setTimeout(() => setShown(outcome), REPEAT_GAP_MS);
    return () => clearTimeout(id);
  }, [outcome]);
  const region = (kind: Outcome['kind']) => {
    const mine = shown?.kind === kind ? shown : null;
    return (
      <div role={kind === 'error' ? 'alert' : 'status'} class={mine ? `outcome outcome-${kind}` : undefined} data-testid={mine ? testId : undefined}>
        {mine && <OutcomeBody outcome={mine} />}
      </div>
    );
  };
  return (
    <div class="outcome-regions">
      {region('done')}
      {region('error')}
    </div>
  );
}

/** The outcome's sentence and its lines; a long list shows its first lines until asked for all. */
function OutcomeBody({ outcome }: { outcome: Outcome }) {
  const t = useT();
  // Which outcome was asked to show all: another one starts shortened, from its first drawing.
  const [allFor, setAllFor] = useState<Outcome | null>(null);
  const all = allFor === outcome;
  const firstMore = useRef<HTMLLIElement>(null);
  // The button goes with the shortened list: the focus goes on to the first line it hid.
  useEffect(() => {
    if (all) firstMore.current?.focus();
  }, [all]);
  const shown = all ? outcome.lines : outcome.lines.slice(0, SHOWN_LINES);
  const more = outcome.lines.length - shown.length;
  return (
    <>
      <p class="outcome-text">
        {outcome.text}
        {outcome.undo && (
          <>
            {' '}
            <button type="button" class="link" onClick={outcome.undo} data-testid="outcome-undo">{t('optUndo')}</button>
          </>
        )}
      </p>
      {shown.length > 0 && (
        <ul class="problems">
          {shown.map((line, i) =>
            i === SHOWN_LINES ? <li key={i} ref={firstMore} tabIndex={-1}>{line}</li> : <li key={i}>{line}</li>,
          )}
          {more > 0 && (
            <li class="problems-more">
              {t('optMoreProblems', String(more))}{' '}
              <button type="button" class="link" onClick={() => setAllFor(outcome)}>{t('optShowAllProblems')}</button>
            </li>
          )}
        </ul>
      )}
    </>
  );
}
