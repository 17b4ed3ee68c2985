import { OCCURRENCE_MODES, THEMES, type OccurrenceMode, type Theme } from '../core/settings/defaults';
import { useT } from '../ui/api';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { LookPicker } from '../ui/LookPicker';
import { Switch } from '../ui/Switch';
import { Section } from './Section';
import type { SectionProps } from './section-props';

const OCCURRENCE_KEYS: Record<OccurrenceMode, string> = { all: 'optOccurrencesAll', first: 'optOccurrencesFirst' };
const THEME_KEYS: Record<Theme, string> = { auto: 'optThemeAuto', light: 'optThemeLight', dark: 'optThemeDark' };

export function HighlightSection({ settings, update }: SectionProps) {
  const t = useT();
  return (
    <Section id="highlighting" title={t('optHighlightingTitle')}>
      <Switch
        label={t('popupEnabled')}
        hint={t('optEnabledHint')}
        checked={settings.enabled}
        onChange={(enabled) => update({ enabled })}
        testId="master-switch"
      />
      <LookPicker look={settings} onChange={update} />
      <ChoiceGroup<OccurrenceMode>
        legend={t('optOccurrences')}
        variant="list"
        testId="occurrences"
        value={settings.occurrences}
        onChange={(occurrences) => update({ occurrences })}
        choices={OCCURRENCE_MODES.map((value) => ({ value, label: t(OCCURRENCE_KEYS[value]) }))}
      />
      <ChoiceGroup<Theme>
        legend={t('optTheme')}
        testId="theme"
        value={settings.theme}
        onChange={(theme) => update({ theme })}
        choices={THEMES.map((value) => ({ value, label: t(THEME_KEYS[value]) }))}
      />
      <p class="hint">{t('optThemeHint')}</p>
      <Switch
        label={t('optBadge')}
        hint={t('optBadgeHint')}
        checked={settings.showBadge}
        onChange={(showBadge) => update({ showBadge })}
        testId="badge-switch"
      />
    </Section>
  );
}
