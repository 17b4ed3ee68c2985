/**
 * Up and down arrows move between the buttons of a list (Home and End to its ends), so a long
 * list of terms is quick to walk with the keyboard; Tab still leaves the list.
 */
export function onListKeyDown(event: KeyboardEvent): void {
  const list = event.currentTarget as HTMLElement;
  const items = [...list.querySelectorAll<HTMLElement>('button, a[href]')];
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
  next.focus();
}
