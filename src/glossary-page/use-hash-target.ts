import { useEffect, useState } from 'preact/hooks';

function readHash(): string {
  const raw = location.hash.slice(1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a stray % in a hand-typed link
  }
}

/** The entry named by `#term-id`, following the hash as links and the back button change it. */
export function useHashTarget(): { target: string; stamp: number } {
  // The stamp changes on every hash event, so following the same link again re-highlights.
  const [state, setState] = useState({ target: readHash(), stamp: 0 });
  useEffect(() => {
    const onChange = () => setState((s) => ({ target: readHash(), stamp: s.stamp + 1 }));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return state;
}
