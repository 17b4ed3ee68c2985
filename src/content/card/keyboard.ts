import type { Occurrence } from '../engine/types';
import type { CardView } from './card-view';
import type { CardSettings } from './controller';
import { deepActive, isEditable } from './deep-focus';
import type { HoverEvent } from './hover-machine';

interface KeyboardOptions<T> {
  doc: Document;
  signal: AbortSignal;
  view: Pick<CardView, 'holds' | 'isOpen' | 'focusIn' | 'focusPlace' | 'giveFocusBack' | 'tabFromTerm' | 'forgetTerm' | 'handingBack'>;
  engine: { occurrences(): readonly Occurrence[] };
  settings(): CardSettings;
  dispatch(event: HoverEvent<T>): void;
  /** The card's target for a term reached from the keyboard. */
  target(occurrence: Occurrence): T;
  /** Whether the open card was opened by a command (next or previous term). */
  openedByCommand(): boolean;
  /** Whether the card's state is about `target`: waiting to open it, showing it, or closed on it. */
  involves(target: T): boolean;
}

/**
 * Controls a reader reaches with Tab to act on: a link or a button that names a term is about
 * it. A focusable container (a scroller, a feed item, <main> after a skip link) is not, though
 * it holds terms.
 */
const CONTROL = 'a[href], button, summary, [role="link"], [role="button"], [role="tab"], [role="menuitem"]';

/**
 * The keyboard's way to the card:
 * - a link or button reached with the keyboard that names a term opens the card of the first
 *   term in it, after the hover delay, with the 'hover' trigger. Like a tooltip, it leaves Tab
 *   to the page: a reader going through a list of links is not taken through every card;
 * - while a card opened by a command is open (the reader asked for it, and the focus is still
 *   where it was), Tab moves into it, to its buttons (not from a field: Tab there is the
 *   field's);
 * - Tab past its last button, or Shift+Tab before its first, closes it and gives the focus back
 *   where it was, so the next Tab goes on through the page. (Escape does the same.) Where the
 *   focus came from nowhere, Tab goes on from the term, then or after Escape.
 */
export function listenToKeyboard<T>(o: KeyboardOptions<T>): void {
  const { doc, signal, view } = o;
  const win = doc.defaultView ?? globalThis;
  const listen = { signal, capture: true };
  /** The target the focus last asked a card for, while the card's state may still be about it. */
  let focusTarget: T | null = null;
  /** Counts focus arrivals: a departure's late check must not undo a newer arrival. */
  let arrivals = 0;

  /**
   * Tells the card the focus has left its term, if the card's state is still about that term:
   * the card the focus opened goes at once, as a tooltip does (and what it said with it). A card
   * the pointer opened, or the pointer's own Escape, is none of the focus's business.
   */
  function leaveFocusTarget(): void {
    const target = focusTarget;
    focusTarget = null;
    if (target !== null && o.involves(target)) o.dispatch({ type: 'drop', target, now: Date.now() });
  }

  /** The term that the control just reached with the keyboard names, if any. */
  function termOfFocus(): Occurrence | null {
    if (o.settings().trigger !== 'hover') return null;
    const el = deepActive(doc);
    if (!el || el === doc.body || !el.matches(CONTROL) || !el.matches(':focus-visible')) return null;
    return o.engine.occurrences().find((occ) => el.contains(occ.start?.node ?? occ.range().startContainer)) ?? null;
  }

  /** The focus arrived on the page: a link or button naming a term asks for its card. */
  function focusArrived(): void {
    const occurrence = termOfFocus();
    if (occurrence) {
      focusTarget = o.target(occurrence);
      o.dispatch({ type: 'point', target: focusTarget, arm: true, now: Date.now() });
    } else {
      // The focus left the term for something else: a card still to open does not, and one
      // closed with Escape may open again when the focus comes back.
      leaveFocusTarget();
    }
  }

  function focusIn(e: Event): void {
    arrivals++;
    // The card's own moves are none of this (nor is its shadow root to be watched).
    if (view.holds(e)) return;
    view.forgetTerm();
    // Back where the reader was, after closing a card: a link there does not open its card again
    // until the focus comes back to it.
    if (view.handingBack()) leaveFocusTarget();
    else focusArrived();
    watchRootsOf(e.composedPath()[0]);
  }

  function focusOut(): void {
    if (!focusTarget) return;
    // Where the focus goes is known once it has gone: into the card is not away from the term.
    const seen = arrivals;
    setTimeout(() => {
      if (signal.aborted || arrivals !== seen || view.focusPlace()) return;
      leaveFocusTarget();
    }, 0);
  }

  /**
   * A move of the focus within one shadow root reaches no listener outside it (both ends are
   * the same host there): the page's roots the focus has been in are listened to for those.
   */
  const watched = new WeakSet<Node>();
  const withinRoot = (e: Event) => {
    const other = (e as FocusEvent).relatedTarget as Node | null;
    return !!other && other.getRootNode() === e.currentTarget;
  };
  function watchRootsOf(target: EventTarget | undefined): void {
    let root = (target as Node | undefined)?.getRootNode?.();
    while (root && root.nodeType === 11 && (root as ShadowRoot).host && !watched.has(root)) {
      watched.add(root);
      root.addEventListener('focusin', (e) => withinRoot(e) && focusIn(e), listen);
      root.addEventListener('focusout', (e) => withinRoot(e) && focusOut(), listen);
      root = (root as ShadowRoot).host.getRootNode();
    }
  }

  win.addEventListener('focusin', focusIn, listen);
  // A press puts the browser's starting point for Tab where it lands; leaving the window (for
  // the find bar, say) or going to a fragment may move it too. A press can also close a card
  // that has the focus (in a listener that may run after this one): forgotten again after it.
  const forget = () => view.forgetTerm();
  win.addEventListener('pointerdown', () => {
    forget();
    setTimeout(() => signal.aborted || forget(), 0);
  }, listen);
  win.addEventListener('blur', (e) => e.target === e.currentTarget && forget(), { signal });
  win.addEventListener('hashchange', forget, { signal });
  win.addEventListener('focusout', focusOut, listen);

  win.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey || !view.isOpen()) return;
      const place = view.focusPlace();
      if (place) {
        if (e.shiftKey ? !place.first : !place.last) return;
        e.preventDefault();
        view.giveFocusBack(e.shiftKey ? -1 : 1);
        o.dispatch({ type: 'close' });
        // Closing dropped what the focus's arrival asked for: a link there that names a term
        // gets its card, as after any Tab.
        focusArrived();
        return;
      }
      const active = deepActive(doc);
      if (e.shiftKey || !o.openedByCommand() || (active && isEditable(active))) return;
      if (view.focusIn()) e.preventDefault();
    },
    listen,
  );

  // The Tab after the card let go of a focus from nowhere: heard last, after the page's own
  // handlers (and the one above), so that a Tab one of them took is left to it.
  win.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.defaultPrevented) return void view.forgetTerm();
      // Taken only while nothing has the focus (the card's buttons neither).
      if (view.tabFromTerm(!e.shiftKey)) e.preventDefault();
    },
    { signal },
  );
}
