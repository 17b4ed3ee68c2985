import { render, type VNode } from 'preact';
import { ApiContext } from './api';
import { createPlatformApi } from './platform-api';
import { applyTheme } from './theme';

/**
 * Starts an extension page on the real browser API: the theme last used (so the page does not
 * flash while the settings load), the translated title, and the page's root component.
 */
export function mountPage(titleKey: string, page: VNode): void {
  const api = createPlatformApi();
  applyTheme(document, null);
  document.title = api.t(titleKey);
  render(<ApiContext.Provider value={api}>{page}</ApiContext.Provider>, document.getElementById('page_root')!);
}
