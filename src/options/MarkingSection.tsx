import { LIMITS } from '../core/settings/defaults';
import { useT } from '../ui/api';
import { Switch } from '../ui/Switch';
import { NumberField } from './NumberField';
import { Section } from './Section';
import type { SectionProps } from './section-props';

/** Which words get marked: the common-word gate and code blocks. */
export function MarkingSection({ settings, update }: SectionProps) {
  const t = useT();
  const gate = settings.contextGate;
  const { min, max } = LIMITS.contextGateThreshold;
  return (
    <Section id="marking" title={t('optMarkingTitle')}>
      <Switch
        label={t('optContextGate')}
        hint={t('optContextGateHint', String(gate.threshold))}
        checked={gate.enabled}
        onChange={(enabled) => update({ contextGate: { ...gate, enabled } })}
        testId="context-gate"
      />
      <div class="indent">
        <NumberField
          label={t('optContextThreshold')}
          min={min}
          max={max}
          value={gate.threshold}
          disabled={!gate.enabled}
          onCommit={(threshold) => update({ contextGate: { ...gate, threshold } })}
          testId="context-threshold"
        />
      </div>
      <Switch
        label={t('optSkipCode')}
        hint={t('optSkipCodeHint')}
        checked={settings.skipCode}
        onChange={(skipCode) => update({ skipCode })}
        testId="skip-code"
      />
    </Section>
  );
}
