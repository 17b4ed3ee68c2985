import { render, type VNode } from 'preact';
import { act } from 'preact/test-utils';
import { ApiContext, type UiApi } from '../../src/ui/api';

const mounted: HTMLElement[] = [];

/** Lets loads, storage events and re-renders run out, as they do between two clicks of a person. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
}

/** Renders an extension page on `api` into a fresh element of the document, loaded. */
export async function renderPage(api: UiApi, page: VNode): Promise<HTMLElement> {
  const root = document.body.appendChild(document.createElement('div'));
  mounted.push(root);
  await act(() => render(<ApiContext.Provider value={api}>{page}</ApiContext.Provider>, root));
  await settle();
  return root;
}

/** Unmounts every page, so its watchers stop, and empties the document. For `afterEach`. */
export function unmountPages(): void {
  for (const root of mounted.splice(0)) render(null, root);
  document.body.innerHTML = '';
}

export async function click(element: HTMLElement): Promise<void> {
  await act(() => element.click());
  await settle();
}

/** Types into a box: the value changes and an `input` event fires, as on each key press. */
export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  await act(() => {
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Types into a box and commits it, as leaving the box or pressing Enter does. */
export async function enter(input: HTMLInputElement, value: string): Promise<void> {
  await typeInto(input, value);
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

/** Puts a file in an `<input type=file>` as the file picker would, and lets the page read it. */
export async function chooseFile(input: HTMLInputElement, name: string, text: string): Promise<void> {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

export const byTestId = <T extends Element = HTMLElement>(root: Element, id: string) =>
  root.querySelector<T>(`[data-testid=${id}]`)!;
