import { describe, expect, it } from 'vitest';
import { FeatureExtractor, FEATURE_VERSION } from '../../../src/core/ner/features';
import { NerModel } from '../../../src/core/ner/model';
import { NUM_TAGS, TAG_O, tagName } from '../../../src/core/ner/tags';
import { TRANS_SIZE, Viterbi } from '../../../src/core/ner/viterbi';

let seed = 99;
const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const tagId = (name: string): number => {
  for (let t = 0; t < NUM_TAGS; t++) if (tagName(t) === name) return t;
  throw new Error(name);
};

// The inference decoder is a fused, BIOES-specialised int32 Viterbi; the generic
// decoder in viterbi.ts (used in training) is the reference it must agree with.
describe('fused inference decoder', () => {
  const bits = 10;
  const weights = Int8Array.from({ length: (1 << bits) * NUM_TAGS }, () => Math.floor(rand() * 255) - 127);
  // Coarse transition values make ties likely, so tie-breaking is checked too.
  const trans = Float64Array.from({ length: TRANS_SIZE }, () => Math.floor(rand() * 7 - 3) * 100);
  const model = new NerModel({ hashBits: bits, scale: 1, note: '' }, weights, trans);

  it('matches the generic Viterbi on random weights', () => {
    const extractor = new FeatureExtractor(bits);
    const nf = extractor.numFeatures;
    const viterbi = new Viterbi();
    const all = new Uint8Array(NUM_TAGS).fill(1);
    const pool = '张王李明华北京市省委员会主席在了的，。𠀀😀Ａ1 和美国中央党校'.match(/./gu)!;
    for (let k = 0; k < 300; k++) {
      const n = 1 + Math.floor(rand() * 120);
      const cps = Int32Array.from({ length: n }, () => pool[Math.floor(rand() * pool.length)].codePointAt(0)!);
      const feats = new Int32Array(n * nf);
      extractor.extract(cps, n, feats);
      const emit = new Float64Array(n * NUM_TAGS);
      for (let i = 0; i < n; i++)
        for (let f = 0; f < nf; f++)
          for (let t = 0; t < NUM_TAGS; t++) emit[i * NUM_TAGS + t] += weights[feats[i * nf + f] + t];
      const want = new Uint8Array(n);
      viterbi.decode(emit, n, trans, all, want);
      const got = new Uint8Array(n);
      model.tagUnits(cps, n, got);
      expect(Array.from(got)).toEqual(Array.from(want));
    }
  });

  it('rejects a model of another feature version with a clear error', () => {
    const bin = model.toBinary();
    expect(NerModel.fromBinary(bin).featureVersion).toBe(FEATURE_VERSION);
    const old = bin.slice();
    old[8] = 1; // feature version field (uint16 LE at byte 8)
    old[9] = 0;
    expect(() => NerModel.fromBinary(old)).toThrow(/incompatible model.*Retrain/);
  });
});

describe('partially annotated decoding (training target)', () => {
  it('keeps the annotated tags and fills the rest with allowed tags only', () => {
    const n = 5;
    const emit = new Float64Array(n * NUM_TAGS);
    // Emissions want a position over units 0-2, but unit 2 is annotated as a place.
    for (let i = 0; i < 3; i++) emit[i * NUM_TAGS + tagId(i === 0 ? 'B-position' : i === 1 ? 'I-position' : 'E-position')] = 10;
    const mask = new Uint8Array(n * NUM_TAGS);
    for (let i = 0; i < n; i++) {
      if (i === 2) mask[i * NUM_TAGS + tagId('S-place')] = 1;
      else for (const t of [TAG_O, tagId('B-position'), tagId('I-position'), tagId('E-position'), tagId('S-position')]) mask[i * NUM_TAGS + t] = 1;
    }
    const out = new Uint8Array(n);
    new Viterbi().decodeMasked(emit, n, new Float64Array(TRANS_SIZE), mask, out);
    expect(Array.from(out, tagName)).toEqual(['B-position', 'E-position', 'S-place', 'O', 'O']);
  });
});
