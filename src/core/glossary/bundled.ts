import foundationModels from '../../../glossary/foundation-models.json';
import type { GlossaryPack } from './types';

/**
 * The glossary packs that ship inside the extension. The build refuses a pack that fails
 * `validatePack`, so the cast only narrows what JSON typing cannot (category names and the like).
 */
export const bundledPacks: readonly GlossaryPack[] = [foundationModels as GlossaryPack];
