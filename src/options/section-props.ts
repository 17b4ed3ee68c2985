import type { Settings } from '../core/settings/defaults';

export interface SectionProps {
  settings: Settings;
  /** Resolves with null once stored, or with why it was not. */
  update(patch: Partial<Settings>): Promise<Error | null>;
}
