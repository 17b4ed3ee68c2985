import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useT } from '../ui/api';

interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  /** Unit shown after the box, e.g. "ms": hidden from screen readers, who hear `unitName`. */
  unit?: string;
  /** The unit in words, e.g. "milliseconds": said in the range and in what is said of typing. */
  unitName?: string;
  disabled?: boolean;
  /** Why the box is off, shown in place of the range while it is. */
  disabledHint?: string;
  onCommit(value: number): void;
  testId?: string;
}

/**
 * A whole number, stored when the reader leaves the box or presses Enter (not on every key, so
 * "1500" is not saved as 1, 15 and 150 on the way). Out-of-range values are brought into range
 * and fractions rounded, and the range is always shown under the box so the reader knows before
 * typing; when what was typed is changed or refused, a line under it says so.
 */
export function NumberField(props: NumberFieldProps) {
  const { label, value, min, max, step = 1, unit, unitName, disabled, disabledHint, onCommit, testId } = props;
  const id = useId();
  const t = useT();
  const range = unitName ? t('optRangeHintUnit', [String(min), String(max), unitName]) : t('optRangeHint', [String(min), String(max)]);
  const hint = disabled && disabledHint ? disabledHint : range;
  const [text, setText] = useState(String(value));
  /** What became of the last thing typed, when it was not taken as it was. */
  const [said, setSaid] = useState('');
  /** A number box gives '' for text that is no number: the browser says which it was. */
  const [badInput, setBadInput] = useState(false);
  /** The text the box was last given: committing it again changes nothing. */
  const shown = useRef(String(value));
  /** The value this box last stored: when the value changes to anything else, that came from elsewhere. */
  const stored = useRef(value);
  useEffect(() => {
    setText((shown.current = String(value)));
    // Changed in another tab (or by an import): what was said of the last typing no longer holds.
    if (value !== stored.current) {
      setSaid('');
      setBadInput(false);
    }
  }, [value]);

  // A box turned off takes no typing: what was said of the last no longer applies.
  useEffect(() => {
    if (disabled) setSaid('');
  }, [disabled]);

  /** How the number stored differs from the one typed, in words; '' when it does not. */
  const changeSaid = (typed: number, next: number) => {
    if (typed < min || typed > max) return t('optNumberAdjusted', [String(next), text.trim()]);
    if (typed === next) return '';
    return unitName ? t('optNumberRoundedUnit', [String(next), unitName]) : t('optNumberRounded', String(next));
  };

  const commit = () => {
    // Enter commits, and the change event that follows it must not undo what was said.
    if (text === shown.current) return;
    const parsed = Number(text);
    if (text.trim() === '' || !Number.isFinite(parsed)) {
      setSaid(badInput || text.trim() !== '' ? t('optNumberKept', String(value)) : '');
      setText((shown.current = String(value)));
      return;
    }
    const next = Math.min(max, Math.max(min, Math.round(parsed)));
    setSaid(changeSaid(parsed, next));
    setText((shown.current = String(next)));
    stored.current = next;
    if (next !== value) onCommit(next);
  };

  return (
    <div class={disabled ? 'field number-field is-disabled' : 'field number-field'}>
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
          onInput={(e) => {
            setText(e.currentTarget.value);
            setBadInput(e.currentTarget.validity?.badInput === true);
          }}
          onChange={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
        {unit && <span class="unit" aria-hidden="true">{unit}</span>}
      </span>
      <span id={`${id}-hint`} class="hint">{hint}</span>
      <span class="hint adjusted" role="status">{said}</span>
    </div>
  );
}
