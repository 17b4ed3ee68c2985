import { deepActive, focusBeside } from './deep-focus';
import type { CardHost } from './host';

interface CardFocusOptions {
  doc: Document;
  /** The card's host, once made. */
  host(): CardHost | null;
  /** The card element on show, if any. */
  card(): HTMLElement | null;
  /** Where the term the card explains is in the page, if anywhere. */
  termNode(): Node | null | undefined;
}

/**
 * The keyboard's way into the card and back out: where the focus came from, the card's place in
 * the Tab order, and where the focus goes when it leaves.
 */
export function createCardFocus(o: CardFocusOptions) {
  const { doc } = o;
  /** Where the page's focus was when the keyboard moved into the card: it goes back there. */
  let returnTo: Element | null = null;
  /**
   * Set when the card let go of a focus that came from nowhere (Escape, or the card closing by
   * itself): the term, for the next Tab to go on from. The browser would start from the card's
   * place at the end of the document, and so take the reader out of the page.
   */
  let tabFrom: Node | null = null;
  /** True while the card hands the focus back to where the reader was. */
  let handingBack = false;
  const focusInCard = (): Element | null => {
    const root = o.host()?.host.shadowRoot;
    const active = root ? deepActive(doc) : null;
    return active && root!.contains(active) ? active : null;
  };
  const controls = (): HTMLElement[] => [...(o.card()?.querySelectorAll<HTMLElement>('button, a[href]') ?? [])];

  return {
    /**
     * Moves the keyboard's focus to the card's first control; false when there is none to take
     * it, or the page took the focus straight back (a focus trap of a script-built modal).
     */
    focusIn(): boolean {
      const first = controls()[0] ?? o.card();
      const host = o.host();
      if (!first || !host) return false;
      // The element itself, inside the page's shadow roots too, not the host of its root.
      const active = deepActive(doc);
      returnTo = active && !focusInCard() ? active : null;
      tabFrom = null;
      host.host.removeAttribute('tabindex');
      first.focus({ preventScroll: true });
      if (focusInCard()) return true;
      host.host.tabIndex = -1;
      returnTo = null;
      return false;
    },
    /**
     * Where the focus is in the card: on its first control, its last (both for a single one),
     * or neither; null when the card does not have it.
     */
    focusPlace(): { first: boolean; last: boolean } | null {
      const at = focusInCard();
      if (!at) return null;
      const list = controls();
      // Not on a control (the card itself, after a related term replaced the buttons): before the
      // first one, so Tab goes on to it.
      const i = list.indexOf(at as HTMLElement);
      return { first: i <= 0, last: i === -1 ? list.length === 0 : i === list.length - 1 };
    },
    /**
     * Gives the focus back to the page, where the reader was, if the card holds it. Where it came
     * from nowhere (a command opened the card with nothing focused), Tab (`1`) and Shift+Tab (`-1`)
     * go on to the page's next or previous stop beside the term; otherwise the card lets it go.
     */
    giveFocusBack(direction?: 1 | -1): void {
      const host = o.host();
      // Out of the Tab order again, however the focus leaves (set only if changed: a page's
      // observer of its whole document would see every card close).
      if (host && host.host.getAttribute('tabindex') !== '-1') host.host.tabIndex = -1;
      if (!focusInCard()) return;
      const back = returnTo;
      returnTo = null;
      if (back && back.isConnected && back !== doc.body && typeof (back as HTMLElement).focus === 'function') {
        handingBack = true;
        try {
          (back as HTMLElement).focus({ preventScroll: true });
        } finally {
          handingBack = false;
        }
        return;
      }
      // A stop of the page's own, brought on screen as Tab would.
      const node = o.termNode();
      if (direction && node?.isConnected && focusBeside(node, direction === 1, host?.host ?? null)) return;
      (focusInCard() as HTMLElement | null)?.blur();
      tabFrom = node?.isConnected ? node : null;
    },
    /**
     * A Tab (`forward`) or Shift+Tab with nothing focused, after the card let go of a focus that
     * came from nowhere: moves the focus to the page's next (previous) stop beside the term, as
     * Tab out of the card would have. True when it did; the browser's own Tab goes on otherwise.
     */
    tabFromTerm(forward: boolean): boolean {
      const node = tabFrom;
      tabFrom = null;
      const active = deepActive(doc) as HTMLElement | null;
      // Something has the focus (an editable body too): Tab is its own.
      const nothing = !active || ((active === doc.body || active === doc.documentElement) && !active.isContentEditable);
      if (!node?.isConnected || !nothing) return false;
      return focusBeside(node, forward, o.host()?.host ?? null);
    },
    /**
     * Another card opened: while the browser's starting point is still in the card's place, the
     * next Tab goes on from that card's term.
     */
    followTerm(): void {
      if (tabFrom) tabFrom = o.termNode() ?? null;
    },
    /**
     * The reader moved on (clicked, left the window, followed a link to a fragment, the focus
     * arrived somewhere): the next Tab is the browser's.
     */
    forgetTerm(): void {
      tabFrom = null;
    },
    /** Whether the keyboard's focus is in the card. */
    hasFocus: (): boolean => focusInCard() !== null,
    /**
     * Whether the focus arriving now is the card giving it back to where the reader was: the
     * reader just closed a card (or tabbed out of it), and asked for no other.
     */
    handingBack: (): boolean => handingBack,
  };
}
