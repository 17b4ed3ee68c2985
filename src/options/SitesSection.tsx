import { useId, useRef, useState } from 'preact/hooks';
import { SITE_RULE_MODES, type SiteRuleMode } from '../core/settings/defaults';
import { coveringPattern, listedForm, normalizeSitePattern, wholeDomainOf, type LeftOut } from '../core/settings/site-rules';
import { useT } from '../ui/api';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { localize } from '../ui/problem-text';
import { saveProblemText } from '../ui/save-problem';
import { useFocusLater } from '../ui/use-focus-later';
import { Section } from './Section';
import type { SectionProps } from './section-props';

const MODE_KEYS: Record<SiteRuleMode, string> = { 'all-except': 'optSitesAllExcept', only: 'optSitesOnly' };

/** Where Termlight runs: everywhere but the listed sites, or only on them. */
export function SitesSection({ settings, update }: SectionProps) {
  const t = useT();
  const inputId = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  /** What was added last, and what of the address was left out to add it. */
  const [added, setAdded] = useState('');
  const rules = settings.siteRules;
  const list = useRef<HTMLUListElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const focusLater = useFocusLater();

  const add = async (event: Event) => {
    event.preventDefault();
    const result = normalizeSitePattern(draft);
    setAdded('');
    if (!result.ok) {
      // The reasons are written to fit inside other sentences too: here one stands alone.
      setError(t('optSitesRefused', localize(t, result.error)));
      return;
    }
    // Compared in one form: `xn--bcher-kva.de` is `bücher.de` written for DNS.
    const listed = listedForm(rules.patterns, result.pattern);
    if (listed !== null) {
      setError(listed === result.pattern ? t('optSitesDuplicate', listed) : t('optSitesDuplicateAs', [result.pattern, listed]));
      return;
    }
    const covering = coveringPattern(rules.patterns, result.pattern);
    if (covering !== null) {
      setError(t('optSitesCovered', [covering, result.pattern]));
      return;
    }
    setError('');
    // The list lives in synced storage, which keeps little per item: a long one may not fit.
    const problem = await update({ siteRules: { ...rules, patterns: [...rules.patterns, result.pattern] } });
    if (problem === null) {
      setDraft('');
      setAdded(addedText(t, result.pattern, result.leftOut));
    } else {
      setError(t('optSitesNotSaved', [result.pattern, saveProblemText(t, problem)]));
    }
  };
  const remove = (pattern: string) => {
    const at = rules.patterns.indexOf(pattern);
    void update({ siteRules: { ...rules, patterns: rules.patterns.filter((p) => p !== pattern) } });
    // To the row that took its place (or the one before), else to the box for a new site.
    focusLater(() => {
      const buttons = list.current?.querySelectorAll('button') ?? [];
      return buttons[Math.min(at, buttons.length - 1)] ?? input.current;
    });
  };

  return (
    <Section id="sites" title={t('optSitesTitle')}>
      <ChoiceGroup<SiteRuleMode>
        legend={t('optSitesMode')}
        variant="list"
        testId="site-mode"
        value={rules.mode}
        onChange={(mode) => update({ siteRules: { ...rules, mode } })}
        choices={SITE_RULE_MODES.map((value) => ({ value, label: t(MODE_KEYS[value]) }))}
      />
      <h3 class="sub-title">{t(rules.mode === 'only' ? 'optSitesListOnly' : 'optSitesListExcept')}</h3>
      {rules.patterns.length === 0 ? (
        <p class="empty">{t(rules.mode === 'only' ? 'optSitesEmptyOnly' : 'optSitesEmpty')}</p>
      ) : (
        <ul class="site-list" data-testid="site-list" ref={list}>
          {rules.patterns.map((pattern) => (
            <li key={pattern} class="site-item">
              <span class="site-pattern">{pattern}</span>
              <button type="button" class="button quiet" aria-label={t('optSitesRemoveLabel', pattern)} onClick={() => remove(pattern)}>
                {t('optRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="site-add" onSubmit={add}>
        <label class="field-label" for={inputId}>{t('optSitesAdd')}</label>
        <div class="inline-form">
          <input
            id={inputId}
            ref={input}
            type="text"
            autoComplete="off"
            spellcheck={false}
            placeholder={t('optSitesPlaceholder')}
            value={draft}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={`${inputId}-hint ${inputId}-error`}
            onInput={(e) => {
              setDraft(e.currentTarget.value);
              setError('');
              setAdded('');
            }}
          />
          <button type="submit" class="button">{t('optAdd')}</button>
        </div>
        <p id={`${inputId}-error`} class="error-text" role="alert">{error}</p>
        <p class="hint" role="status" data-testid="site-added">{added}</p>
        <p id={`${inputId}-hint`} class="hint">{t('optSitesHint')}</p>
      </form>
    </Section>
  );
}

/** What adding `pattern` did, said plainly where it is not what the reader typed. */
function addedText(t: ReturnType<typeof useT>, pattern: string, leftOut: readonly LeftOut[]): string {
  const ending = wholeDomainOf(pattern);
  if (ending) return t('optSitesAddedWholeDomain', [pattern, ending]);
  if (leftOut.includes('path')) return t('optSitesAddedPath', pattern);
  if (leftOut.includes('port')) return t('optSitesAddedPort', pattern);
  return t('optSitesAdded', pattern);
}
