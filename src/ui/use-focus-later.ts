import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

type Find = () => HTMLElement | null | undefined;

/** How long a focus move waits for what it is to land on (storage may report a change late). */
const WAIT_MS = 3000;

/**
 * Moves focus, once the page has drawn the change under way, to what `find` then returns. A
 * button that removes its own row (or a dialog that closes) takes the focus with it, and the
 * browser drops it on the page's body: keyboard and screen-reader users lose their place.
 * Where the element is drawn only after storage reports the change (a row put back), each
 * later drawing tries again, for a few seconds, as long as the reader has not moved the focus
 * elsewhere meanwhile.
 */
export function useFocusLater(): (find: Find) => void {
  const pending = useRef<{ find: Find; until: number; from: Element | null } | null>(null);
  const [, setTurn] = useState(0);
  useEffect(() => {
    const move = pending.current;
    if (!move) return;
    if (Date.now() > move.until) {
      pending.current = null;
      return;
    }
    // The reader moved on meanwhile (tabbed on, started typing): the focus is theirs.
    const now = document.activeElement;
    if (now !== move.from && now !== document.body && now !== null) {
      pending.current = null;
      return;
    }
    const el = move.find();
    if (!el) return;
    pending.current = null;
    el.focus();
  });
  return useCallback((find: Find) => {
    pending.current = { find, until: Date.now() + WAIT_MS, from: document.activeElement };
    setTurn((n) => n + 1);
  }, []);
}
