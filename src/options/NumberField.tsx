import { useEffect, useId, useState } from 'preact/hooks';
import { useT } from '../ui/api';

interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  /** Unit shown after the box, e.g. "ms". */
  unit?: string;
  disabled?: boolean;
  onCommit(value: number): void;
  testId?: string;
}

/**
 * A whole number, stored when the reader leaves the box or presses Enter (not on every key, so
 * "1500" is not saved as 1, 15 and 150 on the way). Out-of-range values are brought into range,
 * and the range is always shown under the box so the reader knows before typing.
 */
export function NumberField({ label, value, min, max, step = 1, unit, disabled, onCommit, testId }: NumberFieldProps) {
  const id = useId();
  const hint = useT()('optRangeHint', [String(min), String(max)]);
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);

  const commit = () => {
    const parsed = Number(text);
    if (text.trim() === '' || !Number.isFinite(parsed)) {
      setText(String(value));
      return;
    }
    const next = Math.min(max, Math.max(min, Math.round(parsed)));
    setText(String(next));
    if (next !== value) onCommit(next);
  };

  return (
    <div class="field number-field">
      <label for={id} class="field-label">{label}</label>
      <span class="number-box">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={step}
          value={text}
          disabled={disabled}
          aria-describedby={`${id}-hint`}
          data-testid={testId}
          onInput={(e) => setText(e.currentTarget.value)}
          onChange={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
        {unit && <span class="unit" aria-hidden="true">{unit}</span>}
      </span>
      <span id={`${id}-hint`} class="hint">{hint}</span>
    </div>
  );
}
