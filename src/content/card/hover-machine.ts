/**
 * When the card opens and closes, as a pure reducer over pointer events and the clock, so the
 * timing rules are tested with fake time and the controller only turns `nextDeadline` into a
 * timer. `T` is whatever identifies a term on the page; `same` says when two are one term.
 *
 * The rules (Wikipedia's page previews behave the same way):
 * - a card opens only after the pointer has rested on one term for `showDelay`: a pointer
 *   sweeping across a paragraph opens nothing;
 * - leaving the term (or the card) starts `hideDelay` of grace, so the pointer can cross the
 *   gap into the card; coming back within it keeps the card;
 * - while the pointer is on the card, it stays;
 * - a card opened on purpose (click, tap, keyboard) is `sticky`: only Escape, a click elsewhere
 *   or resting on another term replaces it;
 * - after Escape, the term the pointer is still on does not reopen until the pointer leaves it;
 * - a card opened for something that no longer wants it (the focus left the link it was
 *   opened for) closes at once: the grace period is for a pointer crossing into the card.
 */

export interface HoverTiming<T> {
  showDelay: number;
  hideDelay: number;
  same(a: T, b: T): boolean;
}

export interface HoverState<T> {
  shown: T | null;
  /** Opened on purpose rather than by resting the pointer. */
  sticky: boolean;
  /** The term the pointer rests on whose card is not open yet, and when it opens. */
  pending: T | null;
  showAt: number;
  /** When the open card closes unless the pointer comes back; null while it is wanted. */
  hideAt: number | null;
  /** A term the user just dismissed: the pointer must leave it before it can reopen. */
  dismissed: T | null;
  /**
   * Something other than what opened the shown card asks for the same term too (the pointer
   * came to rest on the term whose card the focus opened): dropping the opener's request then
   * leaves the card the usual grace period.
   */
  shared: boolean;
}

export type HoverEvent<T> =
  /**
   * The pointer is over the page (not the card), on `target` or on no term. `arm` false means it
   * may keep an open card but not start a new one (hover-with-modifier without the key held).
   */
  | { type: 'point'; target: T | null; arm: boolean; now: number }
  | { type: 'enter-card' }
  | { type: 'open'; target: T }
  | { type: 'close' }
  /**
   * Whatever asked for `target` (this very object) is gone: a card open for it closes at once,
   * one waiting for it does not open. Otherwise the same as the pointer leaving for no term.
   */
  | { type: 'drop'; target: T; now: number }
  | { type: 'tick'; now: number };

export function initialHoverState<T>(): HoverState<T> {
  return { shown: null, sticky: false, pending: null, showAt: 0, hideAt: null, dismissed: null, shared: false };
}

export function hoverReducer<T>(
  timing: HoverTiming<T>,
  state: HoverState<T>,
  event: HoverEvent<T>,
): HoverState<T> {
  const same = (a: T | null, b: T | null): boolean =>
    a !== null && b !== null && (a === b || timing.same(a, b));

  switch (event.type) {
    case 'open':
      return { ...initialHoverState<T>(), shown: event.target, sticky: true };
    case 'close':
      return { ...initialHoverState<T>(), dismissed: state.shown ?? state.pending };
    case 'enter-card':
      return state.shown ? { ...state, pending: null, hideAt: null } : state;
    case 'tick':
      return tick(state, event.now);
    case 'drop':
      if (state.shown !== event.target || state.shared) {
        return hoverReducer(timing, state, { type: 'point', target: null, arm: false, now: event.now });
      }
      return { ...initialHoverState<T>(), pending: state.pending, showAt: state.showAt };
    case 'point': {
      const { target, now } = event;
      const dismissed = same(target, state.dismissed) ? state.dismissed : null;
      if (same(target, state.shown)) {
        return { ...state, pending: null, hideAt: null, dismissed, shared: state.shared || target !== state.shown };
      }
      const next: HoverState<T> = { ...state, dismissed };
      if (target !== null && event.arm && dismissed === null) {
        if (!same(target, state.pending)) {
          next.pending = target;
          next.showAt = now + timing.showDelay;
        }
      } else {
        next.pending = null;
      }
      if (state.shown && !state.sticky && state.hideAt === null) next.hideAt = now + timing.hideDelay;
      return tick(next, now);
    }
  }
}

/** Applies whatever the clock has made due: a pending card opens, then a grace period ends. */
function tick<T>(state: HoverState<T>, now: number): HoverState<T> {
  let next = state;
  if (next.pending !== null && now >= next.showAt) {
    next = { ...next, shown: next.pending, pending: null, sticky: false, hideAt: null, shared: false };
  }
  if (next.hideAt !== null && now >= next.hideAt) {
    next = { ...next, shown: null, sticky: false, hideAt: null, shared: false };
  }
  return next;
}

/** When the state next changes by itself, or null when only an event can change it. */
export function nextDeadline<T>(state: HoverState<T>): number | null {
  const times: number[] = [];
  if (state.pending !== null) times.push(state.showAt);
  if (state.hideAt !== null) times.push(state.hideAt);
  return times.length ? Math.min(...times) : null;
}
