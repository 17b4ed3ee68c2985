import { useCallback, useEffect } from 'preact/hooks';
import type { Settings } from '../core/settings/defaults';
import { useApi } from './api';
import { applyTheme } from './theme';
import { useStored } from './use-stored';

export interface SettingsHandle {
  /** Null until loaded. */
  settings: Settings | null;
  /**
   * Shows the change at once and stores it; other pages and tabs follow via storage events.
   * Resolves with null once stored, or with why it was not (the page then shows what is
   * stored); it never rejects.
   */
  update(patch: Partial<Settings>): Promise<Error | null>;
}

/** The live settings of an extension page, which also keeps the page in the chosen theme. */
export function useSettings(): SettingsHandle {
  const api = useApi();
  const [settings, setSettings] = useStored(api.loadSettings, api.watchSettings);

  const theme = settings?.theme ?? null;
  useEffect(() => {
    if (theme) applyTheme(document, theme);
  }, [theme]);

  const update = useCallback(
    (patch: Partial<Settings>) => {
      setSettings((current) => (current ? { ...current, ...patch } : current));
      return api.saveSettings(patch).then(
        () => null,
        (err: unknown) => {
          console.error('[Termlight] could not save settings', err);
          // Show what is really stored rather than a change that did not happen.
          void api.loadSettings().then(setSettings);
          return err instanceof Error ? err : new Error(String(err));
        },
      );
    },
    [api],
  );

  return { settings, update };
}
