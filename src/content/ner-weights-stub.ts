// Stands in for src/core/ner/model/weights.ts in the extension build (see vite.config.ts): the extension
// loads the model from public/models/ner-model.bin. Decoding this empty string fails loudly.
export const NER_MODEL_BASE64 = '';
