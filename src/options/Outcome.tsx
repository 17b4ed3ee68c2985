import { useT } from '../ui/api';

/** What came of an import, reset or removal. `lines`: problems (error) or warnings (done). */
export interface Outcome {
  kind: 'done' | 'error';
  text: string;
  lines: string[];
}

const SHOWN_LINES = 8;

export function OutcomeView({ outcome, testId }: { outcome: Outcome; testId: string }) {
  const t = useT();
  const shown = outcome.lines.slice(0, SHOWN_LINES);
  const more = outcome.lines.length - shown.length;
  return (
    <div class={`outcome outcome-${outcome.kind}`} role={outcome.kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <p class="outcome-text">{outcome.text}</p>
      {shown.length > 0 && (
        <ul class="problems">
          {shown.map((line) => <li key={line}>{line}</li>)}
          {more > 0 && <li>{t('optMoreProblems', String(more))}</li>}
        </ul>
      )}
    </div>
  );
}
