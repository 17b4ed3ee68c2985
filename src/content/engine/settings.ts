import type { Settings } from '../../core/settings/defaults';
import type { EngineOptions } from './types';

/** The engine's options from the user's settings. */
export function engineOptionsFrom(settings: Settings): EngineOptions {
  return {
    occurrences: settings.occurrences,
    // Gate off means gated terms are marked like any other: no page needs to earn them.
    contextThreshold: settings.contextGate.enabled ? settings.contextGate.threshold : 0,
    skipCode: settings.skipCode,
    appearance: { style: settings.highlightStyle, color: settings.highlightColor },
  };
}

/** The options that differ between two settings, for `engine.update()`; empty when none. */
export function changedEngineOptions(before: EngineOptions, after: EngineOptions): Partial<EngineOptions> {
  const patch: Partial<EngineOptions> = {};
  if (before.occurrences !== after.occurrences) patch.occurrences = after.occurrences;
  if (before.contextThreshold !== after.contextThreshold) patch.contextThreshold = after.contextThreshold;
  if (before.skipCode !== after.skipCode) patch.skipCode = after.skipCode;
  if (before.appearance.style !== after.appearance.style || before.appearance.color !== after.appearance.color) {
    patch.appearance = after.appearance;
  }
  return patch;
}
