import { useEffect, useRef } from 'preact/hooks';

/**
 * Keeps the sticky header's measures where the CSS can read them: whatever the page scrolls to
 * must come to rest below the header, whose height changes as it wraps on a narrow window.
 * `--glossary-header` is its height; `--glossary-header-lead` the part above the search box,
 * which a narrow window lets scroll away (see glossary.css).
 */
export function useStickyHeader(active: boolean) {
  const header = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = header.current;
    if (!el) return;
    const root = document.documentElement;
    const measure = () => {
      const box = el.getBoundingClientRect();
      const search = el.querySelector('.search-box')?.getBoundingClientRect();
      // A little room stays above the search box when the rest has scrolled away.
      const lead = search ? Math.max(0, Math.floor(search.top - box.top - 10)) : 0;
      root.style.setProperty('--glossary-header', `${Math.ceil(box.height)}px`);
      root.style.setProperty('--glossary-header-lead', `${lead}px`);
    };
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const watcher = new ResizeObserver(measure);
    watcher.observe(el);
    return () => watcher.disconnect();
  }, [active]);
  return header;
}
