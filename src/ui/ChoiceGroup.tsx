import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface Choice<T extends string> {
  value: T;
  label: ComponentChildren;
  /** Accessible name when the label is not plain text (a swatch, a sample). */
  ariaLabel?: string;
  hint?: ComponentChildren;
}

interface ChoiceGroupProps<T extends string> {
  legend: ComponentChildren;
  choices: readonly Choice<T>[];
  value: T;
  onChange(value: T): void;
  /** `segmented`: side by side buttons; `list`: one per line with hints; `swatches`: colours. */
  variant?: 'segmented' | 'list' | 'swatches';
  /** Hide the legend visually (it is still read out), where a heading already says it. */
  quietLegend?: boolean;
  testId?: string;
}

/** One of several: native radio buttons, so arrow keys and screen readers work as expected. */
export function ChoiceGroup<T extends string>(props: ChoiceGroupProps<T>) {
  const { legend, choices, value, onChange, variant = 'segmented', quietLegend, testId } = props;
  const name = useId();
  return (
    <fieldset class={`choices choices-${variant}`} data-testid={testId}>
      <legend class={quietLegend ? 'visually-hidden' : 'choices-legend'}>{legend}</legend>
      <div class="choices-options">
        {choices.map((choice) => (
          <label class="choice" key={choice.value}>
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={choice.value === value}
              aria-label={choice.ariaLabel}
              onChange={() => onChange(choice.value)}
            />
            <span class="choice-body">
              <span class="choice-label">{choice.label}</span>
              {choice.hint && <span class="hint">{choice.hint}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
