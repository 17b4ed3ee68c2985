import type { Settings } from '../../core/settings/defaults';
import type { Occurrence, TermEngine } from '../engine/types';
import { createCardView, type CardAnchor, type CardEntry, type Lookup } from './card-view';
import { hoverReducer, initialHoverState, nextDeadline, type HoverEvent, type HoverState } from './hover-machine';
import { nextTermIndex } from './navigation';
import { canSee } from './visible-term';
import { listenToInput } from './input';
import { deepActive } from './deep-focus';
import { listenToKeyboard } from './keyboard';
import { sameOccurrence } from './pointer-rules';
import { revealRange } from './reveal';
import { createCardStrings, type GetMessage } from './strings';
import { resolveTheme } from './theme';

export type CardSettings = Pick<Settings, 'hoverDelayMs' | 'hideDelayMs' | 'trigger' | 'modifierKey' | 'theme'>;

export interface CardControllerOptions {
  doc: Document;
  engine: Pick<TermEngine, 'hitTest' | 'occurrences' | 'setCurrent'> & Partial<Pick<TermEngine, 'onChange'>>;
  /** `matcher.entries`: occurrences point into it by index. */
  entries: readonly CardEntry[];
  settings: CardSettings;
  /** Aborting it removes every listener, timer and the card's host element. */
  signal: AbortSignal;
  /** Opens the extension's glossary page at this entry (a page cannot link there itself). */
  openGlossary(entryId: string, packId: string): void;
  /** The glossary's display name for "From …"; the pack id when not given. */
  glossaryName?(packId: string): string;
  /** The title of the source a glossary's notes come from, if it names one. */
  glossarySource?(packId: string): string | undefined;
  /** The language a glossary is written in. */
  glossaryLanguage?(packId: string): string | undefined;
  /** `browser.i18n.getMessage`; English when not given. */
  getMessage?: GetMessage;
}

export interface ShowOptions {
  /** The point the card was asked for at: picks the line of a wrapped term. */
  pointer?: { x: number; y: number };
  /** For an entry index: page text to place the card against (a selection looked up). */
  range?: Range;
}

/** What the card is open for: a term on the page, an entry on its own, or a lookup's suggestions. */
interface Target {
  /** The entry; -1 for a lookup, which names none. */
  index: number;
  occurrence: Occurrence | null;
  /** Where an entry without an occurrence points (a looked-up selection), if anywhere. */
  range?: Range;
  pointer?: { x: number; y: number };
  lookup?: Lookup;
  /** Opened from the keyboard: a command, or a link or button that names the term, focused. */
  viaKeyboard?: boolean;
  /** Opened by the focus arriving on a link or button that names the term. */
  viaFocus?: boolean;
}

export interface CardController {
  /** Opens the card at once (as a click would); false if it cannot be shown on screen. */
  showFor(target: Occurrence | number, opts?: ShowOptions): boolean;
  /**
   * Opens the card for a looked-up selection that names no entry: the entries at `indexes`
   * (closest first) to pick from, or a way into the glossary when there are none. Placed
   * against `range` like a looked-up entry; false if it cannot be shown on screen.
   */
  showSuggestions(text: string, indexes: readonly number[], range?: Range): boolean;
  hide(): void;
  /** Keyboard navigation: false when the page has no term to go to. */
  next(): boolean;
  previous(): boolean;
  /** Scrolls to one term, marks it current, opens and announces its card (popup's term list). */
  goTo(occurrence: Occurrence): boolean;
  update(patch: Partial<CardSettings>): void;
}

/** Terms a next/previous key press tries before it says there is none to go to. */
const STEP_TRIES = 8;

/** Page words as a screen reader should get them: no invisible characters, spaces collapsed. */
const asRead = (text: string) => text.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
/** Words as the matcher compares them: any case, hyphens or dashes as spaces, one apostrophe. */
const comparable = (text: string) => asRead(text).toLowerCase().replace(/[\u2010-\u2015-]/g, ' ').replace(/[\u2019\u02BC]/g, "'").replace(/ +/g, ' ');

/** `node`, or the outermost shadow host it is inside of: a node of the document's own tree. */
function inDocument(node: Node): Node {
  let n = node;
  for (let root = n.getRootNode(); root !== n && (root as ShadowRoot).host; root = n.getRootNode()) n = (root as ShadowRoot).host;
  return n;
}

export function createCardController(opts: CardControllerOptions): CardController {
  const { doc, engine, signal } = opts;
  let settings: CardSettings = { ...opts.settings };
  const strings = createCardStrings(opts.getMessage);
  const view = createCardView({
    doc,
    entries: opts.entries,
    strings,
    theme: (near) => resolveTheme(settings.theme, doc, near),
    glossaryName: opts.glossaryName ?? ((id) => id),
    glossarySource: opts.glossarySource,
    glossaryLanguage: opts.glossaryLanguage,
    openGlossary: opts.openGlossary,
  });

  // Two lookups are one only if they are the same request: the same words may have been
  // selected again somewhere else on the page.
  const sameTarget = (a: Target, b: Target): boolean =>
    a.lookup || b.lookup
      ? a === b
      : a.occurrence && b.occurrence ? sameOccurrence(a.occurrence, b.occurrence) : a.occurrence === b.occurrence && a.index === b.index;
  let state: HoverState<Target> = initialHoverState();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Where keyboard navigation continues from: the last term whose card opened. */
  let cursor: Occurrence | null = null;
  /** Where the page's focus was then: once it moves, navigation starts from the focus instead. */
  let focusAtCursor: Element | null = null;
  /** The term keyboard navigation marked as current, to unmark when its card goes. */
  let current: Occurrence | null = null;

  function dispatch(event: HoverEvent<Target>): void {
    if (signal.aborted) return;
    const before = state.shown;
    state = hoverReducer(
      { showDelay: settings.hoverDelayMs, hideDelay: settings.hideDelayMs, same: sameTarget },
      state,
      event,
    );
    const after = state.shown;
    // Re-opening the card that is open changes nothing, unless a related term replaced its entry.
    const unchanged = after && before && sameTarget(after, before) && view.shownIndex() === after.index;
    if (after !== before && !unchanged) render(after);
    clearTimeout(timer);
    const due = nextDeadline(state);
    if (due !== null) timer = setTimeout(() => dispatch({ type: 'tick', now: Date.now() }), Math.max(0, due - Date.now()));
  }

  function render(target: Target | null): void {
    if (current && !(target?.occurrence && sameOccurrence(target.occurrence, current))) {
      engine.setCurrent(null);
      current = null;
    }
    if (!target) return view.hide();
    const { occurrence: occ, range } = target;
    const rects = occ ? () => occ.rects() : range ? () => Array.from(range.getClientRects()) : null;
    const node = occ ? occ.range().startContainer : (range?.startContainer ?? null);
    const anchor: CardAnchor = { rects, pointer: target.pointer, node };
    if (occ) {
      cursor = occ;
      focusAtCursor = focusedOnPage();
    }
    const shown = target.lookup ? view.showSuggestions(target.lookup, anchor) : view.show(target.index, anchor);
    // A term that cannot be shown on screen gets no card, and the state must say so too.
    if (!shown) return dispatch({ type: 'close' });
    // The focus stays on the link, so a screen reader hears the card as it would a tooltip.
    if (target.viaFocus) announce(target.index, target.occurrence);
  }

  /** The page element with the keyboard's focus, if any (not the body, not the card). */
  function focusedOnPage(): Element | null {
    const el = deepActive(doc);
    return el && el !== doc.body && el !== doc.documentElement && !view.hasFocus() ? el : null;
  }

  /**
   * The term navigation goes to first from the reader's focus, once the focus has moved since
   * the last term: the first term in or after the focused element (going back, the last one
   * before it). Null when the focus says nothing: none, or no term on that side.
   */
  function startFromFocus(list: readonly Occurrence[], direction: 1 | -1): number | null {
    const focused = focusedOnPage();
    if (!focused || focused === focusAtCursor) return null;
    // Nodes in different trees cannot be ordered: each is taken at its outermost shadow host.
    const from = inDocument(focused);
    const after = (occ: Occurrence) => {
      const node = inDocument(occ.start?.node ?? occ.range().startContainer);
      if (!node.isConnected) return false;
      if (node === from) return true;
      const at = from.compareDocumentPosition(node);
      return (at & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 || (at & Node.DOCUMENT_POSITION_CONTAINED_BY) !== 0;
    };
    const firstAfter = list.findIndex(after);
    const start = direction === 1 ? firstAfter : (firstAfter < 0 ? list.length : firstAfter) - 1;
    return start >= 0 && start < list.length ? start : null;
  }

  function step(direction: 1 | -1): boolean {
    const list = engine.occurrences();
    const start = startFromFocus(list, direction);
    // One step before the start, so that the step lands on it (on one with a box, at least).
    let from = start === null ? -1 : (start - direction + list.length) % list.length;
    if (start === null) from = cursor ? list.indexOf(cursor) : -1;
    if (from < 0 && cursor) from = list.findIndex((o) => sameOccurrence(o, cursor!));
    // A term the card still cannot be shown for (no room on screen once scrolled to) is passed
    // by, as far as a few: a key press should land somewhere.
    let first: number | null = null;
    const undo: Array<() => void> = [];
    let tries = 0;
    for (; tries < STEP_TRIES; tries++) {
      const i = nextTermIndex(list, from, direction, doc.defaultView?.innerHeight ?? 0, (t) => canSee(t, doc));
      if (i === null || i === first) break;
      first ??= i;
      undo.push(reveal(list[i]!));
      if (goTo(list[i]!, false)) return true;
      from = i;
    }
    // The page goes back to where the reader left it when no term could be shown: each try's
    // scrolling undone, the last first.
    for (const back of undo.reverse()) back();
    // Every term was tried, or a few next ones failed: say which.
    const said = !list.length ? 'cardNoTerms' : tries < STEP_TRIES ? 'cardNoneToShow' : 'cardNextNotShown';
    view.announce(strings.text(said), later);
    return false;
  }

  /** Scrolls to a term; returns how to scroll back. */
  function reveal(occ: Occurrence): () => void {
    return revealRange(occ.range(), doc);
  }

  function goTo(occ: Occurrence, scroll = true): boolean {
    if (scroll) reveal(occ);
    cursor = occ;
    focusAtCursor = focusedOnPage();
    // Keyboard navigation keeps the page's focus where it is (so the reader's place and any
    // typing survive); the card is read out through the live region instead of taking focus.
    dispatch({ type: 'open', target: { index: occ.entry, occurrence: occ, viaKeyboard: true } });
    if (!view.isOpen()) return false;
    engine.setCurrent(occ);
    current = occ;
    announce(occ.entry, occ);
    return true;
  }

  /** Reads a card out: the page's words first where they are not the term's own. */
  function announce(index: number, occ: Occurrence | null): void {
    const item = opts.entries[index];
    if (!item) return;
    const { term, definition } = item.entry;
    const written = occ ? asRead(occ.text) : '';
    const text = written && comparable(written) !== comparable(term)
      ? strings.text('cardAnnounceAs', written, term, definition)
      : strings.text('cardAnnounce', term, definition);
    view.announce(text, later);
  }

  function later(fn: () => void, ms: number): void {
    const stop = () => clearTimeout(id);
    const id = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      fn();
    }, ms);
    signal.addEventListener('abort', stop, { once: true });
  }

  const input = listenToInput({
    doc,
    signal,
    view,
    engine,
    settings: () => settings,
    state: () => state,
    dispatch,
    target: (occ, pointer) => ({ index: occ.entry, occurrence: occ, pointer }),
    sameShown: (occ) => !!state.shown?.occurrence && sameOccurrence(occ, state.shown.occurrence),
  });
  listenToKeyboard({
    doc,
    signal,
    view,
    engine,
    settings: () => settings,
    dispatch,
    target: (occ) => ({ index: occ.entry, occurrence: occ, viaKeyboard: true, viaFocus: true }),
    // Only while the page's focus is where it was when the command ran: once the reader has
    // tabbed on, the card (kept open for the pointer) no longer takes Tab.
    openedByCommand: () => state.shown?.viaKeyboard === true && !state.shown.viaFocus && focusedOnPage() === focusAtCursor,
    involves: (target) => [state.pending, state.shown, state.dismissed].some((t) => t !== null && sameTarget(t, target)),
  });

  // The page changed under an open card: its term may be gone.
  engine.onChange?.(() => {
    if (!signal.aborted) input.relayout();
  });

  signal.addEventListener(
    'abort',
    () => {
      clearTimeout(timer);
      input.stop();
      if (current) engine.setCurrent(null);
      view.destroy();
    },
    { once: true },
  );

  return {
    showFor(target, showOpts = {}) {
      const t: Target =
        typeof target === 'number'
          ? { index: target, occurrence: null, range: showOpts.range, pointer: showOpts.pointer }
          : { index: target.entry, occurrence: target, pointer: showOpts.pointer };
      dispatch({ type: 'open', target: t });
      return view.isOpen();
    },
    showSuggestions(text, indexes, range) {
      dispatch({ type: 'open', target: { index: -1, occurrence: null, range, lookup: { text, indexes: [...indexes] } } });
      return view.isOpen();
    },
    hide: () => dispatch({ type: 'close' }),
    next: () => step(1),
    previous: () => step(-1),
    goTo,
    update(patch) {
      const themeChanged = patch.theme !== undefined && patch.theme !== settings.theme;
      settings = { ...settings, ...patch };
      // Redrawn in place, so an entry picked from suggestions or related terms stays on the card.
      if (themeChanged && state.shown && !view.redraw()) dispatch({ type: 'close' });
    },
  };
}
