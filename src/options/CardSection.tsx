import { useId } from 'preact/hooks';
import { LIMITS, MODIFIER_KEYS, TRIGGERS, type ModifierKey, type Trigger } from '../core/settings/defaults';
import { useT } from '../ui/api';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { NumberField } from './NumberField';
import { Section } from './Section';
import type { SectionProps } from './section-props';

const TRIGGER_KEYS: Record<Trigger, string> = {
  hover: 'optTriggerHover',
  'hover-modifier': 'optTriggerHoverModifier',
  click: 'optTriggerClick',
};
const MODIFIER_LABEL_KEYS: Record<ModifierKey, string> = {
  Alt: 'keyAlt',
  Control: 'keyControl',
  Shift: 'keyShift',
  Meta: 'keyMeta',
};

/** The key to hold is chosen just below its choice: that one comes last. */
const SHOWN_TRIGGERS: readonly Trigger[] = [...TRIGGERS.filter((trigger) => trigger !== 'hover-modifier'), 'hover-modifier'];

/** How the definition card opens and closes. */
export function CardSection({ settings, update }: SectionProps) {
  const t = useT();
  const modifierId = useId();
  const { hoverDelayMs, hideDelayMs } = LIMITS;
  return (
    <Section id="card" title={t('optCardTitle')} intro={t('optCardIntro')}>
      <ChoiceGroup<Trigger>
        legend={t('optTrigger')}
        variant="list"
        testId="trigger"
        value={settings.trigger}
        onChange={(trigger) => update({ trigger })}
        choices={SHOWN_TRIGGERS.map((value) => ({
          value,
          label: t(TRIGGER_KEYS[value]),
          // Only pointing opens a card on keyboard focus too; the others would open one the reader
          // did not ask for.
          hint: t(value === 'hover' ? 'optTriggerFocusToo' : 'optTriggerNoFocus'),
        }))}
      />
      {settings.trigger === 'hover-modifier' && (
        <div class="field indent">
          <label class="field-label" for={modifierId}>{t('optModifierKey')}</label>
          <select
            id={modifierId}
            value={settings.modifierKey}
            onChange={(e) => update({ modifierKey: e.currentTarget.value as ModifierKey })}
          >
            {MODIFIER_KEYS.map((key) => <option key={key} value={key}>{t(MODIFIER_LABEL_KEYS[key])}</option>)}
          </select>
        </div>
      )}
      <div class="field-row">
        <NumberField
          label={t('optHoverDelay')}
          unit={t('unitMs')}
          unitName={t('unitMilliseconds')}
          step={50}
          {...hoverDelayMs}
          value={settings.hoverDelayMs}
          disabled={settings.trigger === 'click'}
          disabledHint={t('optHoverDelayOnClick')}
          onCommit={(value) => update({ hoverDelayMs: value })}
          testId="hover-delay"
        />
        <NumberField
          label={t('optHideDelay')}
          unit={t('unitMs')}
          unitName={t('unitMilliseconds')}
          step={50}
          {...hideDelayMs}
          value={settings.hideDelayMs}
          onCommit={(value) => update({ hideDelayMs: value })}
          testId="hide-delay"
        />
      </div>
    </Section>
  );
}
