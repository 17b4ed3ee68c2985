import foundationModels from '../../../glossary/foundation-models.json';
import type { GlossaryPack } from './types';

/**
 * The glossary packs that ship inside the extension. The build refuses a pack that fails
 * `validatePack`, so the cast only narrows what JSON typing cannot (category names and the like).
 */
export const bundledPacks: readonly GlossaryPack[] = [foundationModels as GlossaryPack];

/** The packs Termlight reads pages with: the bundled ones, then the user's, less those turned off. */
export function enabledPacks(userPacks: readonly GlossaryPack[], disabled: readonly string[]): GlossaryPack[] {
  return [...bundledPacks, ...userPacks].filter((p) => !disabled.includes(p.id));
}
