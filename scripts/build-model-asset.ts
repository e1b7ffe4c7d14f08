// Writes the shipped NER model as a binary asset for the extension (public/models/ner-model.bin).
// The extension fetches it in the engine worker instead of bundling 6 MB of base64 JavaScript,
// which store linters refuse to parse. The source of truth stays src/core/ner/model/weights.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { decodeBase64 } from '../src/core/ner/base64';
import { NerModel } from '../src/core/ner/model';
import { NER_MODEL_BASE64 } from '../src/core/ner/model/weights';

const out = resolve(import.meta.dirname, '../public/models/ner-model.bin');
const bytes = decodeBase64(NER_MODEL_BASE64);
NerModel.fromBinary(bytes); // refuse to ship a model the engine cannot load
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.log(`wrote ${out} (${bytes.length} bytes)`);
