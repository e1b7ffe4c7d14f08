// Public entry of the pure engine.
import { modelLoaded, registerModel, type Tagger } from './engine';

export { analyze, analyzeBlocks, prepare, recognise, registerModel, modelLoaded } from './engine';
export type { EngineOptions, Prepared, Tagger } from './engine';
export { normalize, toOriginal, fromOriginal } from './normalize';
export type { Normalized } from './normalize';
export { looksTraditional, toSimplified } from './convert';
export * from './types';

let shipped: Promise<Tagger> | null = null;

/**
 * Registers the shipped NER model (src/core/ner) with the engine, so analyze() merges it with the
 * rules by default. Idempotent: the module is imported and its weights decoded once per process
 * (or worker); later calls only re-register the same tagger if something unloaded it.
 * Imported on demand, so a bundle that never calls this does not carry the weights.
 */
export async function loadShippedModel(): Promise<void> {
  shipped ??= import('./ner').then((ner) => {
    const model = ner.loadModel();
    return (t: string) => ner.tagEntities(t, model);
  });
  const t = await shipped;
  if (!modelLoaded()) registerModel(t);
}
