import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

type Find = () => HTMLElement | null | undefined;

/**
 * Moves focus, once the page has drawn the change under way, to what `find` then returns. A
 * button that removes its own row (or a dialog that closes) takes the focus with it, and the
 * browser drops it on the page's body: keyboard and screen-reader users lose their place.
 */
export function useFocusLater(): (find: Find) => void {
  const pending = useRef<Find | null>(null);
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    const find = pending.current;
    pending.current = null;
    find?.()?.focus();
  }, [turn]);
  return useCallback((find: Find) => {
    pending.current = find;
    setTurn((n) => n + 1);
  }, []);
}
