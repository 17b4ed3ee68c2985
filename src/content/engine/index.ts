export { createTermEngine } from './engine';
export { changedEngineOptions, engineOptionsFrom } from './settings';
export type { Appearance, EngineOptions, EngineStats, EngineTuning, Occurrence, TermEngine } from './types';
