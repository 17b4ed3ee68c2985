import type { Occurrence } from '../engine/types';
import type { CardView } from './card-view';
import type { CardSettings } from './controller';
import type { HoverEvent } from './hover-machine';

interface KeyboardOptions<T> {
  doc: Document;
  signal: AbortSignal;
  view: Pick<CardView, 'contains' | 'isOpen' | 'focusIn' | 'focusPlace' | 'giveFocusBack'>;
  engine: { occurrences(): readonly Occurrence[] };
  settings(): CardSettings;
  dispatch(event: HoverEvent<T>): void;
  /** The card's target for a term reached from the keyboard. */
  target(occurrence: Occurrence): T;
  /** Whether the open card was opened from the keyboard: a command, or a focused term. */
  openedByKeyboard(): boolean;
}

/** Fields and editors: focus there is for typing, and a card would only be in the way. */
function isEditable(el: Element): boolean {
  const tag = el.localName;
  return tag === 'input' || tag === 'textarea' || tag === 'select' || (el as HTMLElement).isContentEditable === true;
}

/**
 * The keyboard's way to the card, as a popover's is from the button that opens it:
 * - an element reached with the keyboard (a link that names a term) opens the card of the first
 *   term in it, after the hover delay, with the 'hover' trigger;
 * - while a card opened from the keyboard is open, Tab moves into it, to its buttons;
 * - Tab past its last button, or Shift+Tab before its first, closes it and gives the focus back
 *   where it was, so the next Tab goes on through the page. (Escape does the same.)
 */
export function listenToKeyboard<T>(o: KeyboardOptions<T>): void {
  const { doc, signal, view } = o;
  const win = doc.defaultView ?? globalThis;
  const listen = { signal, capture: true };
  let focusOpened = false;

  win.addEventListener(
    'focusin',
    (e) => {
      const el = e.target as Element | null;
      if (el?.nodeType !== 1 || view.contains(el) || o.settings().trigger !== 'hover') return;
      if (!el.matches(':focus-visible') || isEditable(el) || el === doc.body) return;
      const occurrence = o.engine.occurrences().find((occ) => el.contains(occ.range().startContainer));
      if (!occurrence) return;
      focusOpened = true;
      o.dispatch({ type: 'point', target: o.target(occurrence), arm: true, now: Date.now() });
    },
    listen,
  );

  win.addEventListener(
    'focusout',
    (e) => {
      // Into the card is not away from the term.
      if (!focusOpened || view.contains(e.relatedTarget)) return;
      focusOpened = false;
      o.dispatch({ type: 'point', target: null, arm: false, now: Date.now() });
    },
    listen,
  );

  win.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey || !view.isOpen()) return;
      const place = view.focusPlace();
      if (place) {
        if (e.shiftKey ? !place.first : !place.last) return;
        e.preventDefault();
        view.giveFocusBack();
        o.dispatch({ type: 'close' });
        return;
      }
      if (e.shiftKey || !o.openedByKeyboard()) return;
      if (view.focusIn()) e.preventDefault();
    },
    listen,
  );
}
