import { useEffect, useState, type StateUpdater, type Dispatch } from 'preact/hooks';

/**
 * A stored value kept live: loaded once, then replaced by every change any page or tab makes.
 * Null until the first load. The watcher is set up before the load so that no change falls
 * between the two; a load that ends after the page has gone is dropped.
 */
export function useStored<T>(
  load: () => Promise<T>,
  watch: (listener: (value: T) => void, signal: AbortSignal) => void,
): [T | null, Dispatch<StateUpdater<T | null>>] {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    watch(setValue, abort.signal);
    void load().then((loaded) => {
      if (!abort.signal.aborted) setValue(loaded);
    });
    return () => abort.abort();
  }, [load, watch]);
  return [value, setValue];
}
