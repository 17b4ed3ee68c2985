import { browser } from './browser';

/**
 * A user-facing string from `_locales/<lang>/messages.json`. An unknown key shows the key itself,
 * so a missing string is visible in a screenshot instead of silently blank.
 */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
