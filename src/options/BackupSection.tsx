import { useRef, useState } from 'preact/hooks';
import { defaults } from '../core/settings/defaults';
import { exportSettings, parseSettingsImport } from '../core/settings/import-export';
import { warningPhrase } from '../core/settings/validate';
import { useApi } from '../ui/api';
import { downloadText, type ChosenFile } from '../ui/files';
import { localize } from '../ui/problem-text';
import { saveProblemText } from '../ui/save-problem';
import { useFocusLater } from '../ui/use-focus-later';
import { ImportButton } from './ImportButton';
import { OutcomeView, type Outcome } from './Outcome';
import { Section } from './Section';
import type { SectionProps } from './section-props';

export const EXPORT_FILE_NAME = 'termlight-settings.json';

/** Export, import (all or nothing) and reset of every setting. */
export function BackupSection({ settings }: Pick<SectionProps, 'settings'>) {
  const api = useApi();
  const t = api.t;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();
  /** Asks first, the focus on Cancel: not by `autoFocus`, an HTML attribute a page obeys only once. */
  const openQuestion = () => {
    setConfirming(true);
    focusLater(() => cancelButton.current);
  };
  /** Closes the question, handing the focus back to the button that asked it. */
  const closeQuestion = () => {
    setConfirming(false);
    focusLater(() => resetButton.current);
  };

  const onFile = async (file: ChosenFile) => {
    const result = parseSettingsImport(file.text, settings);
    if (!result.ok) {
      const lines = result.reasons.map((reason) => localize(t, reason));
      setOutcome({ kind: 'error', text: t('optImportRefused', file.name), lines });
      return;
    }
    try {
      await api.replaceSettings(result.settings);
    } catch (err) {
      setOutcome({ kind: 'error', text: t('optImportNotSaved', [file.name, saveProblemText(t, err)]), lines: [] });
      return;
    }
    const lines = result.warnings.map((problem) => localize(t, warningPhrase(problem)));
    const { kept } = result;
    const keptText = kept.length === 0 ? '' : kept.length === 1 ? t('optImportKeptOne', kept[0]) : t('optImportKept', String(kept.length));
    setOutcome({ kind: 'done', text: [t('optImportDone', file.name), keptText].filter(Boolean).join(' '), lines });
  };

  const reset = async () => {
    closeQuestion();
    try {
      await api.replaceSettings(defaults);
      setOutcome({ kind: 'done', text: t('optResetDone'), lines: [] });
    } catch (err) {
      setOutcome({ kind: 'error', text: t('optResetNotSaved', saveProblemText(t, err)), lines: [] });
    }
  };

  return (
    <Section id="backup" title={t('optBackupTitle')} intro={t('optBackupIntro')}>
      <div class="actions">
        <button type="button" class="button" onClick={() => downloadText(document, EXPORT_FILE_NAME, exportSettings(settings))}>
          {t('optExport')}
        </button>
        <ImportButton label={t('optImport')} testId="settings-file" onFile={onFile} />
        {!confirming && (
          <button type="button" class="button quiet danger" ref={resetButton} onClick={openQuestion}>{t('optReset')}</button>
        )}
      </div>
      {confirming && (
        <div
          class="confirm"
          role="group"
          aria-labelledby="reset-question"
          // Escape answers "no", as it would in a dialog.
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            closeQuestion();
          }}
        >
          <p id="reset-question">{t('optResetQuestion')}</p>
          <div class="actions">
            <button type="button" class="button danger-solid" onClick={() => void reset()} data-testid="reset-confirm">
              {t('optResetConfirm')}
            </button>
            <button type="button" class="button quiet" ref={cancelButton} onClick={closeQuestion}>{t('optCancel')}</button>
          </div>
        </div>
      )}
      <OutcomeView outcome={outcome} testId="backup-outcome" />
    </Section>
  );
}
