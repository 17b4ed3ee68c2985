import type { Occurrence } from '../engine/types';
import type { CardSettings } from './controller';
import type { CardView } from './card-view';
import type { HoverEvent, HoverState } from './hover-machine';
import { deepActive, takesTyping } from './deep-focus';
import { isInteractive } from './pointer-rules';

const MODIFIER_FLAGS = { Alt: 'altKey', Control: 'ctrlKey', Shift: 'shiftKey', Meta: 'metaKey' } as const;

function modifierHeld(e: MouseEvent, key: CardSettings['modifierKey']): boolean {
  return e[MODIFIER_FLAGS[key]];
}

interface InputOptions<T> {
  doc: Document;
  signal: AbortSignal;
  view: Pick<CardView, 'holds' | 'isOpen' | 'place' | 'hasFocus'>;
  engine: { hitTest(x: number, y: number): Occurrence | null };
  settings(): CardSettings;
  state(): HoverState<T>;
  dispatch(event: HoverEvent<T>): void;
  target(occurrence: Occurrence, pointer: { x: number; y: number }): T;
  /** True when the occurrence is the term whose card is open. */
  sameShown(occurrence: Occurrence): boolean;
}

/**
 * Turns the page's pointer, keyboard, scroll and resize events into card events. One
 * listener per event type on the document or window (never one per term), all passive except
 * the two that may cancel something: a click that opens a card and an Escape that closes it.
 * The listeners go with the signal; `stop` cancels pending frames, `relayout` re-places the
 * card (and closes it when its term is gone).
 */
export function listenToInput<T>(o: InputOptions<T>): { stop(): void; relayout(): void } {
  const { doc, signal, view } = o;
  const win = doc.defaultView ?? globalThis;
  // On the window, in capture: the first stop of every event. A page that stops the pointer's
  // events there for its own reasons (a drag library, a canvas app) still leaves them to us.
  const listen = { signal, capture: true, passive: true };

  let pointer: { x: number; y: number; modifier: boolean; pressed: boolean; onCard: boolean } | null = null;
  let pointerFrame = 0;
  let layoutFrame = 0;
  let remeasure = false;
  let lastPointerType = 'mouse';

  /** At most one hit test per frame, however fast the pointer moves. */
  function onPointerFrame(): void {
    pointerFrame = 0;
    if (!pointer) return;
    if (pointer.onCard) return o.dispatch({ type: 'enter-card' });
    const { trigger } = o.settings();
    if (trigger === 'click') return;
    // A pressed button means a drag or a text selection under way: no card should pop up in it.
    const arm = (trigger === 'hover' || pointer.modifier) && !pointer.pressed;
    const state = o.state();
    // Without the modifier nothing new can open: skip the hit test unless a card is involved,
    // or a dismissed term waits for the pointer to leave it (else it could never reopen).
    if (!arm && !state.shown && !state.pending && !state.dismissed) return;
    const { x, y } = pointer;
    const hit = o.engine.hitTest(x, y);
    o.dispatch({ type: 'point', target: hit ? o.target(hit, { x, y }) : null, arm, now: Date.now() });
  }

  const schedulePointer = (): void => {
    pointerFrame ||= requestAnimationFrame(onPointerFrame);
  };

  /** Keeps the open card beside its term while the page scrolls or resizes. */
  function scheduleLayout(measure: boolean): void {
    remeasure ||= measure;
    if (!view.isOpen()) return;
    layoutFrame ||= requestAnimationFrame(() => {
      layoutFrame = 0;
      const m = remeasure;
      remeasure = false;
      if (view.isOpen() && !view.place(m)) o.dispatch({ type: 'close' });
    });
  }

  win.addEventListener(
    'pointermove',
    (e) => {
      // Touch has no hover: a touch only moves while it scrolls or drags.
      if (e.pointerType === 'touch') return;
      const modifier = modifierHeld(e, o.settings().modifierKey);
      pointer = { x: e.clientX, y: e.clientY, modifier, pressed: e.buttons !== 0, onCard: view.holds(e) };
      schedulePointer();
    },
    listen,
  );

  // The pointer left the window: it is on no term.
  win.addEventListener(
    'pointerout',
    (e) => {
      if (e.relatedTarget || e.pointerType === 'touch') return;
      pointer = null;
      if (o.state().shown || o.state().pending) o.dispatch({ type: 'point', target: null, arm: false, now: Date.now() });
    },
    listen,
  );

  win.addEventListener(
    'pointerdown',
    (e) => {
      lastPointerType = e.pointerType;
      if (view.holds(e) || !o.state().shown) return;
      const hit = o.engine.hitTest(e.clientX, e.clientY);
      if (hit && o.sameShown(hit)) return;
      o.dispatch({ type: 'close' });
    },
    listen,
  );

  win.addEventListener(
    'click',
    (e) => {
      // Touch has no hover, so a tap on a term opens its card whatever the trigger setting.
      const byClick = o.settings().trigger === 'click' || lastPointerType === 'touch';
      if (!byClick || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      if (view.holds(e) || isInteractive(e.target)) return;
      // A drag that selected text ends in a click too; the reader wanted the selection.
      if (doc.getSelection()?.isCollapsed === false) return;
      const hit = o.engine.hitTest(e.clientX, e.clientY);
      if (!hit) return;
      // The click is the reader's request for the card; nothing else on the page should act on
      // it as a default action. Page handlers still see it: propagation is left alone.
      e.preventDefault();
      if (o.sameShown(hit) && view.isOpen()) o.dispatch({ type: 'close' });
      else o.dispatch({ type: 'open', target: o.target(hit, { x: e.clientX, y: e.clientY }) });
    },
    { signal, capture: true },
  );

  win.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape' && (view.isOpen() || o.state().pending)) {
        // A card whose term has gone from the screen (its dialog closed) is not what the reader
        // sees: the Escape is still the page's.
        const seen = view.isOpen() && view.place(false);
        // A card the pointer happened to rest on while the reader types in a field or an editor
        // goes, but the Escape is the editor's too (a vim mode, an autocomplete, a search box).
        const active = o.state().sticky || view.hasFocus() ? null : deepActive(doc);
        const typing = !!active && takesTyping(active);
        o.dispatch({ type: 'close' });
        // Otherwise the card is the top-most layer: this Escape was for it, not for the page's
        // own dialogs or menus underneath.
        if (seen && !typing) {
          e.preventDefault();
          e.stopPropagation();
        }
        return;
      }
      const s = o.settings();
      if (s.trigger === 'hover-modifier' && e.key === s.modifierKey && !e.repeat && pointer && !pointer.onCard) {
        pointer.modifier = true;
        schedulePointer();
      }
    },
    { signal, capture: true },
  );

  win.addEventListener('scroll', () => scheduleLayout(false), listen);
  win.addEventListener('resize', () => scheduleLayout(true), listen);

  return {
    stop() {
      cancelAnimationFrame(pointerFrame);
      cancelAnimationFrame(layoutFrame);
    },
    relayout: () => scheduleLayout(true),
  };
}
