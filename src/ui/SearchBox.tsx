interface SearchBoxProps {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onInput(value: string): void;
  onEnter?: () => void;
  /** ArrowDown in the box: a list of results below it takes the focus. */
  onArrowDown?: () => void;
  autoFocus?: boolean;
}

/** A search field with its magnifier; the label is read out, the placeholder shows. */
export function SearchBox({ id, label, placeholder, value, onInput, onEnter, onArrowDown, autoFocus }: SearchBoxProps) {
  return (
    <div class="search-box">
      <label class="visually-hidden" for={id}>{label}</label>
      <svg viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.7" aria-hidden="true">
        <circle cx="7" cy="7" r="4.8" />
        <path d="m10.6 10.6 3.6 3.6" stroke-linecap="round" />
      </svg>
      <input
        id={id}
        type="search"
        autoComplete="off"
        spellcheck={false}
        autoFocus={autoFocus}
        placeholder={placeholder}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onEnter?.();
          else if (e.key === 'ArrowDown' && onArrowDown) {
            e.preventDefault();
            onArrowDown();
          }
        }}
      />
    </div>
  );
}
