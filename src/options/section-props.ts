import type { Settings } from '../core/settings/defaults';

export interface SectionProps {
  settings: Settings;
  update(patch: Partial<Settings>): void;
}
