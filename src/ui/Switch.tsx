import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface SwitchProps {
  label: ComponentChildren;
  /** A second line under the label, read out as the switch's description. */
  hint?: ComponentChildren;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  /** For tests and end-to-end scripts: `data-testid`. */
  testId?: string;
}

/** An on/off setting: a real button with `role="switch"`, named by its visible label. */
export function Switch({ label, hint, checked, onChange, disabled, testId }: SwitchProps) {
  const id = useId();
  return (
    <div class="switch-row">
      <span class="switch-text">
        <label for={id} class="switch-label">{label}</label>
        {hint && <span id={`${id}-hint`} class="hint">{hint}</span>}
      </span>
      <button
        id={id}
        type="button"
        role="switch"
        class="switch"
        aria-checked={checked ? 'true' : 'false'}
        aria-describedby={hint ? `${id}-hint` : undefined}
        disabled={disabled}
        data-testid={testId}
        onClick={() => onChange(!checked)}
      >
        <span class="switch-thumb" aria-hidden="true" />
      </button>
    </div>
  );
}
