import { useRef } from 'preact/hooks';
import { readChosenFile, type ChosenFile } from '../ui/files';

interface ImportButtonProps {
  label: string;
  /** `data-testid` of the file input, which tests fill in place of the file picker. */
  testId: string;
  onFile(file: ChosenFile): Promise<void>;
}

/**
 * A button that opens the file picker for one JSON file and hands over its text. The input
 * itself stays hidden: its own look differs in every browser and cannot be translated.
 */
export function ImportButton({ label, testId, onFile }: ImportButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const onChange = async (element: HTMLInputElement) => {
    const file = await readChosenFile(element);
    element.value = ''; // choosing the same file again, once fixed, must fire another change
    if (file) await onFile(file);
  };
  return (
    <>
      <button type="button" class="button" onClick={() => input.current?.click()}>{label}</button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        class="file-input"
        data-testid={testId}
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => void onChange(e.currentTarget)}
      />
    </>
  );
}
