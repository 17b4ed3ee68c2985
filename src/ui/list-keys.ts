/**
 * A list of buttons that is one stop for Tab: only one of its buttons is in the Tab order (the
 * last one used, the first at the start), and the arrow keys move between them (Home and End to
 * its ends). A long list of terms is then quick to walk, and quick to get past.
 */

const itemsOf = (list: HTMLElement) => [...list.querySelectorAll<HTMLElement>('button, a[href]')];

/** The Tab order's one stop in the list: `item`, or the first button when not given. */
function makeStop(list: HTMLElement, item?: HTMLElement): void {
  const items = itemsOf(list);
  const stop = item && items.includes(item) ? item : items[0];
  for (const el of items) el.tabIndex = el === stop ? 0 : -1;
}

export function onListKeyDown(event: KeyboardEvent): void {
  const list = event.currentTarget as HTMLElement;
  const items = itemsOf(list);
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  const next =
    event.key === 'ArrowDown' ? items[at + 1]
    : event.key === 'ArrowUp' ? items[at - 1]
    : event.key === 'Home' ? items[0]
    : event.key === 'End' ? items[items.length - 1]
    : undefined;
  if (!next) return;
  event.preventDefault();
  makeStop(list, next);
  next.focus();
}

/** Whichever button gets the focus (a click, a search) becomes the list's stop. */
export function onListFocusIn(event: FocusEvent): void {
  // The list itself takes the focus when its padding is clicked: that chooses no button.
  if (event.target === event.currentTarget) return;
  makeStop(event.currentTarget as HTMLElement, event.target as HTMLElement);
}

/**
 * Gives a freshly drawn list its one stop (call after each render): the button with the focus,
 * else (with `keep`) the stop it had, if still there, else the first. Buttons just drawn are in
 * the Tab order by default, so only a stop set here counts.
 */
export function listStop(list: HTMLElement | null, keep: boolean): void {
  if (!list) return;
  const items = itemsOf(list);
  const focused = items.find((el) => el === document.activeElement);
  const kept = keep ? items.find((el) => el.getAttribute('tabindex') === '0') : undefined;
  makeStop(list, focused ?? kept);
}
