// Public entry of the pure engine.
export { analyze, analyzeBlocks, prepare, recognise, registerModel, modelLoaded } from './engine';
export type { EngineOptions, Prepared, Tagger } from './engine';
export { normalize, toOriginal, fromOriginal } from './normalize';
export type { Normalized } from './normalize';
export { looksTraditional, toSimplified } from './convert';
export * from './types';
