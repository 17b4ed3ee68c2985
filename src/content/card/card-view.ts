import { h, render, type ComponentChild } from 'preact';
import { placeCard, type Rect } from '../../core/placement';
import type { GlossaryEntry } from '../../core/glossary/types';
import { LANGUAGE_TAG } from '../../core/glossary/language-tag';
import { Card, type RelatedTerm } from './Card';
import { createCardFocus } from './card-focus';
import type { CardTheme } from './card-css';
import { createCardHost, type CardHost } from './host';
import type { CardStrings } from './strings';
import { Suggestions, type Suggestion } from './Suggestions';

/** An entry as the matcher lists it: the entry and the pack it came from. */
export interface CardEntry {
  packId: string;
  entry: GlossaryEntry;
}

/** What the card is placed against. */
export interface CardAnchor {
  /** Client rects of the term now; null when the card explains no particular spot. */
  rects: (() => readonly Rect[]) | null;
  pointer?: { x: number; y: number };
  /** Where the term is in the page: the card joins the dialog or popover that holds it. */
  node?: Node | null;
}

/** A looked-up selection that names no entry, and the entries closest to it. */
export interface Lookup {
  text: string;
  indexes: readonly number[];
}

export interface CardViewOptions {
  doc: Document;
  entries: readonly CardEntry[];
  strings: CardStrings;
  /** The card's colours, for the page around `near` (the term's place), if given. */
  theme(near?: Node | null): CardTheme;
  glossaryName(packId: string): string;
  /** What the glossary's notes come from (its source's title), if it says. */
  glossarySource?(packId: string): string | undefined;
  /** The language the glossary is written in (its `language` tag), if known. */
  glossaryLanguage?(packId: string): string | undefined;
  openGlossary(entryId: string, packId: string): void;
}

/**
 * Draws the card: builds the host on first use, renders one entry, measures it and places it
 * with `placeCard`. It knows nothing of pointers or timing; the controller decides when.
 */
export function createCardView(opts: CardViewOptions) {
  const { doc } = opts;
  let host: CardHost | null = null;
  /** What the card holds: an entry, or (with `index` null) the suggestions for a lookup. */
  let shown: { index: number | null; lookup: Lookup | null; anchor: CardAnchor } | null = null;
  /** The card's natural size, measured once per content change and reused while scrolling. */
  let size = { width: 0, height: 0 };
  /** A width the viewport forced on the card when it was measured. */
  let widthLimit: number | undefined;
  // Lookup of related ids, which name entries of the same pack.
  const byId = new Map(opts.entries.map((e, i) => [`${e.packId}\u0000${e.entry.id}`, i]));

  const ensureHost = (): CardHost => {
    if (host) return host;
    const lang = opts.strings.text('cardLanguage');
    host = createCardHost(doc, {
      // A translation's slip (a name for a tag) must not mislabel the card: English, as written.
      lang: LANGUAGE_TAG.test(lang) ? lang : 'en',
      dir: opts.strings.text('cardDirection') === 'rtl' ? 'rtl' : 'ltr',
    });
    // Scroll events do not bubble: heard on the way down. The host goes with the signal's abort.
    host.mount.addEventListener('scroll', (e) => showMore(e.target as HTMLElement), { capture: true, passive: true });
    return host;
  };
  const cardElement = (): HTMLElement | null => host?.mount.querySelector<HTMLElement>('.card') ?? null;
  /** Counts announcements: one still waiting to be said is dropped by a later one, or by hide. */
  let said = 0;
  const focus = createCardFocus({ doc, host: () => host, card: cardElement, termNode: () => shown?.anchor.node });
  const { giveFocusBack } = focus;

  function relatedOf(index: number): RelatedTerm[] {
    const item = opts.entries[index];
    if (!item) return [];
    const out: RelatedTerm[] = [];
    for (const id of item.entry.related ?? []) {
      const i = byId.get(`${item.packId}\u0000${id}`);
      if (i === undefined || i === index) continue;
      const other = opts.entries[i];
      if (other) out.push({ index: i, term: other.entry.term });
    }
    return out;
  }

  function suggestionsFor(lookup: Lookup): Suggestion[] {
    const out: Suggestion[] = [];
    for (const index of new Set(lookup.indexes)) {
      const item = opts.entries[index];
      if (item) out.push({ index, term: item.entry.term, definition: item.entry.definition });
    }
    return out;
  }

  function entryCard(index: number): ComponentChild {
    const item = opts.entries[index];
    if (!item) return null;
    return h(Card, {
      key: index,
      entry: item.entry,
      glossaryName: opts.glossaryName(item.packId),
      notesSource: opts.glossarySource?.(item.packId),
      language: opts.glossaryLanguage?.(item.packId),
      related: relatedOf(index),
      strings: opts.strings,
      theme: opts.theme(shown?.anchor.node ?? null),
      onRelated: switchTo,
      onOpenGlossary: () => opts.openGlossary(item.entry.id, item.packId),
      onResize: () => place(true),
    });
  }

  function lookupCard(lookup: Lookup): ComponentChild {
    return h(Suggestions, {
      key: 'lookup',
      text: lookup.text,
      suggestions: suggestionsFor(lookup),
      strings: opts.strings,
      theme: opts.theme(shown?.anchor.node ?? null),
      onPick: switchTo,
      // No entry to open at: the glossary page's index.
      onOpenGlossary: () => opts.openGlossary('', ''),
    });
  }

  function draw(): void {
    if (!shown) return;
    const card = shown.index !== null ? entryCard(shown.index) : shown.lookup ? lookupCard(shown.lookup) : null;
    if (card) render(card, ensureHost().mount);
  }

  /** A related-term or suggestion button: same spot on the page, another entry. */
  function switchTo(index: number): void {
    if (!shown || !opts.entries[index]) return;
    const hadFocus = host?.host.shadowRoot?.activeElement != null;
    shown = { ...shown, index };
    draw();
    place(true);
    // The pressed button is gone; focus goes to the new card rather than falling to the page.
    if (hadFocus) cardElement()?.focus({ preventScroll: true });
  }

  /**
   * Puts the card next to its term. Returns false when the term is no longer on screen (it
   * scrolled away or left the page), and the caller should close the card.
   */
  function place(measure: boolean): boolean {
    const card = cardElement();
    if (!card || !shown) return false;
    const viewport = viewportSize(doc);
    const { rects: termRectsNow, pointer } = shown.anchor;
    const rects = termRectsNow ? termRectsNow().filter((r) => r.width > 0 || r.height > 0) : null;
    // Scrolled away, hidden, or taken off the page: the card has nothing left to explain.
    if (rects && !rects.some((r) => onScreen(r, viewport))) return false;
    // With no term to point at (opened for an entry alone), the card goes near the top, centred.
    const termRects = () =>
      rects ?? [{ left: (viewport.width - size.width) / 2, top: 16, width: size.width, height: 0 }];
    if (measure) {
      size = naturalSize(card);
      widthLimit = placeCard({ termRects: termRects(), card: size, viewport }).maxWidth;
      // Narrower than it wants to be (a small window, a zoomed page), the text wraps onto more
      // lines: the card is taller at that width, and is placed for that height.
      if (widthLimit !== undefined) size = { ...naturalSize(card, widthLimit), width: widthLimit };
    }
    const p = placeCard({ termRects: termRects(), card: size, viewport, pointer });
    if (p.maxHeight === 0) return false;
    card.style.left = `${p.left}px`;
    card.style.top = `${p.top}px`;
    const maxWidth = widthLimit ?? p.maxWidth;
    card.style.maxWidth = maxWidth === undefined ? '' : `${maxWidth}px`;
    card.style.maxHeight = p.maxHeight === undefined ? '' : `${p.maxHeight}px`;
    card.dataset.placement = p.placement;
    const cramped = p.maxHeight !== undefined && p.maxHeight < CRAMPED_HEIGHT;
    card.toggleAttribute('data-cramped', cramped);
    // A control Tab reaches is scrolled into view above the pinned foot, not behind it.
    const foot = cramped ? null : card.querySelector<HTMLElement>(':scope > .foot');
    card.style.scrollPaddingBottom = foot ? `${foot.offsetHeight}px` : '';
    showMore(card);
    return true;
  }

  function open(next: NonNullable<typeof shown>): boolean {
    shown = next;
    // A Tab after this card goes on from its own term, not from an older card's.
    focus.followTerm();
    draw();
    host?.raise(next.anchor.node ?? null);
    if (place(true)) return true;
    hide();
    return false;
  }

  function hide(): void {
    if (!shown) return;
    giveFocusBack();
    shown = null;
    if (host) {
      render(null, host.mount);
      host.lower();
      // What it said of the card is not left for a screen reader to come across later, nor
      // said after the card has gone.
      said++;
      host.live.textContent = '';
    }
  }

  return {
    /** Opens (or switches) the card; false when the term cannot be shown on screen. */
    show(index: number, anchor: CardAnchor): boolean {
      if (!opts.entries[index]) return false;
      return open({ index, lookup: null, anchor });
    },
    /** Opens the card for a lookup that names no entry; false when it cannot be shown. */
    showSuggestions(lookup: Lookup, anchor: CardAnchor): boolean {
      return open({ index: null, lookup, anchor });
    },
    /** Draws what is shown again (the theme changed), keeping any entry a button switched to. */
    redraw(): boolean {
      if (!shown) return false;
      draw();
      return place(true);
    },
    hide,
    place,
    isOpen: () => shown !== null,
    /** Moves the keyboard's focus to the card's first control; false when no card is open. */
    focusIn: (): boolean => shown !== null && focus.focusIn(),
    focusPlace: focus.focusPlace,
    giveFocusBack,
    tabFromTerm: focus.tabFromTerm,
    forgetTerm: focus.forgetTerm,
    hasFocus: focus.hasFocus,
    handingBack: focus.handingBack,
    /** The entry on the card now (a related term may have replaced the first); null for none. */
    shownIndex: () => shown?.index ?? null,
    /** True for an event that happened in the card. */
    holds(e: Event): boolean {
      if (!host) return false;
      const el = host.host;
      if (e.target === el) return true;
      // In a page's shadow root (its dialog), the window sees the page's own host as the target.
      return el.getRootNode() !== doc && e.composedPath().includes(el);
    },
    /** Says `text` through the polite live region. */
    announce(text: string, setTimer: (fn: () => void, ms: number) => void): void {
      const { live } = ensureHost();
      // Screen readers speak a change, not a state: clear first, so a repeat is still spoken,
      // and fill in a moment later, so a region that was just created is registered first.
      live.textContent = '';
      const mine = ++said;
      setTimer(() => {
        if (mine === said) live.textContent = text;
      }, 100);
    },
    destroy(): void {
      if (host) render(null, host.mount);
      host?.remove();
      host = null;
      shown = null;
    },
  };
}

export type CardView = ReturnType<typeof createCardView>;

/** The card's size with only the stylesheet's limits (and `maxWidth`, if given) applied. */
function naturalSize(card: HTMLElement, maxWidth?: number): { width: number; height: number } {
  card.style.maxWidth = maxWidth === undefined ? '' : `${maxWidth}px`;
  card.style.maxHeight = '';
  const box = card.getBoundingClientRect();
  return { width: Math.ceil(box.width), height: Math.ceil(box.height) };
}

/** Below this height (px) the card's foot scrolls with the rest instead of staying in view. */
const CRAMPED_HEIGHT = 180;

/** Marks a card that is scrolled short of its end: more of it waits below the foot. */
function showMore(card: HTMLElement): void {
  if (!card.classList?.contains('card')) return;
  const more = card.scrollTop + card.clientHeight < card.scrollHeight - 1;
  if (more !== card.hasAttribute('data-more')) card.toggleAttribute('data-more', more);
}

function viewportSize(doc: Document): { width: number; height: number } {
  const root = doc.documentElement;
  const view = doc.defaultView;
  // In quirks mode the root's client size is the page's, not the window's.
  if (doc.compatMode === 'CSS1Compat' && root.clientWidth > 0) {
    return { width: root.clientWidth, height: root.clientHeight };
  }
  return { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 };
}

function onScreen(r: Rect, viewport: { width: number; height: number }): boolean {
  return r.top + r.height > 0 && r.top < viewport.height && r.left + r.width > 0 && r.left < viewport.width;
}
